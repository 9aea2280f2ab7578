//! Moving progress between devices: an export file (JSON), or where downloads do not work
//! (WeChat) a text code to copy; and an import that checks everything — size, format,
//! version, types, every id, every number against what the app itself can write — before
//! anything changes, then merges.

mod base64;
mod check;
mod error;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::RangeInclusive;

use serde::Serialize;

pub use error::{Field, ImportError};

use super::key::{ItemKey, QuestionKey, QuizId, QuizKey, QuotationKey};
use super::merge::merge;
use super::model::Progress;
use super::store::{migrate, SCHEMA_VERSION};
use crate::content::ItemKind;
use crate::quiz::MIXED_SIZE;

/// The largest import accepted, in bytes; real progress is a few kilobytes.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// What every export says it is.
pub const FORMAT: &str = "xuexi-progress";
/// The start of a text code: `XUEXI.` and the export in URL-safe base64.
pub const CODE_PREFIX: &str = "XUEXI.";

/// The moments a device clock can give, in milliseconds since 1970: up to the end of the
/// year 9999. Favourites, attempts and quizzes in progress are stamped with them.
pub const PLAUSIBLE_MS: RangeInclusive<u64> = 0..=253_402_300_799_999;
/// The local days such a clock can give: from the day before 1970-01-01 (a clock at the
/// epoch, west of Greenwich) to the day after 9999-12-31 (east of it).
pub const PLAUSIBLE_DAYS: RangeInclusive<i64> = -1..=2_932_897;
/// The most reading time one item can have gathered, in seconds: a thousand hours. The
/// clock counts only while the item is in front of the reader; an article takes minutes.
pub const MAX_READING_SECONDS: u32 = 1000 * 3600;
/// The longest one quiz can have taken, in milliseconds: a year (a quiz survives reloads,
/// so it may be finished weeks after it was started).
pub const MAX_QUIZ_MS: u64 = 366 * 86_400_000;
/// The most answers of one question, grades of one review card, or attempts at one quiz a
/// reader can have made.
pub const MAX_COUNT: u32 = 100_000;

/// The ids an import may mention: what this build of the app knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub items: BTreeSet<ItemKey>,
    pub questions: BTreeSet<QuestionKey>,
    /// Each quiz with the most distinct questions it can ask.
    pub quizzes: BTreeMap<QuizKey, u32>,
    /// Routes that may be favourites, `000/a-byfe.html`.
    pub routes: BTreeSet<String>,
    pub quotations: BTreeSet<QuotationKey>,
}

impl Catalog {
    /// Every id the archive's pages know: their items, quotations, questions, quizzes and
    /// the routes a reader may keep as favourites. A quiz can ask at most the page's
    /// questions (a 综合测验 at most [`MIXED_SIZE`]); the catalog does not say which item a
    /// question is about, so a 读后测 is bounded by its page too.
    pub fn of(archive: &crate::content::Catalog) -> Catalog {
        let mut catalog = Catalog::default();
        for page in &archive.pages {
            let id = page.id.as_str();
            let n_questions = u32::try_from(page.questions.len()).unwrap_or(u32::MAX);
            let n_mixed = n_questions.min(MIXED_SIZE as u32);
            for (quiz, size) in [
                (QuizId::Weekly, n_questions),
                (QuizId::Mixed, n_mixed),
                (QuizId::Mistakes, n_questions),
            ] {
                catalog.quizzes.insert(QuizKey::new(id, &quiz), size);
            }
            for item in &page.items {
                catalog.items.insert(ItemKey::new(id, &item.id));
                catalog.routes.insert(format!("{id}/{}.html", item.id));
                if item.kind != ItemKind::Quotations {
                    let quiz = QuizId::Item(item.id.to_string());
                    catalog.quizzes.insert(QuizKey::new(id, &quiz), n_questions);
                }
                for quotation in &item.quotations {
                    catalog
                        .quotations
                        .insert(QuotationKey::new(id, &item.id, quotation));
                    catalog
                        .routes
                        .insert(format!("{id}/{}-{quotation}.html", item.id));
                }
            }
            catalog
                .questions
                .extend(page.questions.iter().map(|q| QuestionKey::new(id, q)));
        }
        catalog
    }
}

/// The export file's contents.
pub fn export_json(progress: &Progress, now_ms: u64) -> String {
    serde_json::to_string_pretty(&Export::of(progress, now_ms)).expect("progress always serialises")
}

/// The export as one line of text to copy: [`CODE_PREFIX`] and URL-safe base64.
pub fn export_code(progress: &Progress, now_ms: u64) -> String {
    let json =
        serde_json::to_string(&Export::of(progress, now_ms)).expect("progress always serialises");
    format!("{CODE_PREFIX}{}", base64::encode(json.as_bytes()))
}

/// Reads an export file or code, checks it against `catalog`, and merges it into
/// `current`; on any error `current` is untouched.
pub fn import(text: &str, catalog: &Catalog, current: &Progress) -> Result<Progress, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(ImportError::Empty);
    }
    let json = match text.strip_prefix(CODE_PREFIX) {
        Some(code) => {
            let bytes = base64::decode(code).ok_or(ImportError::BadCode)?;
            String::from_utf8(bytes).map_err(|_| ImportError::BadCode)?
        }
        None => text.to_string(),
    };
    let value: serde_json::Value =
        serde_json::from_str(&json).map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::WrongFormat);
    }
    let schema = value
        .get("schema")
        .and_then(|s| s.as_u64())
        .ok_or(ImportError::WrongFormat)?;
    let schema = u32::try_from(schema).unwrap_or(u32::MAX);
    if schema > SCHEMA_VERSION {
        return Err(ImportError::FutureVersion(schema));
    }
    let progress_value = value
        .get("progress")
        .cloned()
        .ok_or(ImportError::WrongFormat)?;
    let progress_value = migrate(progress_value, schema).map_err(ImportError::BadShape)?;
    let imported: Progress =
        serde_json::from_value(progress_value).map_err(|e| ImportError::BadShape(e.to_string()))?;
    check::ids(&imported, catalog)?;
    check::numbers(&imported, catalog)?;
    Ok(merge(current, &imported))
}

/// What an export holds: the progress, and what it is.
#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    schema: u32,
    exported_ms: u64,
    progress: &'a Progress,
}

impl Export<'_> {
    fn of(progress: &Progress, now_ms: u64) -> Export<'_> {
        Export {
            format: FORMAT,
            schema: SCHEMA_VERSION,
            exported_ms: now_ms,
            progress,
        }
    }
}
