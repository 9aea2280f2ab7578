//! What a link to nothing shows: a plain way back home.

use yew::prelude::*;

#[function_component(NotFound)]
pub fn not_found() -> Html {
    html! {
        <section class="not-found">
            <h2>{ "没有找到这一页" }</h2>
            <p>{ "链接可能不完整或已过期。" }</p>
            <p><a href="./">{ "返回本期" }</a></p>
        </section>
    }
}
