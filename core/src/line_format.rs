//! What the two line formats share — the content file (`page.md`, [`crate::content::format`])
//! and the bank file (`quiz.md`, [`crate::quiz::bank::format`]): `# title` on line 1, then
//! `## ` headings, `key: value` fields whose values have no spaces at their ends, and blank
//! lines, read by one loop ([`read`]) that hands each line to the format's [`LineReader`];
//! errors that name their 1-based line; and the writer's fields.

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

/// A reader of one line format: what each line means to it, and its own kinds of error.
/// [`read`] walks the lines and calls it.
pub trait LineReader {
    /// What is wrong with a file of this format.
    type Kind;
    /// What a file reads into.
    type Output;

    /// Line 1 is not `# <title>`.
    const MISSING_TITLE: Self::Kind;
    /// A line is neither the title, a heading, a field nor blank.
    const UNEXPECTED_LINE: Self::Kind;
    /// The value of `key` is empty or has spaces at its ends.
    fn bad_value(key: String) -> Self::Kind;

    /// Line 1's title, already checked.
    fn title(&mut self, title: &str);
    /// A `## ` line: what follows the `## `.
    fn heading(&mut self, line: usize, heading: &str) -> Result<(), LineError<Self::Kind>>;
    /// A `key: value` line; errors are placed on it.
    fn field(&mut self, line: usize, key: &str, value: &str) -> Result<(), Self::Kind>;
    /// After the last line (`n_lines` lines in all, 0 for an empty file).
    fn finish(self, n_lines: usize) -> Result<Self::Output, LineError<Self::Kind>>;
}

/// Reads `text` line by line with `reader`: `# <title>` on line 1, then `## ` headings,
/// `key: value` fields and blank lines.
pub fn read<R: LineReader>(text: &str, mut reader: R) -> Result<R::Output, LineError<R::Kind>> {
    for (idx, raw) in text.lines().enumerate() {
        let line = idx + 1;
        let err = |kind| LineError { line, kind };
        if idx == 0 {
            let title = raw
                .strip_prefix("# ")
                .ok_or_else(|| err(R::MISSING_TITLE))?;
            reader.title(checked_value("title", title, R::bad_value).map_err(err)?);
        } else if raw.is_empty() {
            continue;
        } else if let Some(heading) = raw.strip_prefix("## ") {
            reader.heading(line, heading)?;
        } else if let Some((key, value)) = raw.split_once(": ") {
            reader.field(line, key, value).map_err(err)?;
        } else {
            return Err(err(R::UNEXPECTED_LINE));
        }
    }
    reader.finish(text.lines().count())
}
