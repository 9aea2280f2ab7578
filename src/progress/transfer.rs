//! Moving progress between devices: an export file (JSON), or where downloads do not work
//! (WeChat) a text code to copy; and an import that checks everything — size, format,
//! version, types, every id — before anything changes, then merges.

use std::collections::BTreeSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::merge::merge;
use super::model::Progress;
use super::store::{migrate, SCHEMA_VERSION};

/// The largest import accepted, in bytes; real progress is a few kilobytes.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// What every export says it is.
pub const FORMAT: &str = "xuexi-progress";
/// The start of a text code: `XUEXI.` and the export in URL-safe base64.
pub const CODE_PREFIX: &str = "XUEXI.";

/// The ids an import may mention: what this build of the app knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    /// Item keys, `000/a-byfe`.
    pub items: BTreeSet<String>,
    /// Question keys, `000/a-byfe-3`.
    pub questions: BTreeSet<String>,
    /// Quiz keys, `000/quiz-a-byfe`.
    pub quizzes: BTreeSet<String>,
    /// Routes that may be favourites, `000/a-byfe.html`.
    pub routes: BTreeSet<String>,
    /// Quotation keys, `000/q-6sst/q2`.
    pub quotations: BTreeSet<String>,
}

/// Why an import was refused; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing was given.
    Empty,
    /// The file is larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize },
    /// A text code whose base64 is broken (cut off while copying?).
    BadCode,
    /// The text is not JSON.
    NotJson(String),
    /// JSON, but not an export of this app.
    WrongFormat,
    /// An export from a newer version of the app.
    FutureVersion(u32),
    /// An export whose fields have the wrong types or shape.
    BadShape(String),
    /// An export that names something this app does not have.
    UnknownId(String),
}

/// The export file's contents.
pub fn export_json(progress: &Progress, now_ms: u64) -> String {
    serde_json::to_string_pretty(&Export {
        format: FORMAT.to_string(),
        schema: SCHEMA_VERSION,
        exported_ms: now_ms,
        progress: progress.clone(),
    })
    .expect("progress always serialises")
}

/// The export as one line of text to copy: [`CODE_PREFIX`] and URL-safe base64.
pub fn export_code(progress: &Progress, now_ms: u64) -> String {
    let json = serde_json::to_string(&Export {
        format: FORMAT.to_string(),
        schema: SCHEMA_VERSION,
        exported_ms: now_ms,
        progress: progress.clone(),
    })
    .expect("progress always serialises");
    format!("{CODE_PREFIX}{}", base64_encode(json.as_bytes()))
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
            let bytes = base64_decode(code).ok_or(ImportError::BadCode)?;
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
    check_ids(&imported, catalog)?;
    Ok(merge(current, &imported))
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "没有内容：请选择文件，或粘贴学习码"),
            ImportError::TooLarge { bytes } => write!(
                f,
                "文件太大（{} KB），学习记录不会超过 {} KB：请确认选对了文件",
                bytes / 1024,
                MAX_IMPORT_BYTES / 1024
            ),
            ImportError::BadCode => write!(f, "学习码不完整或有误：请重新完整复制"),
            ImportError::NotJson(_) => write!(f, "这不是学习记录文件：内容无法读取"),
            ImportError::WrongFormat => write!(f, "这不是本应用导出的学习记录"),
            ImportError::FutureVersion(v) => {
                write!(f, "这份学习记录来自更新的版本（第 {v} 版），请先更新本应用")
            }
            ImportError::BadShape(_) => write!(f, "学习记录已损坏：内容格式不对"),
            ImportError::UnknownId(id) => {
                write!(f, "学习记录里有本应用没有的内容（{}）", truncate(id, 40))
            }
        }
    }
}

impl std::error::Error for ImportError {}

#[derive(Serialize, Deserialize)]
struct Export {
    format: String,
    schema: u32,
    exported_ms: u64,
    progress: Progress,
}

fn check_ids(progress: &Progress, catalog: &Catalog) -> Result<(), ImportError> {
    let known = |set: &BTreeSet<String>, id: &String| {
        if set.contains(id) {
            Ok(())
        } else {
            Err(ImportError::UnknownId(id.clone()))
        }
    };
    progress
        .reading
        .keys()
        .try_for_each(|k| known(&catalog.items, k))?;
    progress
        .questions
        .keys()
        .try_for_each(|k| known(&catalog.questions, k))?;
    progress
        .best
        .keys()
        .try_for_each(|k| known(&catalog.quizzes, k))?;
    progress
        .attempts
        .iter()
        .try_for_each(|a| known(&catalog.quizzes, &a.quiz))?;
    progress
        .in_progress
        .keys()
        .try_for_each(|k| known(&catalog.quizzes, k))?;
    for session in progress.in_progress.values() {
        for slot in &session.slots {
            known(
                &catalog.questions,
                &format!("{}/{}", session.page, slot.question),
            )?;
        }
    }
    progress
        .favourites
        .iter()
        .chain(progress.favourite_changes.keys())
        .try_for_each(|r| known(&catalog.routes, r))?;
    progress
        .recite
        .keys()
        .try_for_each(|k| known(&catalog.quotations, k))?;
    for card in progress.review.cards() {
        match card.id.split_once("/quiz/") {
            Some((page, question)) => known(&catalog.questions, &format!("{page}/{question}"))?,
            None => known(&catalog.quotations, &card.id)?,
        }
    }
    if progress
        .reading
        .values()
        .any(|r| r.percent > 100 || r.position > 1000)
    {
        return Err(ImportError::BadShape("reading out of range".to_string()));
    }
    Ok(())
}

fn truncate(text: &str, n: usize) -> String {
    let mut out: String = text.chars().take(n).collect();
    if text.chars().count() > n {
        out.push('…');
    }
    out
}

const BASE64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 without padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(BASE64[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// Decodes [`base64_encode`]'s output (also accepting standard `+/` and padding, and
/// ignoring line breaks a chat app may insert); `None` when it is not base64.
fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
        .map(|b| match b {
            b'+' => Some(62),
            b'/' => Some(63),
            _ => BASE64.iter().position(|&c| c == b).map(|p| p as u8),
        })
        .collect::<Option<_>>()?;
    if digits.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{base64_decode, base64_encode};

    #[test]
    fn base64_round_trips() {
        for text in ["", "a", "ab", "abc", "abcd", "学习伴侣", "{\"schema\":2}"] {
            assert_eq!(
                base64_decode(&base64_encode(text.as_bytes())).unwrap(),
                text.as_bytes()
            );
        }
        assert_eq!(base64_encode(b"Man"), "TWFu");
        assert_eq!(base64_decode("TWE=").unwrap(), b"Ma");
        assert_eq!(base64_decode("T"), None);
        assert_eq!(base64_decode("TW*u"), None);
    }
}
