//! The banner that offers a newer build, "有新版本，点击更新": the page reloads into it only
//! when the reader taps, never by itself (progress is saved on every change regardless).

use yew::prelude::*;

use crate::ui::service_worker;

#[function_component(UpdatePrompt)]
pub fn update_prompt() -> Html {
    let available = use_state(|| false);
    let updating = use_state(|| false);
    {
        let available = available.setter();
        use_effect_with((), move |_| {
            let watch = service_worker::watch(move || available.set(true));
            move || drop(watch)
        });
    }
    if !*available {
        return html! {};
    }
    let onclick = {
        let updating = updating.setter();
        Callback::from(move |_: MouseEvent| {
            updating.set(true);
            service_worker::apply_update();
        })
    };
    html! {
        <div class="notice update-prompt" role="status">
            <button type="button" class="button" onclick={onclick} disabled={*updating}>
                { if *updating { "正在更新…" } else { "有新版本，点击更新" } }
            </button>
        </div>
    }
}
