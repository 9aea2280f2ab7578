//! 搜索: finds Chinese words in every item and quotation of every page of the archive as
//! the reader types, shows each hit with its words marked and the page it is on, and opens
//! the item at that paragraph with them marked. The current 期 is searched at once; earlier
//! pages are fetched on the first query (and kept offline once fetched).

use yew::prelude::*;

use crate::ui::components::highlighted::Highlighted;
use crate::ui::components::panel::Panel;
use crate::ui::hooks::keep_typed;
use crate::ui::library::{use_library, use_pages, Library};
use crate::ui::nav::Link;
use crate::ui::route::Route;
use xuexi_core::search::{query_terms, Hit, SearchIndex, Target};

#[derive(Properties, PartialEq)]
pub struct SearchPanelProps {
    pub onclose: Callback<()>,
}

/// How many hits are listed at most.
const MAX_HITS: usize = 30;

#[function_component(SearchPanel)]
pub fn search_panel(props: &SearchPanelProps) -> Html {
    let query = use_state(String::new);
    let oninput = keep_typed(&query);
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let has_terms = !query_terms(&query).is_empty();
    let handle = use_library();
    let library = handle.library().clone();
    // The whole archive is fetched once the reader has something to look for.
    let wanted = if has_terms {
        library
            .catalog()
            .pages
            .iter()
            .map(|entry| entry.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    let status = use_pages(wanted);
    // The index covers the pages loaded when the panel opened, and is built again once every
    // page asked for has arrived: not once per arriving page, which over a year of pages would
    // build it some fifty times while the reader waits.
    let indexed = use_state(|| library.clone());
    {
        let indexed = indexed.clone();
        let (library, ready) = (library.clone(), status.ready());
        use_effect_with((library, ready), move |(library, ready)| {
            if *ready && *indexed != *library {
                indexed.set(library.clone());
            }
        });
    }
    let index = use_memo((*indexed).clone(), |library| {
        SearchIndex::new(library.loaded_pages())
    });
    let results = has_terms.then(|| index.search(&query, MAX_HITS));
    let n_hits = results.as_ref().map_or(0, |r| r.n_hits);
    let hits: Vec<Hit<'static>> = results.map(|r| r.hits).unwrap_or_default();
    html! {
        <Panel name="search" title="搜索全部文章" onclose={props.onclose.clone()}>
            <form role="search" {onsubmit}>
                <label for="search-input" class="visually-hidden">{ "搜索词" }</label>
                <input id="search-input" class="search-input" type="search" enterkeyhint="search"
                    placeholder="输入词语，如：托管" value={(*query).clone()} {oninput} autocomplete="off" />
            </form>
            <p class="hint" role="status">
                { if !has_terms { "输入两个字以上的词语效果最好。".to_string() }
                  else if n_hits == 0 { "没有找到。换个词试试。".to_string() }
                  else { format!("找到 {n_hits} 处") } }
            </p>
            if has_terms && !status.ready() {
                <p class="hint" id="search-loading">{ format!("正在载入往期，还有 {} 期……", status.waiting) }</p>
            }
            if !status.unavailable.is_empty() {
                <p class="hint" id="search-unavailable">{ format!("有 {} 期没有保存到本机，联网后才能搜索。", status.unavailable.len()) }</p>
            }
            <ol class="search-results">
                { for hits.into_iter().map(|hit| search_result(&library, hit, &query)) }
            </ol>
        </Panel>
    }
}

fn search_result(library: &Library, hit: Hit<'static>, query: &str) -> Html {
    let Some(item) = library.item(hit.page_id, hit.item_id) else {
        return html! {};
    };
    let route = match hit.target {
        Target::Title => Route::Item {
            page: hit.page_id.to_string(),
            item: hit.item_id.to_string(),
            paragraph: None,
            highlight: None,
        },
        Target::Paragraph(id) => Route::Item {
            page: hit.page_id.to_string(),
            item: hit.item_id.to_string(),
            paragraph: Some(id.to_string()),
            highlight: Some(query.trim().to_string()),
        },
        Target::Quotation(id) => Route::quotation(hit.page_id, hit.item_id, id),
    };
    let place = match hit.target {
        Target::Title => "标题".to_string(),
        Target::Paragraph(id) => format!("第{}段", id.trim_start_matches('p')),
        Target::Quotation(id) => format!("第{}则", id.trim_start_matches('q')),
    };
    html! {
        <li class="search-result">
            <Link to={route}>
                <span class="result-title">{ format!("{} · {place}", item.heading()) }</span>
                <span class="result-page">{ library.label(hit.page_id) }</span>
                <span class="result-snippet">
                    <Highlighted text={hit.snippet.text.clone()} ranges={hit.snippet.highlights.clone()} />
                </span>
            </Link>
        </li>
    }
}
