//! 往期: the earlier pages of the archive, newest first, with their 期号 or date, how much of
//! each the reader has read and their best quiz score; each opens that page's own home. Home
//! lists the latest few (so the first visit stays small however long the archive grows) and
//! links to the whole list (`archive.html`). Built from the catalog alone, so no earlier page
//! is fetched to list it.

use yew::prelude::*;

use crate::ui::components::offline_archive::OfflineArchive;
use crate::ui::library::use_library;
use crate::ui::nav::Link;
use crate::ui::route::Route;
use crate::ui::store::use_progress;
use xuexi_core::content::PageEntry;
use xuexi_core::progress::{ItemKey, Progress};

/// How many earlier pages home lists before the link to all of them.
pub const HOME_ENTRIES: usize = 3;

#[derive(Properties, PartialEq)]
pub struct ArchiveProps {
    /// The page shown above, left out of the list.
    pub current: String,
    /// List at most this many, then link to the whole archive.
    #[prop_or_default]
    pub limit: Option<usize>,
}

/// The whole archive on a page of its own.
#[function_component(ArchivePage)]
pub fn archive_page() -> Html {
    let library = use_library();
    let current = library
        .library()
        .current()
        .map(|entry| entry.id.clone())
        .unwrap_or_default();
    html! {
        <section class="archive-page" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ "往期" }</h2>
            <p><Link to={Route::Home} class="button">{ "返回本期" }</Link></p>
            <Archive current={current} />
        </section>
    }
}

#[function_component(Archive)]
pub fn archive(props: &ArchiveProps) -> Html {
    let library = use_library();
    let progress = use_progress();
    let earlier: Vec<&PageEntry> = library
        .library()
        .catalog()
        .pages
        .iter()
        .filter(|entry| entry.id != props.current)
        .collect();
    if earlier.is_empty() {
        return html! {};
    }
    let n_earlier = earlier.len();
    let shown = props.limit.unwrap_or(n_earlier).min(n_earlier);
    html! {
        <section class="archive" aria-labelledby="archive-title">
            <h2 id="archive-title">{ format!("往期（{n_earlier} 期）") }</h2>
            <ol class="archive-list">
                { for earlier.iter().take(shown).map(|entry| archive_entry(entry, progress.progress())) }
            </ol>
            if shown < n_earlier {
                <p class="archive-all"><Link to={Route::Archive} class="button">{ format!("查看全部往期（{n_earlier} 期）") }</Link></p>
            }
            <OfflineArchive />
        </section>
    }
}

fn archive_entry(entry: &PageEntry, progress: &Progress) -> Html {
    let summary = PageSummary::of(entry, progress);
    let read = format!("已读 {} / {} 篇", summary.n_read, entry.n_items());
    let best = summary
        .best
        .map_or("未测验".to_string(), |b| format!("测验最好 {b}%"));
    html! {
        <li class="archive-entry" data-page={entry.id.clone()}>
            <Link to={Route::PageHome { page: entry.id.clone() }} class="archive-link">
                { entry.label() }
            </Link>
            <p class="card-meta">
                <span class={classes!("status", (summary.n_read == entry.n_items()).then_some("done"))}>{ read }</span>
                <span class="best">{ best }</span>
            </p>
        </li>
    }
}

/// What a reader has done on one page of the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSummary {
    /// Items read to their end.
    pub n_read: usize,
    /// The best percentage of any quiz of the page.
    pub best: Option<u32>,
}

impl PageSummary {
    pub fn of(entry: &PageEntry, progress: &Progress) -> PageSummary {
        let n_read = entry
            .items
            .iter()
            .filter(|item| progress.reading_of(&ItemKey::new(&entry.id, &item.id)).read)
            .count();
        let best = progress
            .best
            .iter()
            .filter(|(key, _)| key.page() == entry.id)
            .map(|(_, percent)| *percent)
            .max();
        PageSummary { n_read, best }
    }
}
