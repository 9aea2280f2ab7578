//! A banner that tells the reader something happened to their stored progress.

use yew::prelude::*;

use crate::ui::store::use_progress;

#[function_component(Notice)]
pub fn notice() -> Html {
    let progress = use_progress();
    let Some(text) = progress.notice().map(str::to_string) else {
        return html! {};
    };
    let ondismiss = Callback::from(move |_| progress.dismiss_notice());
    html! {
        <div class="notice" role="status">
            <p>{ text }</p>
            <button type="button" class="button" onclick={ondismiss}>{ "知道了" }</button>
        </div>
    }
}
