//! The app's routes and their URLs. Every route is a real file in `dist/` (no rewrite
//! rules needed), addressed relative to the site root so the site works under any
//! sub-path; query junk that WeChat appends is ignored and no `#fragment` is needed.
//!
//! | route              | file                   | URL (relative to the site root) |
//! |--------------------|------------------------|---------------------------------|
//! | home               | `index.html`           | `./`                            |
//! | item               | `000/a-byfe.html`      | `000/a-byfe.html`               |
//! | paragraph of item  | (the item's file)      | `000/a-byfe.html?p=p3`          |
//! | quotation          | `000/q-6sst-q2.html`   | `000/q-6sst-q2.html`            |

use crate::content::{ItemKind, Page};

/// A place in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Item {
        page: String,
        item: String,
        /// A paragraph to scroll to and mark, from `?p=`.
        paragraph: Option<String>,
    },
    Quotation {
        page: String,
        item: String,
        quotation: String,
    },
    NotFound,
}

impl Route {
    /// The route for a URL path relative to the site root, with its query string if any
    /// (`000/a-byfe.html?p=p3&from=singlemessage`).
    pub fn parse(relative: &str) -> Route {
        let (path, query) = relative.split_once('?').unwrap_or((relative, ""));
        let path = path.split('#').next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty() && *s != ".").collect();
        match segments[..] {
            [] | ["index.html"] => Route::Home,
            [page, file] => {
                let Some(stem) = file.strip_suffix(".html") else {
                    return Route::NotFound;
                };
                let paragraph = query_value(query, "p");
                match stem.rsplit_once('-') {
                    Some((item, quotation))
                        if item.starts_with("q-") && is_quotation_id(quotation) =>
                    {
                        Route::Quotation {
                            page: page.to_string(),
                            item: item.to_string(),
                            quotation: quotation.to_string(),
                        }
                    }
                    _ => Route::Item {
                        page: page.to_string(),
                        item: stem.to_string(),
                        paragraph,
                    },
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The URL of this route relative to the site root.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "./".to_string(),
            Route::Item {
                page,
                item,
                paragraph: None,
            } => format!("{page}/{item}.html"),
            Route::Item {
                page,
                item,
                paragraph: Some(paragraph),
            } => format!("{page}/{item}.html?p={paragraph}"),
            Route::Quotation {
                page,
                item,
                quotation,
            } => format!("{page}/{item}-{quotation}.html"),
        }
    }

    /// The file that serves this route in `dist/`, or `None` for routes with no file.
    pub fn file(&self) -> Option<String> {
        match self {
            Route::Home => Some("index.html".to_string()),
            Route::Item { page, item, .. } => Some(format!("{page}/{item}.html")),
            Route::Quotation { .. } => self.href().into(),
            Route::NotFound => None,
        }
    }

    /// How far the route's file is below the site root, for `<base href>`.
    pub fn depth(&self) -> usize {
        self.file().map_or(0, |file| file.matches('/').count())
    }

    /// The route to an item of a page.
    pub fn item(page: &Page, item_id: &str) -> Route {
        Route::Item {
            page: page.id.to_string(),
            item: item_id.to_string(),
            paragraph: None,
        }
    }

    /// Every route that has a file, for the pages given: home, each item, each quotation.
    pub fn all(pages: &[Page]) -> Vec<Route> {
        let mut routes = vec![Route::Home];
        for page in pages {
            for item in page.items.iter() {
                routes.push(Route::item(page, &item.id));
                if item.kind == ItemKind::Quotations {
                    routes.extend(item.quotations.iter().map(|q| Route::Quotation {
                        page: page.id.to_string(),
                        item: item.id.to_string(),
                        quotation: q.id.to_string(),
                    }));
                }
            }
        }
        routes
    }
}

/// The value of `key` in a query string, ignoring every other key.
fn query_value(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty() && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
}

fn is_quotation_id(id: &str) -> bool {
    id.len() > 1 && id.starts_with('q') && id[1..].chars().all(|c| c.is_ascii_digit())
}
