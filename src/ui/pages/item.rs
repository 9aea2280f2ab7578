//! One item of the page: column label, deck, title, bylines, then its paragraphs (or its
//! quotations), each paragraph addressable by its stable id.

use yew::prelude::*;

use crate::content::{Item, ItemKind, Page, Role};
use crate::ui::route::Route;

#[derive(Properties, PartialEq)]
pub struct ItemPageProps {
    pub page: &'static Page,
    pub item_id: String,
    /// The paragraph the link pointed at, marked and scrolled to.
    pub paragraph: Option<String>,
}

#[function_component(ItemPage)]
pub fn item_page(props: &ItemPageProps) -> Html {
    let Some(item) = props.page.item(&props.item_id) else {
        return html! {};
    };
    let focused = props.paragraph.clone();
    use_effect_with(focused.clone(), |focused| {
        if let Some(id) = focused {
            if let Some(element) = gloo::utils::document().get_element_by_id(id) {
                element.scroll_into_view();
            }
        }
    });
    html! {
        <article class={classes!("item", kind_class(item.kind))} aria-labelledby="item-title">
            <header class="item-header">
                if let Some(column) = &item.column {
                    <p class="column-label">{ column.as_ref() }</p>
                }
                if let Some(deck) = &item.deck {
                    <p class="deck">{ deck.as_ref() }</p>
                }
                <h2 id="item-title">{ item.heading() }</h2>
                if item.kind == ItemKind::Article && !item.bylines.is_empty() {
                    <p class="byline">{ item.byline_text() }</p>
                }
            </header>
            <div class="item-body">
                { for item.paragraphs.iter().map(|p| {
                    let marked = focused.as_deref() == Some(p.id.as_ref());
                    html! {
                        <p id={p.id.to_string()} class={classes!(marked.then_some("marked"))}>{ p.text.as_ref() }</p>
                    }
                }) }
                { quotations(props.page, item) }
            </div>
            if item.kind == ItemKind::PhotoNews {
                <p class="credit">{ photo_credit(item) }</p>
            }
        </article>
    }
}

/// The quotation box's quotations, each linking to its own page.
fn quotations(page: &Page, item: &Item) -> Html {
    if item.quotations.is_empty() {
        return html! {};
    }
    html! {
        <>
            <ol class="quotations">
                { for item.quotations.iter().map(|q| {
                    let route = Route::Quotation {
                        page: page.id.to_string(),
                        item: item.id.to_string(),
                        quotation: q.id.to_string(),
                    };
                    html! {
                        <li id={q.id.to_string()} class="quotation">
                            <blockquote><p>{ q.text.as_ref() }</p></blockquote>
                            <p class="attribution">
                                <a href={route.href()}>
                                    <time datetime={q.date.to_string()}>{ q.date.chinese() }</time>
                                </a>
                                { "，" }{ q.speaker.as_ref() }{ q.occasion.as_ref() }
                            </p>
                        </li>
                    }
                }) }
            </ol>
            if let Some(source) = &item.source {
                <p class="source">{ format!("来源：{source}") }</p>
            }
        </>
    }
}

fn photo_credit(item: &Item) -> String {
    let photographers = item.bylines.iter().any(|b| b.role == Role::Photographer);
    if photographers {
        format!("{} 摄", item.byline_text())
    } else {
        String::new()
    }
}

fn kind_class(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Article => "article",
        ItemKind::PhotoNews => "photo-news",
        ItemKind::Quotations => "quotation-box",
    }
}
