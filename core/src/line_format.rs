//! What the two line formats share — the content file (`page.md`, [`crate::content::format`])
//! and the bank file (`quiz.md`, [`crate::quiz::bank::format`]): `key: value` fields whose
//! values have no spaces at their ends, and errors that name their 1-based line.

use std::fmt;

/// Something wrong in a line file, with the 1-based line it was found on; `K` says what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError<K> {
    pub line: usize,
    pub kind: K,
}

impl<K: fmt::Display> LineError<K> {
    /// The error as `file:line: what is wrong`, the form build failures use.
    pub fn located(&self, file: &str) -> String {
        format!("{file}:{self}")
    }
}

impl<K: fmt::Display> fmt::Display for LineError<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.kind)
    }
}

impl<K: fmt::Debug + fmt::Display> std::error::Error for LineError<K> {}

/// `value` when it is not empty and has no spaces at either end; otherwise the error
/// `bad_value` makes of `key`.
pub fn checked_value<'a, K>(
    key: &str,
    value: &'a str,
    bad_value: impl FnOnce(String) -> K,
) -> Result<&'a str, K> {
    if value.is_empty() || value.trim() != value {
        return Err(bad_value(key.to_string()));
    }
    Ok(value)
}

/// Appends the field `key: value` as a line.
pub fn push_field(out: &mut String, key: &str, value: &str) {
    out.push_str(&format!("{key}: {value}\n"));
}

/// Appends the field `key: value` when there is a value.
pub fn push_optional_field(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        push_field(out, key, value);
    }
}

/// One line of a line file, by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    /// Line 1, which must be `# <title>`: the title, or `None` when it is not.
    Title(Option<&'a str>),
    Blank,
    /// `## ` and what follows it.
    Heading(&'a str),
    /// `key: value`.
    Field(&'a str, &'a str),
    /// Anything else.
    Unexpected,
}

/// Every line of `text` with its 1-based number and its shape.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, Line<'_>)> {
    text.lines().enumerate().map(|(idx, raw)| {
        let line = if idx == 0 {
            Line::Title(raw.strip_prefix("# "))
        } else if raw.is_empty() {
            Line::Blank
        } else if let Some(heading) = raw.strip_prefix("## ") {
            Line::Heading(heading)
        } else if let Some((key, value)) = raw.split_once(": ") {
            Line::Field(key, value)
        } else {
            Line::Unexpected
        };
        (idx + 1, line)
    })
}
