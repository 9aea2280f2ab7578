//! Why an import fails: the raw page's errors with the line they were found on, and the
//! refused page date or issue number.

use std::fmt;

/// Why a page date or issue number given to the importer is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionError {
    /// The date is not a real calendar date written `YYYY-MM-DD`.
    BadDate(String),
    /// The issue number is empty or only spaces.
    BlankIssue,
    /// The issue number holds a line break or another control character.
    IssueNotOneLine(String),
}

/// Why a raw page cannot be imported, with the 1-based line where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub line: usize,
    pub kind: ImportErrorKind,
}

/// What is wrong with a raw page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportErrorKind {
    /// The input has no text at all.
    Empty,
    /// The input holds NUL or other control bytes: it is not a text file.
    Binary,
    /// The input is not valid UTF-8.
    NotUtf8,
    /// No byline, photo credit or quotation was found, so no item has a title.
    NoTitles,
    /// Text stands where no item can hold it (before the first title, after a credit…).
    StrayText(String),
    /// A byline or credit has no title line above it.
    MissingTitle,
    /// A byline or credit names no one (`□本报记者` alone).
    EmptyByline,
    /// The bylines of one article stand on two lines; the model prints them on one.
    SplitByline,
    /// A byline whose labels and names do not print back as they stand (a label with no
    /// name after it, a label repeated for the next name…).
    UnknownByline(String),
    /// A photo credit with `□` but no known label (本报记者, 通讯员…), or a label without `□`.
    UnknownCreditLabel(String),
    /// A photo credit has no caption and title above it.
    MissingCaption,
    /// An article has a title and byline but no paragraphs.
    EmptyArticle,
    /// A `★` quotation is not followed by its `——date，speaker…` line.
    QuotationWithoutAttribution,
    /// A `——` attribution, or a 来源 line, has no quotation before it.
    AttributionWithoutQuotation,
    /// The quotation box does not end with its `(来源：…)` line.
    MissingSource,
    /// The attribution is not `——YYYY年M月D日，<speaker><occasion>`.
    BadAttribution(String),
    /// Two items would get the same id; give one a different title.
    IdCollision(String),
    /// The page id, title or issue number given to the importer is not usable.
    BadOption(String),
    /// The content does not reproduce the input: a bug in the importer, never ignored.
    NotFaithful { input: String, rendered: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl fmt::Display for ImportErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportErrorKind::*;
        match self {
            Empty => write!(f, "the page is empty"),
            Binary => write!(f, "this is not a text file (it holds control bytes)"),
            NotUtf8 => write!(f, "the text is not UTF-8; save it as UTF-8 and try again"),
            NoTitles => write!(
                f,
                "no item found: expected bylines (□本报记者 …), photo credits (… 摄) or ★ quotations"
            ),
            StrayText(text) => write!(f, "text that belongs to no item: «{text}»"),
            MissingTitle => write!(f, "a byline or credit without a title line above it"),
            MissingCaption => write!(f, "a photo credit without a caption and a title above it"),
            EmptyByline => write!(f, "a byline or credit that names no one"),
            UnknownByline(text) => write!(
                f,
                "byline «{text}»: expected labels each followed by names (□本报记者 潘佳 通讯员 祁雯)"
            ),
            UnknownCreditLabel(text) => write!(
                f,
                "photo credit «{text}»: expected □ and a known label (□本报记者 杨柳 摄) or a bare name (丁根厚 摄)"
            ),
            SplitByline => write!(
                f,
                "a second byline line: put all of an article's bylines on one line (□本报记者 甲 通讯员 乙) and import again"
            ),
            EmptyArticle => write!(f, "an article with a title and byline but no paragraphs"),
            QuotationWithoutAttribution => {
                write!(f, "a ★ quotation without its ——date，speaker line")
            }
            AttributionWithoutQuotation => {
                write!(f, "an attribution or source line without a ★ quotation before it")
            }
            MissingSource => write!(f, "the ★ quotations do not end with a (来源：…) line"),
            BadAttribution(text) => write!(
                f,
                "attribution «{text}» is not ——YYYY年M月D日，speaker and occasion"
            ),
            IdCollision(id) => write!(f, "two items would both get id `{id}`"),
            BadOption(why) => write!(f, "{why}"),
            NotFaithful { input, rendered } => write!(
                f,
                "the content does not reproduce the input here: input «{input}», content «{rendered}»"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionError::BadDate(text) => write!(
                f,
                "date `{text}` is not a real date written YYYY-MM-DD (e.g. 2024-03-12)"
            ),
            OptionError::BlankIssue => write!(
                f,
                "the issue number is empty; give it as printed (e.g. 第9期)"
            ),
            OptionError::IssueNotOneLine(text) => write!(
                f,
                "issue number «{}» is not one line of text",
                text.escape_debug()
            ),
        }
    }
}

impl std::error::Error for OptionError {}
