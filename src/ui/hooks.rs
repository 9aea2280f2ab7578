//! Small hooks and callbacks that several views share: a fact of the device read once the
//! page has hydrated (the clock's day, WeChat), a text box kept in state, and copying text
//! with a word on how it went.

use yew::prelude::*;

use super::platform;

/// `read()` once the first render is on screen, `None` before. The prerendered page knows
/// nothing of the device (its clock, its browser), so the first render in the browser must
/// not either: hydration holds, and the value arrives from the effect right after.
#[hook]
pub fn use_after_hydration<T: Clone + 'static>(read: fn() -> T) -> Option<T> {
    let value = use_state(|| None::<T>);
    {
        let value = value.clone();
        use_effect_with((), move |_| value.set(Some(read())));
    }
    (*value).clone()
}

/// The reader's local day ([`platform::today`]), once the page has hydrated.
#[hook]
pub fn use_today() -> Option<i64> {
    use_after_hydration(platform::today)
}

/// Whether the page runs inside WeChat ([`platform::is_wechat`]); `false` until the page
/// has hydrated.
#[hook]
pub fn use_wechat() -> bool {
    use_after_hydration(platform::is_wechat).unwrap_or(false)
}

/// The value typed into the `<input>` or `<textarea>` an input event comes from.
pub fn typed_text(event: &InputEvent) -> String {
    if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
        return area.value();
    }
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Keeps `text` equal to what is typed in the box this callback listens to (`oninput`).
pub fn keep_typed(text: &UseStateHandle<String>) -> Callback<InputEvent> {
    let text = text.clone();
    Callback::from(move |event: InputEvent| text.set(typed_text(&event)))
}

/// Copies `text` to the clipboard and puts in `message` what happened: `done` when the
/// browser took the text, `by_hand` (how to copy it by hand) when it cannot copy.
pub fn copy_and_say(
    text: &str,
    message: &UseStateHandle<Option<String>>,
    done: &str,
    by_hand: &str,
) {
    let said = if platform::copy_text(text) {
        done
    } else {
        by_hand
    };
    message.set(Some(said.to_string()));
}
