//! A page's home: the masthead with its 期号 and date, the items in page order under their
//! column labels with their reading status, and the 每周一学 quotations shown as cards; on
//! the site's home (the current 期) the archive (往期) follows with every earlier page.
//! One primary link says where to start; a tap anywhere on an item's card opens it.

use yew::prelude::*;

use crate::ui::components::archive::{Archive, HOME_ENTRIES};
use crate::ui::hooks::use_today;
use crate::ui::library::use_library;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::use_progress;
use xuexi_core::content::{Item, ItemKind, Page, PageEntry};
use xuexi_core::progress::ItemKey;

#[derive(Properties, PartialEq)]
pub struct HomeProps {
    pub page: &'static Page,
    /// Whether this is the site's home: the current 期 with the archive below it.
    pub archive: bool,
}

#[function_component(Home)]
pub fn home(props: &HomeProps) -> Html {
    let page = props.page;
    let library = use_library();
    let is_current = library
        .library()
        .current()
        .is_some_and(|entry| entry.id == page.id);
    html! {
        <section class="home" aria-labelledby="page-title">
            <h2 id="page-title" class="masthead">
                { page.title.as_str() }
                if let Some(issue) = &page.issue {
                    <small class="issue">{ issue.as_str() }</small>
                }
                if let Some(date) = page.date {
                    <small>{ date.chinese() }</small>
                }
            </h2>
            if !props.archive {
                <p class="page-note">
                    { if is_current { "这是本期。" } else { "这是往期内容。" } }
                    <Link to={Route::Home}>{ "返回首页（本期与往期）" }</Link>
                </p>
            }
            <QuizLinks page={page} />
            <ol class="item-list">
                { for page.items.iter().map(|item| html! {
                    <ItemCard page={page} item_id={item.id.to_string()} />
                }) }
            </ol>
            if props.archive {
                <Archive current={page.id.clone()} limit={Some(HOME_ENTRIES)} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct QuizLinksProps {
    page: &'static Page,
}

/// Where to start (one primary link), then 自测: the whole-page quizzes, and 错题本 and
/// 今日复习 once something waits in them.
#[function_component(QuizLinks)]
fn quiz_links(props: &QuizLinksProps) -> Html {
    let library = use_library();
    let progress = use_progress();
    let page = props.page;
    let n_mistakes = progress.progress().mistakes(&page.id).len();
    let today = use_today();
    let n_due = today.map_or(0, |day| {
        crate::ui::pages::review::n_due(library.library(), progress.progress(), day)
    });
    let has_quizzes = library.library().bank(&page.id).is_some();
    let quiz = |quiz| Route::Quiz {
        page: page.id.to_string(),
        quiz,
    };
    let (start_text, start_route) = next_step(page, progress.progress(), n_due);
    html! {
        <>
            <p class="start-here">
                <Link to={start_route} class="button primary">{ start_text }</Link>
            </p>
            if has_quizzes {
            <nav class="quiz-links" aria-label="自测">
                <Link to={quiz(QuizTarget::Mixed)} class="button">{ "综合测验" }</Link>
                <Link to={quiz(QuizTarget::Weekly)} class="button">{ "每周一学测验" }</Link>
                if n_mistakes > 0 {
                    <Link to={quiz(QuizTarget::Mistakes)} class="button">{ format!("错题本（{n_mistakes}）") }</Link>
                }
                if n_due > 0 {
                    <Link to={Route::Review} class="button">{ format!("今日复习 {n_due} 项") }</Link>
                }
                <Link to={Route::Sheet { page: page.id.to_string() }} class="button">{ "打印学习单" }</Link>
            </nav>
            }
        </>
    }
}

/// The one next step home offers first: the first item not yet read to the end, then
/// today's reviews, then 综合测验. A first-time reader (and the prerendered page) is told to
/// read the first item.
fn next_step(
    page: &Page,
    progress: &xuexi_core::progress::Progress,
    n_due: usize,
) -> (String, Route) {
    let unread = page
        .items
        .iter()
        .find(|item| !progress.reading_of(&ItemKey::new(&page.id, &item.id)).read);
    let started = page.items.iter().any(|item| {
        progress
            .reading_of(&ItemKey::new(&page.id, &item.id))
            .percent
            > 0
    });
    match unread {
        Some(item) => (
            format!(
                "{}：{}",
                if started {
                    "接着读"
                } else {
                    "从这里开始，先读"
                },
                item.heading()
            ),
            Route::item(page, &item.id),
        ),
        None if n_due > 0 => (format!("今日复习 {n_due} 项"), Route::Review),
        None => (
            "都读完了，做一次综合测验".to_string(),
            Route::Quiz {
                page: page.id.to_string(),
                quiz: QuizTarget::Mixed,
            },
        ),
    }
}

/// The first 每周一学 quotation of a page to recite, if the page has one: from the catalog,
/// so a view shows it without the page loaded.
pub fn first_recitation(entry: &PageEntry) -> Option<Route> {
    let item = entry
        .items
        .iter()
        .find(|item| item.kind == ItemKind::Quotations)?;
    let quotation = item.quotations.first()?;
    Some(Route::recite(&entry.id, &item.id, quotation))
}

#[derive(Properties, PartialEq)]
struct ItemCardProps {
    page: &'static Page,
    item_id: String,
}

#[function_component(ItemCard)]
fn item_card(props: &ItemCardProps) -> Html {
    let progress = use_progress();
    let Some(item) = props.page.item(&props.item_id) else {
        return html! {};
    };
    let route = Route::item(props.page, &item.id);
    let reading = progress
        .progress()
        .reading_of(&ItemKey::new(&props.page.id, &item.id));
    let status = if reading.read {
        "已读完".to_string()
    } else if reading.percent > 0 {
        format!("已读 {}%", reading.percent)
    } else {
        "未读".to_string()
    };
    let is_box = item.kind == ItemKind::Quotations;
    let quiz = QuizTarget::for_item(item);
    let best = progress
        .progress()
        .best_of(&quiz.progress_key(&props.page.id));
    html! {
        <li class={classes!("item-card", is_box.then_some("quotation-card"))} data-item={item.id.to_string()}>
            if let Some(column) = &item.column {
                <p class="column-label">{ column.as_str() }</p>
            }
            <h3><Link to={route.clone()}>{ item.heading() }</Link></h3>
            if is_box {
                { quotation_cards(props.page, item) }
            } else {
                if !item.bylines.is_empty() {
                    <p class="byline">{ item.byline_text() }</p>
                }
                if let Some(teaser) = meta::first_text(item) {
                    <p class="teaser">{ teaser }</p>
                }
            }
            <p class="card-meta">
                <span class={classes!("status", reading.read.then_some("done"))}>{ status }</span>
                <span>{ format!("约 {} 分钟", reading_minutes(item)) }</span>
                <span class="best">{ best.map_or("未测验".to_string(), |b| format!("测验最好 {b}%")) }</span>
            </p>
        </li>
    }
}

fn quotation_cards(page: &Page, item: &Item) -> Html {
    html! {
        <ol class="quotation-cards">
            { for item.quotations.iter().map(|q| {
                let route = Route::quotation(&page.id, &item.id, &q.id);
                html! {
                    <li>
                        <blockquote><p>{ q.text.as_str() }</p></blockquote>
                        <p class="attribution">
                            <Link to={route}>{ format!("{}，{}{}", q.date.chinese(), q.speaker, q.occasion) }</Link>
                        </p>
                        <p><Link to={Route::recite(&page.id, &item.id, &q.id)}
                            class="button">{ format!("背诵第{}则", q.id.trim_start_matches('q')) }</Link></p>
                    </li>
                }
            }) }
        </ol>
    }
}

/// Minutes to read an item at a calm 300 characters a minute, at least one.
pub fn reading_minutes(item: &Item) -> usize {
    const CHARS_PER_MINUTE: usize = 300;
    let chars: usize = item
        .paragraphs
        .iter()
        .map(|p| p.text.chars().count())
        .chain(item.quotations.iter().map(|q| q.text.chars().count()))
        .sum();
    chars.div_ceil(CHARS_PER_MINUTE).max(1)
}
