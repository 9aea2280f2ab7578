//! 本期: the page's items in page order under their column labels.

use yew::prelude::*;

use crate::content::{ItemKind, Page};
use crate::ui::route::Route;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub page: &'static Page,
}

#[function_component(Home)]
pub fn home(props: &HomeProps) -> Html {
    let page = props.page;
    html! {
        <section class="home" aria-labelledby="page-title">
            <h2 id="page-title" class="masthead">
                { page.title.as_ref() }
                if let Some(date) = page.date {
                    <small>{ date.chinese() }</small>
                }
            </h2>
            <ol class="item-list">
                { for page.items.iter().map(|item| {
                    let route = Route::item(page, &item.id);
                    let teaser = match item.kind {
                        ItemKind::Quotations => item.quotations.first().map(|q| q.text.to_string()),
                        _ => item.paragraphs.first().map(|p| p.text.to_string()),
                    };
                    html! {
                        <li class="item-card" data-item={item.id.to_string()}>
                            if let Some(column) = &item.column {
                                <p class="column-label">{ column.as_ref() }</p>
                            }
                            <h3><a href={route.href()}>{ item.heading() }</a></h3>
                            if !item.bylines.is_empty() {
                                <p class="byline">{ item.byline_text() }</p>
                            }
                            if let Some(teaser) = teaser {
                                <p class="teaser">{ teaser }</p>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
