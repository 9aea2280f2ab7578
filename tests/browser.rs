//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts each kind of
//! route into a real DOM and shows the content it should.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::Element;
use xuexi::ui::app::{App, AppProps};
use xuexi::ui::library::Library;
use xuexi::ui::route::Route;
use xuexi_core::content::{format, Catalog, Page, PageData, DATA_VERSION};
use xuexi_core::quiz::bank;

wasm_bindgen_test_configure!(run_in_browser);

/// Page 000 as its data file carries it (parsed here, in the test, from the content files:
/// the app itself never parses text).
fn page_data() -> PageData {
    let page = format::parse(include_str!("../assets/content/000/page.md")).unwrap();
    let bank = bank::format::parse(include_str!("../assets/content/000/quiz.md"), &page).unwrap();
    PageData {
        version: DATA_VERSION,
        page,
        bank: Some(bank),
    }
}

fn page() -> Page {
    page_data().page
}

/// Renders the app for `route` into a fresh element and waits for Yew to paint.
async fn render(route: Route) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let data = page_data();
    let catalog = Catalog::new([(&data.page, data.bank.as_ref(), "test".to_string())]);
    let library = Library::new(catalog, [data]);
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { route, library }).render();
    yew::platform::time::sleep(Duration::from_millis(10)).await;
    root
}

fn text_of(root: &Element, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).unwrap();
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|n| n.text_content())
        .collect()
}

/// The text of paragraphs without their trailing `¶` link.
fn paragraph_texts(root: &Element, selector: &str) -> Vec<String> {
    text_of(root, selector)
        .into_iter()
        .map(|t| t.trim_end_matches('¶').to_string())
        .collect()
}

#[wasm_bindgen_test]
async fn home_lists_every_item_in_page_order() {
    let root = render(Route::Home).await;
    let headings = text_of(&root, ".item-card h3");
    let expected: Vec<String> = page()
        .items
        .iter()
        .map(|i| i.heading().to_string())
        .collect();
    assert_eq!(headings, expected);
    assert_eq!(text_of(&root, "header h1"), ["学习伴侣"]);
}

#[wasm_bindgen_test]
async fn an_item_shows_every_paragraph_verbatim() {
    let page = &page();
    for item in page.items.iter() {
        let root = render(Route::item(page, &item.id)).await;
        let paragraphs = paragraph_texts(&root, ".item-body > p[id]");
        let expected: Vec<String> = item.paragraphs.iter().map(|p| p.text.to_string()).collect();
        assert_eq!(paragraphs, expected, "{}", item.id);
        assert_eq!(text_of(&root, "#item-title"), [item.heading().to_string()]);
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn a_paragraph_link_marks_its_paragraph() {
    let page = &page();
    let item = &page.items[0];
    let route = Route::Item {
        page: page.id.to_string(),
        item: item.id.to_string(),
        paragraph: Some("p2".to_string()),
        highlight: None,
    };
    let root = render(route).await;
    assert_eq!(
        paragraph_texts(&root, "p.marked"),
        [item.paragraphs[1].text.to_string()]
    );
}

#[wasm_bindgen_test]
async fn an_unknown_route_says_so() {
    let root = render(Route::parse("000/a-nothing.html")).await;
    assert_eq!(text_of(&root, "h2"), ["没有找到这一页"]);
}
