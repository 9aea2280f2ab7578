//! The app's routes and their URLs. Every route is a real file in `dist/` (no rewrite
//! rules needed), addressed relative to the site root so the site works under any
//! sub-path; query junk that WeChat appends is ignored and no `#fragment` is needed.
//!
//! | route              | file                   | URL (relative to the site root) |
//! |--------------------|------------------------|---------------------------------|
//! | home               | `index.html`           | `./`                            |
//! | item               | `000/a-byfe.html`      | `000/a-byfe.html`               |
//! | paragraph of item  | (the item's file)      | `000/a-byfe.html?p=p3&q=托管`   |
//! | quotation          | `000/q-6sst-q2.html`   | `000/q-6sst-q2.html`            |
//! | favourites (收藏)  | `favourites.html`      | `favourites.html`               |

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
        /// Search words to highlight in that paragraph, from `?q=`.
        highlight: Option<String>,
    },
    Quotation {
        page: String,
        item: String,
        quotation: String,
    },
    Favourites,
    NotFound,
}

impl Route {
    /// The route for a URL path relative to the site root, with its query string if any
    /// (`000/a-byfe.html?p=p3&from=singlemessage`).
    pub fn parse(relative: &str) -> Route {
        let (path, query) = relative.split_once('?').unwrap_or((relative, ""));
        let path = path.split('#').next().unwrap_or_default();
        let segments: Vec<&str> = path
            .split('/')
            .filter(|s| !s.is_empty() && *s != ".")
            .collect();
        match segments[..] {
            [] | ["index.html"] => Route::Home,
            ["favourites.html"] => Route::Favourites,
            [page, file] => {
                let Some(stem) = file.strip_suffix(".html") else {
                    return Route::NotFound;
                };
                let paragraph = query_value(query, "p").filter(|p| is_plain_id(p));
                let highlight = query_value(query, "q").filter(|q| !q.trim().is_empty());
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
                        highlight,
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
            Route::Favourites => "favourites.html".to_string(),
            Route::Item {
                page,
                item,
                paragraph,
                highlight,
            } => {
                let mut href = format!("{page}/{item}.html");
                let mut separator = '?';
                if let Some(paragraph) = paragraph {
                    href.push_str(&format!("{separator}p={paragraph}"));
                    separator = '&';
                }
                if let Some(words) = highlight {
                    href.push_str(&format!("{separator}q={}", percent_encode(words)));
                }
                href
            }
            Route::Quotation {
                page,
                item,
                quotation,
            } => format!("{page}/{item}-{quotation}.html"),
        }
    }

    /// The route without its paragraph and highlight: the item's own file and address.
    pub fn without_focus(&self) -> Route {
        match self {
            Route::Item { page, item, .. } => Route::Item {
                page: page.clone(),
                item: item.clone(),
                paragraph: None,
                highlight: None,
            },
            other => other.clone(),
        }
    }

    /// The file that serves this route in `dist/`, or `None` for routes with no file.
    pub fn file(&self) -> Option<String> {
        match self {
            Route::Home => Some("index.html".to_string()),
            Route::Favourites => Some("favourites.html".to_string()),
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
            highlight: None,
        }
    }

    /// Every route that has a file, for the pages given: home, favourites, each item,
    /// each quotation.
    pub fn all(pages: &[Page]) -> Vec<Route> {
        let mut routes = vec![Route::Home, Route::Favourites];
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

/// The value of `key` in a query string, percent-decoded, ignoring every other key.
fn query_value(query: &str, key: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| percent_decode(v))
        .filter(|v| !v.is_empty())
}

fn is_plain_id(id: &str) -> bool {
    id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

fn is_quotation_id(id: &str) -> bool {
    id.len() > 1 && id.starts_with('q') && id[1..].chars().all(|c| c.is_ascii_digit())
}

/// Encodes everything but unreserved ASCII as UTF-8 `%XX`.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Decodes `%XX` and `+`; `None` for malformed escapes or text that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        match b {
            b'%' => {
                let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
                bytes.push(u8::from_str_radix(hex, 16).ok()?);
                rest = &tail[2..];
            }
            b'+' => {
                bytes.push(b' ');
                rest = tail;
            }
            _ => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8(bytes).ok()
}
