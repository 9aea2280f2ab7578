//! One item of the page, set for reading: column label, deck, title, bylines, reading
//! time, then its paragraphs (or quotations), each with its own link. Tracks how far the
//! reader got, restores the position on return, counts reading time, and offers 朗读,
//! 收藏, 复制链接 and previous / next.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::ui::components::highlighted::Highlighted;
use crate::ui::components::read_aloud::ReadAloud;
use crate::ui::components::reading_bar::ReadingBar;
use crate::ui::components::share_bar::ShareBar;
use crate::ui::library::use_library;
use crate::ui::nav::{use_navigator, Link};
use crate::ui::pages::home::reading_minutes;
use crate::ui::platform;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::use_progress;
use xuexi_core::content::{Item, ItemKind, Page, Role};
use xuexi_core::progress::ItemKey;
use xuexi_core::progress::ProgressAction;
use xuexi_core::quiz::Bank;
use xuexi_core::search::{Field, SearchIndex, Target};

#[derive(Properties, PartialEq)]
pub struct ItemPageProps {
    pub page: &'static Page,
    pub item_id: String,
    /// The paragraph the link pointed at, marked and scrolled to.
    pub paragraph: Option<String>,
    /// Search words to mark in that paragraph.
    pub highlight: Option<String>,
}

#[function_component(ItemPage)]
pub fn item_page(props: &ItemPageProps) -> Html {
    let article = use_node_ref();
    let navigator = use_navigator();
    let library = use_library();
    let percent = use_state(|| 0u8);
    let speaking = use_state(|| None::<String>);
    let key = ItemKey::new(&props.page.id, &props.item_id);
    let opened_by_load = navigator.previous.is_none();
    use_reading_tracker(
        &article,
        &key,
        &percent,
        props.paragraph.clone(),
        opened_by_load,
    );
    use_reading_clock(&key);
    let Some(item) = props.page.item(&props.item_id) else {
        return html! {};
    };

    let spoken: Rc<Vec<(String, String)>> = Rc::new(
        std::iter::once(("item-title".to_string(), item.heading().to_string()))
            .chain(
                item.paragraphs
                    .iter()
                    .map(|p| (p.id.to_string(), p.text.to_string())),
            )
            .chain(
                item.quotations
                    .iter()
                    .map(|q| (q.id.to_string(), q.text.to_string())),
            )
            .collect(),
    );
    let onparagraph = {
        let speaking = speaking.clone();
        Callback::from(move |id: Option<String>| speaking.set(id))
    };
    let route = Route::item(props.page, &item.id);
    let back_to_question = navigator
        .previous
        .clone()
        .filter(|r| matches!(r, Route::Quiz { .. }));
    html! {
        <>
            <ReadingBar percent={*percent} />
            if let Some(question) = back_to_question {
                <p class="back-to-quiz"><Link to={question} class="button primary">{ "← 返回题目" }</Link></p>
            }
            <article ref={article} class={classes!("item", kind_class(item.kind))} aria-labelledby="item-title">
                <header class="item-header">
                    if let Some(column) = &item.column {
                        <p class="column-label">{ column.as_str() }</p>
                    }
                    if let Some(deck) = &item.deck {
                        <p class="deck">{ deck.as_str() }</p>
                    }
                    <h2 id="item-title" tabindex="-1"
                        class={classes!((speaking.as_deref() == Some("item-title")).then_some("speaking"))}>
                        { item.heading() }
                    </h2>
                    if item.kind == ItemKind::Article && !item.bylines.is_empty() {
                        <p class="byline">{ item.byline_text() }</p>
                    }
                    <p class="reading-time">{ format!("约 {} 分钟读完", reading_minutes(item)) }</p>
                </header>
                <ShareBar route={route.clone()}>
                    <ReadAloud paragraphs={spoken} {onparagraph} />
                </ShareBar>
                <div class="item-body">
                    { for item.paragraphs.iter().map(|p| {
                        let marked = props.paragraph.as_deref() == Some(p.id.as_str());
                        let ranges = match (&props.highlight, marked) {
                            (Some(words), true) => text_ranges(props.page, item, Target::Paragraph(&p.id), words),
                            _ => Vec::new(),
                        };
                        let is_speaking = speaking.as_deref() == Some(p.id.as_str());
                        let link = Route::Item {
                            page: props.page.id.to_string(),
                            item: item.id.to_string(),
                            paragraph: Some(p.id.to_string()),
                            highlight: None,
                        };
                        html! {
                            <p id={p.id.to_string()} class={classes!(marked.then_some("marked"), is_speaking.then_some("speaking"))}>
                                <Highlighted text={p.text.clone()} {ranges} />
                                <Link to={link} class="para-link" label={format!("本段链接（第{}段）", &p.id[1..])}>{ "¶" }</Link>
                            </p>
                        }
                    }) }
                    { quotations(props.page, item, speaking.as_deref(), props.paragraph.as_deref(), props.highlight.as_deref()) }
                </div>
                if item.kind == ItemKind::PhotoNews {
                    <p class="credit">{ photo_credit(item) }</p>
                }
                <p class="end-mark" aria-hidden="true">{ "（完）" }</p>
            </article>
            { quiz_offer(props.page, library.library().bank(&props.page.id), item) }
            { neighbours(props.page, item, library.library().home_of(&props.page.id)) }
        </>
    }
}

/// Watches scrolling: updates the bar, records progress, marks the item read at its end,
/// and on opening restores the last position (or goes to the linked paragraph). On a page
/// opened by loading it, the app may start long after the reader began reading (see
/// `assets/start.js`): if the page has been scrolled by then, it stays where the reader is.
#[hook]
fn use_reading_tracker(
    article: &NodeRef,
    key: &ItemKey,
    percent: &UseStateHandle<u8>,
    paragraph: Option<String>,
    opened_by_load: bool,
) {
    let progress = use_progress();
    let loaded = progress.loaded();
    let article = article.clone();
    let percent = percent.clone();
    use_effect_with(
        (key.clone(), paragraph, loaded),
        move |(key, paragraph, loaded)| {
            let measure = {
                let article = article.clone();
                move || -> Option<(u8, u16, f64, f64)> {
                    let element = article.cast::<web_sys::Element>()?;
                    let rect = element.get_bounding_client_rect();
                    let (scroll_y, viewport) = platform::viewport();
                    let height = rect.height().max(1.0);
                    let seen = ((viewport - rect.top()) / height * 100.0).clamp(0.0, 100.0);
                    let position = (-rect.top() / height * 1000.0).clamp(0.0, 1000.0);
                    Some((seen as u8, position as u16, rect.top() + scroll_y, height))
                }
            };
            let mut listener = None;
            if *loaded {
                let reader_has_moved = opened_by_load && platform::viewport().0 > 0.0;
                match paragraph {
                    _ if reader_has_moved => {}
                    Some(id) => {
                        if let Some(element) = gloo::utils::document().get_element_by_id(id) {
                            element.scroll_into_view();
                        }
                    }
                    None => {
                        let saved = progress.progress().reading_of(key).position;
                        if let Some((_, _, top, height)) = measure() {
                            platform::scroll_to(if saved > 0 {
                                top + height * f64::from(saved) / 1000.0
                            } else {
                                0.0
                            });
                        }
                    }
                }
                let record = {
                    let (progress, key, percent) = (progress.clone(), key.clone(), percent.clone());
                    let last = std::cell::Cell::new((u8::MAX, u16::MAX));
                    move || {
                        let Some((seen, position, _, _)) = measure() else {
                            return;
                        };
                        percent.set(seen);
                        let (last_seen, last_position) = last.get();
                        // Record only real changes, so storage is not written on every pixel.
                        if seen.abs_diff(last_seen) >= 2
                            || position.abs_diff(last_position) >= 20
                            || (seen >= 98 && last_seen < 98)
                        {
                            last.set((seen, position));
                            progress.apply(ProgressAction::Scrolled {
                                key: key.clone(),
                                percent: seen,
                                position,
                            });
                        }
                    }
                };
                record();
                // gloo's listeners are passive by default: scrolling never waits for us.
                listener = Some(EventListener::new(
                    &gloo::utils::window(),
                    "scroll",
                    move |_| record(),
                ));
            }
            move || drop(listener)
        },
    );
}

/// Adds reading time while the item is open and the page is in front of the reader.
#[hook]
fn use_reading_clock(key: &ItemKey) {
    const TICK_SECONDS: u32 = 15;
    let progress = use_progress();
    use_effect_with(key.clone(), move |key| {
        let key = key.clone();
        let interval = Interval::new(TICK_SECONDS * 1000, move || {
            if platform::is_visible() {
                progress.apply(ProgressAction::Spent {
                    key: key.clone(),
                    seconds: TICK_SECONDS,
                });
            }
        });
        move || drop(interval)
    });
}

/// The quotation box's quotations, each linking to its own page.
fn quotations(
    page: &Page,
    item: &Item,
    speaking: Option<&str>,
    marked: Option<&str>,
    words: Option<&str>,
) -> Html {
    if item.quotations.is_empty() {
        return html! {};
    }
    html! {
        <>
            <ol class="quotations">
                { for item.quotations.iter().map(|q| {
                    let route = Route::quotation(&page.id, &item.id, &q.id);
                    let is_speaking = speaking == Some(q.id.as_str());
                    let is_marked = marked == Some(q.id.as_str());
                    let ranges = match words {
                        Some(words) if is_marked => text_ranges(page, item, Target::Quotation(&q.id), words),
                        _ => Vec::new(),
                    };
                    html! {
                        <li id={q.id.to_string()} class={classes!("quotation", is_speaking.then_some("speaking"), is_marked.then_some("marked"))}>
                            <blockquote><p><Highlighted text={q.text.clone()} {ranges} /></p></blockquote>
                            <p class="attribution">
                                <Link to={route}>
                                    <time datetime={q.date.to_string()}>{ q.date.chinese() }</time>
                                    { format!("，{}{}", q.speaker, q.occasion) }
                                </Link>
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

/// 读后测, offered at the end of the item.
fn quiz_offer(page: &Page, bank: Option<&Bank>, item: &Item) -> Html {
    let quiz = QuizTarget::for_item(item);
    let n_questions = bank.map_or(0, |bank| match &quiz {
        QuizTarget::Item(id) => bank.item_questions(id).count(),
        _ => bank
            .questions
            .iter()
            .filter(|q| q.anchor.is_quotation())
            .count(),
    });
    if n_questions == 0 {
        return html! {};
    }
    let label = if item.kind == ItemKind::Quotations {
        "每周一学测验"
    } else {
        "读后测"
    };
    html! {
        <aside class="quiz-offer" aria-label="测验">
            <p>{ format!("读完了？做 {n_questions} 道题检验一下。") }</p>
            <Link to={Route::Quiz { page: page.id.to_string(), quiz }} class="button primary">{ label }</Link>
        </aside>
    }
}

/// Previous / next item in page order, and the way home.
fn neighbours(page: &'static Page, item: &Item, home: Route) -> Html {
    let index = page.item_index(&item.id).unwrap_or(0);
    let previous = index.checked_sub(1).and_then(|i| page.items.get(i));
    let next = page.items.get(index + 1);
    // Seeing this end starts the app on a first visit (assets/start.js), which marks the item read.
    html! {
        <nav class="item-nav" aria-label="上一篇、下一篇" data-start-app-when-seen="">
            if let Some(previous) = previous {
                <Link to={Route::item(page, &previous.id)} class="button" rel="prev">
                    { format!("← 上一篇：{}", previous.heading()) }
                </Link>
            }
            if let Some(next) = next {
                <Link to={Route::item(page, &next.id)} class="button" rel="next">
                    { format!("下一篇：{} →", next.heading()) }
                </Link>
            }
            <Link to={home.clone()} class="button">{ if home == Route::Home { "返回本期" } else { "返回这一期" } }</Link>
        </nav>
    }
}

/// Where the search words occur in one paragraph's or quotation's text, as char ranges of it.
fn text_ranges(
    page: &Page,
    item: &Item,
    target: Target<'_>,
    words: &str,
) -> Vec<std::ops::Range<usize>> {
    SearchIndex::new([page])
        .search(words, usize::MAX)
        .hits
        .into_iter()
        .find(|hit| hit.page_id == page.id && hit.item_id == item.id && hit.target == target)
        .map(|hit| hit.highlights_in(Field::Text).collect())
        .unwrap_or_default()
}

fn photo_credit(item: &Item) -> String {
    if item.bylines.iter().any(|b| b.role == Role::Photographer) {
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
