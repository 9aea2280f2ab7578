//! 我的收藏: the items and quotations the reader kept from every page of the archive,
//! newest first, each with the page it belongs to, a way to open it and to remove it.

use yew::prelude::*;

use crate::ui::library::{use_library, use_pages};
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::route::Route;
use crate::ui::store::use_progress;
use xuexi_core::progress::ProgressAction;

#[function_component(Favourites)]
pub fn favourites() -> Html {
    let progress = use_progress();
    let handle = use_library();
    let library = handle.library();
    let routes: Vec<Route> = progress
        .progress()
        .favourites
        .iter()
        .rev()
        .map(|href| Route::parse(href))
        .filter(|route| route.page_id().is_some())
        .collect();
    // A quotation is named by its date, which only its page has.
    let mut wanted: Vec<String> = routes
        .iter()
        .filter(|route| matches!(route, Route::Quotation { .. }))
        .filter_map(|route| route.page_id().map(str::to_string))
        .collect();
    wanted.dedup();
    use_pages(wanted);
    let entries: Vec<(Route, String)> = routes
        .into_iter()
        .map(|route| {
            let title = meta::title(library, &route);
            let title = title
                .trim_end_matches(&format!(" · {}", meta::APP_NAME))
                .to_string();
            let page = route
                .page_id()
                .map(|id| library.label(id))
                .unwrap_or_default();
            (route, format!("{title}（{page}）"))
        })
        .collect();
    html! {
        <section class="favourites" aria-labelledby="item-title">
            <h2 id="item-title">{ "我的收藏" }</h2>
            if entries.is_empty() {
                <p>{ "还没有收藏。阅读时点「☆ 收藏」，文章就会出现在这里。" }</p>
            }
            <ul class="favourite-list">
                { for entries.into_iter().map(|(route, title)| {
                    let href = route.href();
                    let onremove = {
                        let progress = progress.clone();
                        Callback::from(move |_| progress.apply(ProgressAction::ToggleFavourite { route: href.clone(), at_ms: platform::now_ms() }))
                    };
                    html! {
                        <li>
                            <Link to={route}>{ title.clone() }</Link>
                            <button type="button" class="button" onclick={onremove}
                                aria-label={format!("取消收藏：{title}")}>{ "取消收藏" }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
