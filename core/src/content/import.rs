//! The importer: turns a raw page as it came off the press into a [`Page`], joining the
//! paragraphs the layout cut, flagging what looks wrong without changing it, and proving
//! that nothing was lost.
//!
//! A raw page is a sequence of lines. Items are found from their anchors — a byline
//! (`□本报记者 宋爽`) starts an article's body, a credit (`丁根厚 摄`) ends photo news,
//! a `★` outside a box starts a quotation box, which ends at its `(来源：…)` line — and
//! each anchor claims the lines above it as its header: title, then an optional deck (引题,
//! a line without closing punctuation) and an optional column label (a short line of
//! Chinese characters, perhaps two runs joined by `·`: 学思践悟, 基层·治理).
//!
//! The layout cuts text anywhere: a body or caption line that does not close a sentence
//! is joined to the next, and in a box a quotation runs from its `★` to its `——` line and
//! its attribution on to the next `★` or the 来源 line. Every join is reported.
//!
//! The press text states neither the page's date nor its issue number (期号); they come in
//! with the [`ImportOptions`], checked by [`parse_date`] and [`parse_issue`].

mod builder;
mod error;
mod flags;
mod ids;
mod lines;

use super::format;
use super::model::{IsoDate, Page};
use super::press::{self, Proof};
pub use error::{ImportError, ImportErrorKind, OptionError};

/// What the importer needs besides the raw text: editorial facts the text does not state.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub page_id: String,
    pub page_title: String,
    /// The date of the issue, when known; the raw text never states it, so it is never guessed.
    pub date: Option<IsoDate>,
    /// The issue number as printed (`第9期`), when known; see [`parse_issue`].
    pub issue: Option<String>,
    pub source_file: Option<String>,
}

/// A successful import: the page, the content file that holds it, and what was done.
#[derive(Debug, Clone)]
pub struct Import {
    pub page: Page,
    /// The page as a content file (see [`format`](mod@format)).
    pub file: String,
    pub report: Report,
}

/// What the importer did and noticed.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub joins: Vec<Join>,
    pub flags: Vec<Flag>,
    pub proof: Proof,
}

/// Two or more lines the layout cut that were joined into one paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Join {
    /// The 1-based input lines, in order.
    pub lines: Vec<usize>,
    pub item_id: String,
    /// The paragraph they became, or in a quotation box the quotation (`q2`).
    pub paragraph_id: String,
    /// A few characters either side of each cut, the cut shown as `|`.
    pub seams: Vec<String>,
}

/// Something that looks wrong and was left as it is, for a person to review.
#[derive(Debug, Clone, PartialEq)]
pub struct Flag {
    /// The 1-based input line it concerns.
    pub line: usize,
    pub item_id: String,
    pub paragraph_id: String,
    pub kind: FlagKind,
}

/// What looks wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum FlagKind {
    /// The paragraph repeats an earlier one almost word for word.
    NearDuplicate {
        other_line: usize,
        other_item_id: String,
        other_paragraph_id: String,
        /// Character-bigram similarity, 0–100.
        percent: u8,
    },
    /// An item's last paragraph ends without closing punctuation.
    UnfinishedParagraph,
}
/// The page date given to the importer, e.g. `2024-03-12`: a real calendar date, written
/// with four, two and two digits.
pub fn parse_date(text: &str) -> Result<IsoDate, OptionError> {
    let bad = || OptionError::BadDate(text.to_string());
    // `parse_iso` reads each part with `str::parse`, which also takes a sign (`2024-+3-12`).
    if !text.chars().all(|c| c.is_ascii_digit() || c == '-') {
        return Err(bad());
    }
    IsoDate::parse_iso(text).ok_or_else(bad)
}

/// The issue number given to the importer, as printed (`第9期`), without the spaces around it.
pub fn parse_issue(text: &str) -> Result<String, OptionError> {
    let issue = text.trim();
    if issue.is_empty() {
        return Err(OptionError::BlankIssue);
    }
    if issue.chars().any(char::is_control) {
        return Err(OptionError::IssueNotOneLine(issue.to_string()));
    }
    Ok(issue.to_string())
}

/// Imports a raw page.
pub fn import(raw: &[u8], options: &ImportOptions) -> Result<Import, ImportError> {
    let issue = options
        .issue
        .as_deref()
        .map(parse_issue)
        .transpose()
        .map_err(|e| ImportError {
            line: 1,
            kind: ImportErrorKind::BadOption(e.to_string()),
        })?;
    let text = lines::decode(raw)?;
    let lines = lines::classify(text);
    if lines.is_empty() {
        return Err(ImportError {
            line: 1,
            kind: ImportErrorKind::Empty,
        });
    }
    let mut builder = builder::PageBuilder::new(&lines);
    builder.build()?;
    let builder::PageBuilder { items, joins, .. } = builder;
    let mut page = Page {
        id: options.page_id.clone(),
        title: options.page_title.clone(),
        publication: None,
        date: options.date,
        issue,
        source_file: options.source_file.clone(),
        items: items.iter().map(|d| d.item.clone()).collect::<Vec<_>>(),
    };
    ids::assign_ids(&mut page, &items)?;
    let joins = joins
        .into_iter()
        .map(|(item_idx, mut join)| {
            join.item_id = page.items[item_idx].id.to_string();
            join
        })
        .collect();
    let flags = flags::find_flags(&page, &items);

    // The proof runs on the page read back from its content file, so it covers the
    // file format as well as the import.
    let file = format::write(&page);
    let reread = format::parse(&file).map_err(|e| ImportError {
        line: 1,
        kind: ImportErrorKind::BadOption(format!("the content file does not read back: {e}")),
    })?;
    let proof = press::prove(text, &reread).map_err(|m| ImportError {
        line: m.line,
        kind: ImportErrorKind::NotFaithful {
            input: m.input,
            rendered: m.rendered,
        },
    })?;
    Ok(Import {
        page: reread,
        file,
        report: Report {
            joins,
            flags,
            proof,
        },
    })
}
