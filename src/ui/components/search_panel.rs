//! 搜索: finds Chinese words in every item and quotation as the reader types, shows each
//! hit with its words marked, and opens the item at that paragraph with them marked.

use yew::prelude::*;

use crate::search::{bundled_index, query_terms, Hit, Target};
use crate::ui::components::highlighted::Highlighted;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::route::Route;

#[derive(Properties, PartialEq)]
pub struct SearchPanelProps {
    pub onclose: Callback<()>,
}

/// How many hits are listed at most.
const MAX_HITS: usize = 30;

#[function_component(SearchPanel)]
pub fn search_panel(props: &SearchPanelProps) -> Html {
    let query = use_state(String::new);
    let oninput = {
        let query = query.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            query.set(input.value());
        })
    };
    let onsubmit = Callback::from(|event: SubmitEvent| event.prevent_default());
    let onclose = {
        let onclose = props.onclose.clone();
        Callback::from(move |_| onclose.emit(()))
    };
    let has_terms = !query_terms(&query).is_empty();
    let results = has_terms.then(|| bundled_index().search(&query, MAX_HITS));
    let n_hits = results.as_ref().map_or(0, |r| r.n_hits);
    let hits: Vec<Hit<'static>> = results.map(|r| r.hits).unwrap_or_default();
    html! {
        <section id="search-panel" class="panel" role="dialog" aria-modal="false" aria-labelledby="search-title">
            <div class="panel-head">
                <h2 id="search-title">{ "搜索本期" }</h2>
                <button type="button" class="button" id="search-close" onclick={onclose}>{ "关闭" }</button>
            </div>
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
            <ol class="search-results">
                { for hits.into_iter().map(|hit| search_result(hit, &query)) }
            </ol>
        </section>
    }
}

fn search_result(hit: Hit<'static>, query: &str) -> Html {
    let Some((_, item)) = meta::find(hit.page_id, hit.item_id) else {
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
        Target::Quotation(id) => Route::Quotation {
            page: hit.page_id.to_string(),
            item: hit.item_id.to_string(),
            quotation: id.to_string(),
        },
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
                <span class="result-snippet">
                    <Highlighted text={hit.snippet.text.clone()} ranges={hit.snippet.highlights.clone()} />
                </span>
            </Link>
        </li>
    }
}
