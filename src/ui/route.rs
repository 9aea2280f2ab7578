//! The app's routes and their URLs. Every route is a real file in `dist/` (no rewrite
//! rules needed), addressed relative to the site root so the site works under any
//! sub-path; query junk that WeChat appends is ignored and no `#fragment` is needed.
//!
//! | route              | file                   | URL (relative to the site root) |
//! |--------------------|------------------------|---------------------------------|
//! | home (current 期)  | `index.html`           | `./`                            |
//! | home of one page   | `000/index.html`       | `000/index.html`                |
//! | item               | `000/a-byfe.html`      | `000/a-byfe.html`               |
//! | paragraph of item  | (the item's file)      | `000/a-byfe.html?p=p3&q=托管`   |
//! | quotation          | `000/q-6sst-q2.html`   | `000/q-6sst-q2.html`            |
//! | favourites (收藏)  | `favourites.html`      | `favourites.html`               |
//! | 学习记录           | `record.html`          | `record.html`                   |
//! | 读后测 of an item  | `000/quiz-a-byfe.html` | `000/quiz-a-byfe.html`          |
//! | 每周一学 quiz      | `000/quiz-weekly.html` | `000/quiz-weekly.html`          |
//! | 综合测验           | `000/quiz-mixed.html`  | `000/quiz-mixed.html`           |
//! | 错题本             | `000/mistakes.html`    | `000/mistakes.html`             |
//! | 背诵 a quotation   | `000/recite-q-6sst-q2.html` | `000/recite-q-6sst-q2.html` |
//! | 学习单 (print)     | `000/sheet.html`       | `000/sheet.html`                |
//! | 今日复习           | `review.html`          | `review.html`                   |
//! | 错题本, every page | `mistakes.html`        | `mistakes.html`                 |
//! | 往期, every page   | `archive.html`         | `archive.html`                  |
//! | 支部汇总           | `branch.html`          | `branch.html`                   |
//! | 现场测验 (set up)  | `meeting.html`         | `meeting.html`                  |
//! | 现场测验 (take)    | `000/quiz-meeting.html` | `000/quiz-meeting.html?m=K3M-9QXT` |

use xuexi_core::content::{ItemKind, Page};
use xuexi_core::progress::{QuizId, QuizKey};

/// A place in the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The current 期 with the archive (往期) below it.
    Home,
    /// The home of one page of the archive.
    PageHome {
        page: String,
    },
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
    /// 学习记录: scores, days studied, reading time.
    Record,
    Quiz {
        page: String,
        quiz: QuizTarget,
    },
    /// 背诵: the recitation trainer for one quotation.
    Recite {
        page: String,
        item: String,
        quotation: String,
    },
    /// 学习单: the printable study sheet of a page.
    Sheet {
        page: String,
    },
    /// 今日复习: today's spaced-review queue.
    Review,
    /// 错题本 across every page: what waits in each page's 错题本.
    Mistakes,
    /// 往期: every earlier page of the archive.
    Archive,
    /// 支部汇总: the secretary's summary of the result codes pasted from the group chat.
    Branch,
    /// 现场测验: the secretary sets up a meeting's quiz and gets its code.
    Meeting,
    NotFound,
}

/// Which quiz of a page a quiz route opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizTarget {
    /// 读后测 of this item.
    Item(String),
    /// 每周一学.
    Weekly,
    /// 综合测验.
    Mixed,
    /// 错题本.
    Mistakes,
    /// 现场测验, with the meeting code from `?m=` (none: the page asks for it).
    Meeting(Option<String>),
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
            ["record.html"] => Route::Record,
            ["review.html"] => Route::Review,
            ["mistakes.html"] => Route::Mistakes,
            ["archive.html"] => Route::Archive,
            ["branch.html"] => Route::Branch,
            ["meeting.html"] => Route::Meeting,
            [page, "index.html"] if is_plain_id(page) => Route::PageHome {
                page: page.to_string(),
            },
            [page, file] => {
                let Some(stem) = file.strip_suffix(".html") else {
                    return Route::NotFound;
                };
                if stem == "sheet" {
                    return Route::Sheet {
                        page: page.to_string(),
                    };
                }
                if let Some((item, quotation)) = stem
                    .strip_prefix("recite-")
                    .and_then(|rest| rest.rsplit_once('-'))
                    .filter(|(item, q)| is_plain_id(item) && is_quotation_id(q))
                {
                    return Route::Recite {
                        page: page.to_string(),
                        item: item.to_string(),
                        quotation: quotation.to_string(),
                    };
                }
                if QuizId::from_stem(stem) == Some(QuizId::Meeting) {
                    let code = query_value(query, "m").filter(|m| m.len() <= 16);
                    return Route::Quiz {
                        page: page.to_string(),
                        quiz: QuizTarget::Meeting(code),
                    };
                }
                if let Some(quiz) = QuizTarget::from_stem(stem) {
                    return Route::Quiz {
                        page: page.to_string(),
                        quiz,
                    };
                }
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
            Route::Record => "record.html".to_string(),
            Route::Review => "review.html".to_string(),
            Route::Mistakes => "mistakes.html".to_string(),
            Route::Archive => "archive.html".to_string(),
            Route::Branch => "branch.html".to_string(),
            Route::Meeting => "meeting.html".to_string(),
            Route::PageHome { page } => format!("{page}/index.html"),
            Route::Sheet { page } => format!("{page}/sheet.html"),
            Route::Recite {
                page,
                item,
                quotation,
            } => format!("{page}/recite-{item}-{quotation}.html"),
            Route::Quiz {
                page,
                quiz: QuizTarget::Meeting(Some(code)),
            } => format!("{page}/quiz-meeting.html?m={}", percent_encode(code)),
            Route::Quiz { page, quiz } => format!("{page}/{}.html", quiz.stem()),
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

    /// The route without what its query adds (a paragraph and highlight, a meeting code):
    /// the route of its own file, which is what the file was prerendered as.
    pub fn without_focus(&self) -> Route {
        match self {
            Route::Quiz {
                page,
                quiz: QuizTarget::Meeting(_),
            } => Route::Quiz {
                page: page.clone(),
                quiz: QuizTarget::Meeting(None),
            },
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
            Route::NotFound => None,
            // Every other route's URL, less its query, is its file.
            other => Some(other.without_focus().href()),
        }
    }

    /// The page of the archive this route belongs to, if it belongs to one (home belongs to
    /// whichever page is current).
    pub fn page_id(&self) -> Option<&str> {
        match self {
            Route::PageHome { page }
            | Route::Item { page, .. }
            | Route::Quotation { page, .. }
            | Route::Quiz { page, .. }
            | Route::Recite { page, .. }
            | Route::Sheet { page } => Some(page),
            Route::Home
            | Route::Favourites
            | Route::Record
            | Route::Review
            | Route::Mistakes
            | Route::Archive
            | Route::Branch
            | Route::Meeting
            | Route::NotFound => None,
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

    /// The route to a quotation of the 每周一学 box `item` of page `page`.
    pub fn quotation(page: &str, item: &str, quotation: &str) -> Route {
        Route::Quotation {
            page: page.to_string(),
            item: item.to_string(),
            quotation: quotation.to_string(),
        }
    }

    /// The route to the 背诵 of a quotation of the 每周一学 box `item` of page `page`.
    pub fn recite(page: &str, item: &str, quotation: &str) -> Route {
        Route::Recite {
            page: page.to_string(),
            item: item.to_string(),
            quotation: quotation.to_string(),
        }
    }

    /// Every route that has a file, for the pages given: home, 收藏, 学习记录, 今日复习,
    /// 错题本, 往期, 支部汇总 and 现场测验; then for each page its home, its 学习单, a 背诵 of
    /// every quotation, its quizzes (每周一学, 综合测验, 错题本, 现场测验 without a code, and the
    /// 读后测 of every item but the quotation box), every item, and every quotation of the
    /// quotation box.
    pub fn all<'a>(pages: impl IntoIterator<Item = &'a Page>) -> Vec<Route> {
        let mut routes = vec![
            Route::Home,
            Route::Favourites,
            Route::Record,
            Route::Review,
            Route::Mistakes,
            Route::Archive,
            Route::Branch,
            Route::Meeting,
        ];
        for page in pages {
            routes.push(Route::PageHome {
                page: page.id.to_string(),
            });
            routes.push(Route::Sheet {
                page: page.id.to_string(),
            });
            for item in page.items.iter() {
                routes.extend(
                    item.quotations
                        .iter()
                        .map(|q| Route::recite(&page.id, &item.id, &q.id)),
                );
            }
            let quiz = |quiz| Route::Quiz {
                page: page.id.to_string(),
                quiz,
            };
            routes.extend(
                [
                    QuizTarget::Weekly,
                    QuizTarget::Mixed,
                    QuizTarget::Mistakes,
                    QuizTarget::Meeting(None),
                ]
                .map(quiz),
            );
            routes.extend(
                page.items
                    .iter()
                    .filter(|item| item.kind != ItemKind::Quotations)
                    .map(|item| quiz(QuizTarget::Item(item.id.to_string()))),
            );
            for item in page.items.iter() {
                routes.push(Route::item(page, &item.id));
                if item.kind == ItemKind::Quotations {
                    routes.extend(
                        item.quotations
                            .iter()
                            .map(|q| Route::quotation(&page.id, &item.id, &q.id)),
                    );
                }
            }
        }
        routes
    }
}

impl QuizTarget {
    /// The quiz about an item: its 读后测, or 每周一学 for the quotation box.
    pub fn for_item(item: &xuexi_core::content::Item) -> QuizTarget {
        if item.kind == ItemKind::Quotations {
            QuizTarget::Weekly
        } else {
            QuizTarget::Item(item.id.to_string())
        }
    }

    /// The key of this quiz of page `page_id` in the reader's progress (`000/quiz-mixed`).
    pub fn progress_key(&self, page_id: &str) -> QuizKey {
        QuizKey::new(page_id, &self.id())
    }

    /// The file name of the quiz's route, without `.html`: its stem in the progress key.
    pub fn stem(&self) -> String {
        self.id().stem()
    }

    /// Which quiz of its page this is, as the progress names it.
    pub fn id(&self) -> QuizId {
        match self {
            QuizTarget::Item(item) => QuizId::Item(item.clone()),
            QuizTarget::Weekly => QuizId::Weekly,
            QuizTarget::Mixed => QuizId::Mixed,
            QuizTarget::Mistakes => QuizId::Mistakes,
            QuizTarget::Meeting(_) => QuizId::Meeting,
        }
    }

    /// The quiz of this id, without a meeting code.
    pub fn of(id: QuizId) -> QuizTarget {
        match id {
            QuizId::Item(item) => QuizTarget::Item(item),
            QuizId::Weekly => QuizTarget::Weekly,
            QuizId::Mixed => QuizTarget::Mixed,
            QuizId::Mistakes => QuizTarget::Mistakes,
            QuizId::Meeting => QuizTarget::Meeting(None),
        }
    }

    /// The quiz a route file names, if it names one.
    fn from_stem(stem: &str) -> Option<QuizTarget> {
        QuizId::from_stem(stem)
            .filter(|id| !matches!(id, QuizId::Item(item) if !is_plain_id(item)))
            .map(QuizTarget::of)
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
