//! 我的收藏: the items and quotations the reader kept, newest first, each with a way to
//! open it and to remove it.

use yew::prelude::*;

use crate::progress::ProgressAction;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::route::Route;
use crate::ui::store::use_progress;

#[function_component(Favourites)]
pub fn favourites() -> Html {
    let progress = use_progress();
    let entries: Vec<(Route, String)> = progress
        .progress()
        .favourites
        .iter()
        .rev()
        .map(|href| Route::parse(href))
        .filter(|route| !matches!(route, Route::NotFound | Route::Home | Route::Favourites))
        .map(|route| {
            let title = meta::title(&route);
            let title = title
                .trim_end_matches(&format!(" · {}", meta::APP_NAME))
                .to_string();
            (route, title)
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
