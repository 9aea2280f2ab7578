//! 错题本 across the archive: how many questions wait in each page's 错题本, newest page
//! first, each with the way to practise them; the questions themselves are asked by each
//! page's own 错题本 quiz, which keeps its questions until they are answered right; and the
//! way on to 背诵.

use yew::prelude::*;

use crate::ui::library::use_library;
use crate::ui::nav::Link;
use crate::ui::pages::home::first_recitation;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::use_progress;

#[function_component(MistakeBook)]
pub fn mistake_book() -> Html {
    let progress = use_progress();
    let library = use_library();
    let library = library.library();
    let pages: Vec<(String, String, usize)> = library
        .catalog()
        .pages
        .iter()
        .map(|entry| {
            let n = progress.progress().mistakes(&entry.id).len();
            (entry.id.clone(), entry.label(), n)
        })
        .filter(|(_, _, n)| *n > 0)
        .collect();
    // From 错题本 on to learning the quotations by heart.
    let recite = library.current().and_then(first_recitation);
    let total: usize = pages.iter().map(|(_, _, n)| n).sum();
    html! {
        <section class="mistake-book" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ "错题本" }</h2>
            if pages.is_empty() {
                <p>{ "错题本是空的：答错的题会自动记在这里，反复练到答对为止。" }</p>
            } else {
                <p id="mistakes-total">{ format!("共有 {total} 道题等你再练，分在 {} 期：", pages.len()) }</p>
                <ul class="mistake-pages">
                    { for pages.into_iter().map(|(page, label, n)| html! {
                        <li data-page={page.clone()}>
                            <span>{ format!("{label}：{n} 道") }</span>
                            <Link to={Route::Quiz { page, quiz: QuizTarget::Mistakes }} class="button">{ "练习这一期的错题" }</Link>
                        </li>
                    }) }
                </ul>
            }
            <p class="tool-row">
                if let Some(recite) = recite {
                    <Link to={recite} class="button">{ "背诵每周一学" }</Link>
                }
                <Link to={Route::Home} class="button">{ "返回本期" }</Link>
            </p>
        </section>
    }
}
