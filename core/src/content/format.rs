//! The content file (`assets/content/<page>/page.md`): a page as diff-friendly text, one
//! paragraph per line, with a reader and a writer that round-trip exactly.
//!
//! ```text
//! # 本期学习                           page title
//! id: 000                              page fields: id, publication, date, issue, source_file
//!
//! ## article a-7kq2                    an item: kind and stable id
//! column: 学思践悟                      item fields: column, deck, title, byline, source
//! title: 包袱卸下去 干劲鼓起来
//! byline: reporter | 本报记者 | 宋爽     role | label (may be empty) | name
//!
//! p1: 上门走访问需……                     a paragraph: stable id, text
//!
//! ## quotations q-3mfa
//! column: 每周一学
//! source: 共产党员网
//!
//! q1: 新时代坚持和发展……               a quotation, then its fields
//! date: 2019-01-02
//! speaker: 习近平
//! occasion: 致中国社会科学院中国历史研究院成立的贺信
//! ```

mod read;

use std::fmt;

use super::model::Page;
use crate::line_format::{self, push_field, push_optional_field, LineError};

/// A content file that cannot be read, with the 1-based line it was found on.
pub type FormatError = LineError<FormatErrorKind>;

/// What is wrong with a content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatErrorKind {
    /// The file does not start with `# <page title>`.
    MissingPageTitle,
    /// A `key: value` line names a key that is not allowed where it stands.
    UnknownKey(String),
    /// The same key is given twice where only one is allowed.
    RepeatedKey(String),
    /// A line is neither a heading, a field, a paragraph nor blank.
    UnexpectedLine,
    /// A value is empty or has spaces at either end.
    BadValue(String),
    /// `## <kind> <id>` names a kind that does not exist.
    UnknownKind(String),
    /// An id is not made of lowercase letters, digits and `-`.
    BadId(String),
    /// Two items, paragraphs or quotations share an id.
    DuplicateId(String),
    /// A date is not a real `YYYY-MM-DD` date.
    BadDate(String),
    /// A byline is not `role | label | name` with a known role.
    BadByline(String),
    /// A required field is missing.
    MissingField(&'static str),
    /// The item holds something its kind cannot have (a quotation in an article…).
    WrongContent(&'static str),
    /// The page has no items.
    NoItems,
}

/// Reads a content file into a validated page.
pub fn parse(text: &str) -> Result<Page, FormatError> {
    line_format::read(text, read::Parser::default())
}

/// Writes a page as a content file; `parse(&write(&page))` gives the page back.
pub fn write(page: &Page) -> String {
    let mut out = format!("# {}\nid: {}\n", page.title, page.id);
    push_optional_field(&mut out, "publication", page.publication.as_deref());
    push_optional_field(
        &mut out,
        "date",
        page.date.map(|d| d.to_string()).as_deref(),
    );
    push_optional_field(&mut out, "issue", page.issue.as_deref());
    push_optional_field(&mut out, "source_file", page.source_file.as_deref());
    for item in page.items.iter() {
        out.push_str(&format!("\n## {} {}\n", item.kind.keyword(), item.id));
        push_optional_field(&mut out, "column", item.column.as_deref());
        push_optional_field(&mut out, "deck", item.deck.as_deref());
        push_optional_field(&mut out, "title", item.title.as_deref());
        for byline in item.bylines.iter() {
            let role = byline.role.keyword();
            let value = match &byline.label {
                Some(label) => format!("{role} | {label} | {}", byline.name),
                None => format!("{role} | | {}", byline.name),
            };
            push_field(&mut out, "byline", &value);
        }
        push_optional_field(&mut out, "source", item.source.as_deref());
        for paragraph in item.paragraphs.iter() {
            out.push_str(&format!("\n{}: {}\n", paragraph.id, paragraph.text));
        }
        for quotation in item.quotations.iter() {
            out.push_str(&format!("\n{}: {}\n", quotation.id, quotation.text));
            push_field(&mut out, "date", &quotation.date.to_string());
            push_field(&mut out, "speaker", &quotation.speaker);
            push_field(&mut out, "occasion", &quotation.occasion);
        }
    }
    out
}

/// Whether `id` may be used as an item, paragraph or quotation id: a page id that starts
/// with a letter.
pub fn is_valid_id(id: &str) -> bool {
    id.starts_with(|c: char| c.is_ascii_lowercase()) && is_valid_page_id(id)
}

/// Whether `id` may be used as a page id: 1 to 32 lowercase letters, digits and `-`.
pub fn is_valid_page_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl fmt::Display for FormatErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FormatErrorKind::*;
        match self {
            MissingPageTitle => write!(f, "the file must start with `# <page title>`"),
            UnknownKey(key) => write!(f, "unknown field `{key}` here"),
            RepeatedKey(key) => write!(f, "field `{key}` is given twice"),
            UnexpectedLine => write!(
                f,
                "expected a `## kind id` heading, a `key: value` field, an `id: text` paragraph or a blank line"
            ),
            BadValue(key) => write!(f, "`{key}` is empty or has spaces at its ends"),
            UnknownKind(kind) => write!(
                f,
                "unknown item kind `{kind}` (expected article, photo or quotations)"
            ),
            BadId(id) => write!(
                f,
                "bad id `{id}`: use lowercase letters, digits and `-`, starting with a letter"
            ),
            DuplicateId(id) => write!(f, "id `{id}` is used twice"),
            BadDate(date) => write!(f, "`{date}` is not a real date in the form YYYY-MM-DD"),
            BadByline(value) => write!(
                f,
                "byline `{value}` must be `role | label | name` with role reporter, correspondent or photographer"
            ),
            MissingField(field) => write!(f, "missing `{field}`"),
            WrongContent(what) => write!(f, "{what}"),
            NoItems => write!(f, "the page has no items"),
        }
    }
}
