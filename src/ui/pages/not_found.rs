//! What a link to nothing shows: a plain way back home.

use yew::prelude::*;

use crate::ui::nav::Link;
use crate::ui::route::Route;

#[function_component(NotFound)]
pub fn not_found() -> Html {
    html! {
        <section class="not-found" aria-labelledby="item-title">
            <h2 id="item-title">{ "没有找到这一页" }</h2>
            <p>{ "链接可能不完整或已过期。" }</p>
            <p><Link to={Route::Home} class="button">{ "返回本期" }</Link></p>
        </section>
    }
}
