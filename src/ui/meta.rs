//! The title and description of each route, shared by the app (document title) and the
//! prerender step (each route file's `<title>` and description, which WeChat shows when
//! a link is shared).

use crate::bundled::PAGES;
use crate::content::{Item, ItemKind, Page};

use super::route::Route;

/// The app's name.
pub const APP_NAME: &str = "学习伴侣";

/// The document title of a route, e.g. `包袱卸下去 干劲鼓起来 · 学习伴侣`.
pub fn title(route: &Route) -> String {
    match heading(route) {
        Some(heading) => format!("{heading} · {APP_NAME}"),
        None => APP_NAME.to_string(),
    }
}

/// A short description of a route: the first words of its text.
pub fn description(route: &Route) -> Option<String> {
    const DESCRIPTION_CHARS: usize = 80;
    let teaser = |text: &str| text.chars().take(DESCRIPTION_CHARS).collect::<String>();
    match route {
        Route::Item { page, item, .. } => {
            let (_, item) = find(page, item)?;
            Some(teaser(first_text(item)?))
        }
        Route::Quotation {
            page,
            item,
            quotation,
        } => Some(teaser(&find(page, item)?.1.quotation(quotation)?.text)),
        Route::Home | Route::Favourites | Route::NotFound => None,
    }
}

/// The first paragraph of an item, or its first quotation.
pub fn first_text(item: &Item) -> Option<&str> {
    match item.kind {
        ItemKind::Quotations => item.quotations.first().map(|q| q.text.as_ref()),
        _ => item.paragraphs.first().map(|p| p.text.as_ref()),
    }
}

/// The page and item a route names, if both exist.
pub fn find(page_id: &str, item_id: &str) -> Option<(&'static Page, &'static Item)> {
    let page = PAGES.iter().find(|p| p.id == page_id)?;
    Some((page, page.item(item_id)?))
}

fn heading(route: &Route) -> Option<String> {
    match route {
        Route::Item { page, item, .. } => Some(find(page, item)?.1.heading().to_string()),
        Route::Quotation {
            page,
            item,
            quotation,
        } => {
            let quotation = find(page, item)?.1.quotation(quotation)?;
            Some(format!("每周一学 · {}", quotation.date.chinese()))
        }
        Route::Favourites => Some("我的收藏".to_string()),
        Route::NotFound => Some("没有找到这一页".to_string()),
        Route::Home => None,
    }
}
