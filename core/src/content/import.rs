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

use std::fmt;

use super::format;
use super::model::{
    byline_text, Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role,
};
use super::press::{self, Proof};
use super::similarity::bigram_dice;
use crate::hash::fnv1a_32;

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

/// A successful import: the page, the content file that holds it, and what was done.
#[derive(Debug, Clone)]
pub struct Import {
    pub page: Page,
    /// The page as a content file (see [`format`]).
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
    let text = decode(raw)?;
    let lines = classify(text);
    if lines.is_empty() {
        return Err(ImportError {
            line: 1,
            kind: ImportErrorKind::Empty,
        });
    }
    let mut builder = PageBuilder::new(&lines);
    builder.build()?;
    let PageBuilder { items, joins, .. } = builder;
    let mut page = Page {
        id: options.page_id.clone(),
        title: options.page_title.clone(),
        publication: None,
        date: options.date,
        issue,
        source_file: options.source_file.clone(),
        items: items.iter().map(|d| d.item.clone()).collect::<Vec<_>>(),
    };
    assign_ids(&mut page, &items)?;
    let joins = joins
        .into_iter()
        .map(|(item_idx, mut join)| {
            join.item_id = page.items[item_idx].id.to_string();
            join
        })
        .collect();
    let flags = find_flags(&page, &items);

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

/// One non-blank input line, classified by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Line<'a> {
    number: usize,
    shape: Shape<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape<'a> {
    /// `★` and the quotation's text.
    Star(&'a str),
    /// `——` and what follows it.
    Attribution(&'a str),
    /// `(来源：…)`: the name inside.
    Source(&'a str),
    /// `□` and the names with their labels.
    Byline(&'a str),
    /// A photo credit without the final `摄`, `□` dropped when present.
    Credit(&'a str, CreditMark),
    Text(&'a str),
}

impl<'a> Line<'a> {
    fn text(&self) -> Option<&'a str> {
        match self.shape {
            Shape::Text(text) => Some(text),
            _ => None,
        }
    }
}

fn decode(raw: &[u8]) -> Result<&str, ImportError> {
    let line_of = |offset: usize| raw[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = std::str::from_utf8(raw).map_err(|e| ImportError {
        line: line_of(e.valid_up_to()),
        kind: ImportErrorKind::NotUtf8,
    })?;
    if let Some(offset) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .map(|(offset, _)| offset)
    {
        return Err(ImportError {
            line: line_of(offset),
            kind: ImportErrorKind::Binary,
        });
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn classify(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .filter_map(|(idx, raw)| {
            let line = raw.trim();
            (!line.is_empty()).then(|| Line {
                number: idx + 1,
                shape: shape_of(line),
            })
        })
        .collect()
}

fn shape_of(line: &str) -> Shape<'_> {
    if let Some(rest) = line.strip_prefix('★') {
        return Shape::Star(rest.trim_start());
    }
    if let Some(rest) = line.strip_prefix("——") {
        return Shape::Attribution(rest.trim_start());
    }
    if let Some(name) = line
        .strip_prefix("(来源：")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return Shape::Source(name.trim());
    }
    let credit = line
        .strip_suffix('摄')
        .filter(|rest| rest.ends_with(char::is_whitespace) && rest.chars().count() <= 24);
    if let Some(rest) = credit {
        let mark = if rest.starts_with('□') {
            CreditMark::Boxed
        } else {
            CreditMark::Plain
        };
        return Shape::Credit(rest.trim_start_matches('□').trim(), mark);
    }
    if let Some(rest) = line.strip_prefix('□') {
        return Shape::Byline(rest.trim());
    }
    Shape::Text(line)
}

/// Whether a photo credit was printed with the `□` box before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CreditMark {
    Boxed,
    Plain,
}

/// An item found on the page, with the input lines of its parts.
#[derive(Debug, Clone)]
struct ItemDraft {
    item: Item,
    /// The input line of each paragraph (its first line when joined).
    paragraph_lines: Vec<usize>,
    /// The key the stable id is made from.
    id_key: String,
}

struct PageBuilder<'l, 'a> {
    lines: &'l [Line<'a>],
    items: Vec<ItemDraft>,
    /// Joins with the index of their item; ids are known only at the end.
    joins: Vec<(usize, Join)>,
}

/// Where an item's lines are: its header, its anchor, and where its body starts.
#[derive(Debug, Clone, Copy)]
struct Span {
    kind: ItemKind,
    header_start: usize,
    anchor: usize,
    /// The first line after the header: an article's byline, a photo's caption, a box's
    /// first `★`.
    body_start: usize,
}

impl<'l, 'a> PageBuilder<'l, 'a> {
    fn new(lines: &'l [Line<'a>]) -> Self {
        PageBuilder {
            lines,
            items: Vec::new(),
            joins: Vec::new(),
        }
    }

    fn build(&mut self) -> Result<(), ImportError> {
        let spans = self.find_spans()?;
        if spans.is_empty() {
            return Err(self.error_at(0, ImportErrorKind::NoTitles));
        }
        if let Some(first) = spans.first() {
            self.expect_nothing_between(0, first.header_start)?;
        }
        for (idx, span) in spans.iter().enumerate() {
            let next_start = spans
                .get(idx + 1)
                .map_or(self.lines.len(), |s| s.header_start);
            let end = match span.kind {
                ItemKind::Article => self.article(span, next_start)?,
                ItemKind::PhotoNews => self.photo(span)?,
                ItemKind::Quotations => self.quotations(span, next_start)?,
            };
            self.expect_nothing_between(end, next_start)?;
        }
        Ok(())
    }

    /// Finds every item's anchor and claims the header lines above it.
    fn find_spans(&self) -> Result<Vec<Span>, ImportError> {
        let mut spans: Vec<Span> = Vec::new();
        // A quotation box runs from its first `★` to its 来源 line: the `★` lines inside it,
        // even after an attribution the layout cut, start no new item.
        let mut in_box = false;
        for (idx, line) in self.lines.iter().enumerate() {
            let previous = idx.checked_sub(1).map(|i| self.lines[i].shape);
            let kind = match (line.shape, previous) {
                (Shape::Byline(_), Some(Shape::Byline(_))) => continue,
                (Shape::Byline(_), _) => ItemKind::Article,
                (Shape::Credit(..), _) => ItemKind::PhotoNews,
                (Shape::Star(_), _) if in_box => continue,
                (Shape::Star(_), _) => ItemKind::Quotations,
                (Shape::Source(_), _) => {
                    in_box = false;
                    continue;
                }
                _ => continue,
            };
            in_box = kind == ItemKind::Quotations;
            // The header may reach back only as far as the previous anchor.
            let floor = spans.last().map_or(0, |s| s.anchor + 1);
            let (header_start, body_start) = self.header_start(kind, idx, floor)?;
            spans.push(Span {
                kind,
                header_start,
                anchor: idx,
                body_start,
            });
        }
        Ok(spans)
    }

    /// Where the header of the item anchored at `anchor` starts, and where its body starts.
    fn header_start(
        &self,
        kind: ItemKind,
        anchor: usize,
        floor: usize,
    ) -> Result<(usize, usize), ImportError> {
        let text_at = |idx: Option<usize>| {
            idx.filter(|&i| i >= floor)
                .and_then(|i| self.lines[i].text())
        };
        let (mut start, body_start) = match kind {
            ItemKind::Quotations => (anchor, anchor),
            ItemKind::Article => {
                let title = anchor.checked_sub(1);
                text_at(title)
                    .ok_or_else(|| self.error_at(anchor, ImportErrorKind::MissingTitle))?;
                let title = anchor - 1;
                match text_at(title.checked_sub(1)) {
                    Some(line) if !is_column_label(line) && !ends_sentence(line) => {
                        (title - 1, anchor)
                    }
                    _ => (title, anchor),
                }
            }
            ItemKind::PhotoNews => {
                let title = self
                    .photo_title(anchor, floor)
                    .ok_or_else(|| self.error_at(anchor, ImportErrorKind::MissingCaption))?;
                (title, title + 1)
            }
        };
        if text_at(start.checked_sub(1)).is_some_and(is_column_label) {
            start -= 1;
        }
        Ok((start, body_start))
    }

    /// The title line of the photo news whose credit is at `anchor`. The caption ends just
    /// above the credit and the title stands above the caption; when the layout cut the
    /// caption, its first pieces end without closing punctuation, like the title: of the
    /// unfinished lines right above the caption's last line, the first is the title (the
    /// second when the first is a column label) and the rest are the caption's.
    fn photo_title(&self, anchor: usize, floor: usize) -> Option<usize> {
        let is_text = |idx: usize| idx >= floor && self.lines[idx].text().is_some();
        let caption_end = anchor.checked_sub(1).filter(|&idx| is_text(idx))?;
        let unfinished = |idx: usize| {
            idx >= floor
                && self.lines[idx]
                    .text()
                    .is_some_and(|text| !ends_sentence(text))
        };
        let mut run_start = caption_end;
        while run_start > 0 && unfinished(run_start - 1) {
            run_start -= 1;
        }
        match caption_end - run_start {
            0 => caption_end.checked_sub(1).filter(|&idx| is_text(idx)),
            1 => Some(run_start),
            _ => {
                let label = self.lines[run_start].text().is_some_and(is_column_label);
                Some(run_start + usize::from(label))
            }
        }
    }

    fn article(&mut self, span: &Span, end: usize) -> Result<usize, ImportError> {
        let (column, deck, title) = self.header(span.header_start, span.anchor);
        let mut body_start = span.anchor;
        let mut bylines = Vec::new();
        while let Some(Shape::Byline(text)) = self.lines.get(body_start).map(|l| l.shape) {
            let named = parse_bylines(text, None);
            if named.is_empty() {
                return Err(self.error_at(body_start, ImportErrorKind::EmptyByline));
            }
            if !prints_as(&named, text) {
                return Err(
                    self.error_at(body_start, ImportErrorKind::UnknownByline(text.to_string()))
                );
            }
            if body_start > span.anchor {
                return Err(self.error_at(body_start, ImportErrorKind::SplitByline));
            }
            bylines.extend(named);
            body_start += 1;
        }
        let item_idx = self.items.len();
        let (paragraphs, paragraph_lines) = self.paragraphs(item_idx, body_start, end)?;
        if paragraphs.is_empty() {
            return Err(self.error_at(span.anchor, ImportErrorKind::EmptyArticle));
        }
        self.items.push(ItemDraft {
            id_key: title.to_string(),
            item: Item {
                id: String::new(),
                kind: ItemKind::Article,
                column: column.map(|c| c.to_string()),
                deck: deck.map(|d| d.to_string()),
                title: Some(title.to_string()),
                bylines,
                paragraphs,
                quotations: Vec::new(),
                source: None,
            },
            paragraph_lines,
        });
        Ok(end)
    }

    fn photo(&mut self, span: &Span) -> Result<usize, ImportError> {
        let (column, _, title) = self.header(span.header_start, span.body_start);
        let Shape::Credit(credit, mark) = self.lines[span.anchor].shape else {
            unreachable!("a photo's anchor is its credit");
        };
        let credits = parse_bylines(credit, Some(Role::Photographer));
        if credits.is_empty() {
            return Err(self.error_at(span.anchor, ImportErrorKind::EmptyByline));
        }
        // The page prints `□` before a labelled credit (`□本报记者 杨柳 摄`) and none before a
        // bare name (`丁根厚 摄`); a credit that breaks the pattern has a label this importer
        // does not know.
        let labelled = credits.iter().any(|c| c.label.is_some());
        if labelled != (mark == CreditMark::Boxed) || !prints_as(&credits, credit) {
            return Err(self.error_at(
                span.anchor,
                ImportErrorKind::UnknownCreditLabel(credit.to_string()),
            ));
        }
        let item_idx = self.items.len();
        let (paragraphs, paragraph_lines) =
            self.paragraphs(item_idx, span.body_start, span.anchor)?;
        self.items.push(ItemDraft {
            id_key: title.to_string(),
            item: Item {
                id: String::new(),
                kind: ItemKind::PhotoNews,
                column: column.map(|c| c.to_string()),
                deck: None,
                title: Some(title.to_string()),
                bylines: credits,
                paragraphs,
                quotations: Vec::new(),
                source: None,
            },
            paragraph_lines,
        });
        Ok(span.anchor + 1)
    }

    /// The quotation box anchored at `span`, ending before line `end`. A quotation runs
    /// from its `★` to its `——` line and its attribution up to the next `★` or the 来源
    /// line: the lines the layout cut from either are joined.
    fn quotations(&mut self, span: &Span, end: usize) -> Result<usize, ImportError> {
        let column = (span.header_start < span.anchor)
            .then(|| self.lines[span.header_start].text())
            .flatten();
        let item_idx = self.items.len();
        let shape_at = |idx: usize| self.lines[..end].get(idx).map(|l| l.shape);
        let mut quotations = Vec::new();
        let mut paragraph_lines = Vec::new();
        let mut idx = span.anchor;
        while let Some(Shape::Star(first_piece)) = shape_at(idx) {
            let id = format!("q{}", quotations.len() + 1);
            let (text, attribution_idx) = self.joined_run(item_idx, &id, idx, first_piece, end);
            let Some(Shape::Attribution(first_piece)) = shape_at(attribution_idx) else {
                return Err(self.error_at(idx, ImportErrorKind::QuotationWithoutAttribution));
            };
            let (attribution, next) =
                self.joined_run(item_idx, &id, attribution_idx, first_piece, end);
            let (date, speaker, occasion) = parse_attribution(&attribution).ok_or_else(|| {
                self.error_at(
                    attribution_idx,
                    ImportErrorKind::BadAttribution(attribution.clone()),
                )
            })?;
            quotations.push(Quotation {
                id,
                text,
                date,
                speaker: speaker.to_string(),
                occasion: occasion.to_string(),
            });
            paragraph_lines.push(self.lines[idx].number);
            idx = next;
        }
        let source = match shape_at(idx) {
            Some(Shape::Source(name)) => {
                idx += 1;
                name
            }
            _ => {
                let last = idx.min(self.lines.len() - 1);
                return Err(self.error_at(last, ImportErrorKind::MissingSource));
            }
        };
        self.items.push(ItemDraft {
            id_key: quotations[0].text.to_string(),
            item: Item {
                id: String::new(),
                kind: ItemKind::Quotations,
                column: column.map(|c| c.to_string()),
                deck: None,
                title: None,
                bylines: Vec::new(),
                paragraphs: Vec::new(),
                quotations,
                source: Some(source.to_string()),
            },
            paragraph_lines,
        });
        Ok(idx)
    }

    /// `first_piece`, the text of line `idx`, with the text lines after it (before `end`)
    /// that the layout cut from it, and the line after them; the join is reported under
    /// `part_id`.
    fn joined_run(
        &mut self,
        item_idx: usize,
        part_id: &str,
        idx: usize,
        first_piece: &str,
        end: usize,
    ) -> (String, usize) {
        let mut joined = first_piece.to_string();
        let mut numbers = vec![self.lines[idx].number];
        let mut seams = Vec::new();
        let mut next = idx + 1;
        while let Some(piece) = self.lines[..end].get(next).and_then(|l| l.text()) {
            seams.push(seam(&joined, piece));
            joined.push_str(piece);
            numbers.push(self.lines[next].number);
            next += 1;
        }
        if numbers.len() > 1 {
            self.joins.push((
                item_idx,
                Join {
                    lines: numbers,
                    item_id: String::new(),
                    paragraph_id: part_id.to_string(),
                    seams,
                },
            ));
        }
        (joined, next)
    }

    /// Column label, deck and title from the header lines `start..end`.
    fn header(&self, start: usize, end: usize) -> (Option<&'a str>, Option<&'a str>, &'a str) {
        let texts: Vec<&'a str> = self.lines[start..end]
            .iter()
            .filter_map(|l| l.text())
            .collect();
        let (column, rest) = match texts.split_first() {
            Some((first, rest)) if !rest.is_empty() && is_column_label(first) => {
                (Some(*first), rest)
            }
            _ => (None, &texts[..]),
        };
        match rest {
            [deck, title] => (column, Some(*deck), *title),
            [title] => (column, None, *title),
            _ => unreachable!("header_start claims a title and at most a deck and a label"),
        }
    }

    /// The paragraphs of lines `start..end`, joining lines the layout cut.
    fn paragraphs(
        &mut self,
        item_idx: usize,
        start: usize,
        end: usize,
    ) -> Result<(Vec<Paragraph>, Vec<usize>), ImportError> {
        let mut paragraphs: Vec<Paragraph> = Vec::new();
        let mut first_lines = Vec::new();
        let mut pending: Option<(String, Vec<usize>, Vec<String>)> = None;
        for idx in start..end {
            let line = self.lines[idx];
            let Some(text) = line.text() else {
                return Err(self.stray(idx));
            };
            let (mut joined, mut numbers, seams) = match pending.take() {
                Some((so_far, numbers, mut seams)) => {
                    seams.push(seam(&so_far, text));
                    (so_far, numbers, seams)
                }
                None => (String::new(), Vec::new(), Vec::new()),
            };
            joined.push_str(text);
            numbers.push(line.number);
            if !ends_sentence(text) && idx + 1 < end {
                pending = Some((joined, numbers, seams));
                continue;
            }
            let id = format!("p{}", paragraphs.len() + 1);
            if numbers.len() > 1 {
                self.joins.push((
                    item_idx,
                    Join {
                        lines: numbers.clone(),
                        item_id: String::new(),
                        paragraph_id: id.clone(),
                        seams,
                    },
                ));
            }
            first_lines.push(numbers[0]);
            paragraphs.push(Paragraph { id, text: joined });
        }
        Ok((paragraphs, first_lines))
    }

    fn expect_nothing_between(&self, from: usize, to: usize) -> Result<(), ImportError> {
        match (from..to).next() {
            Some(idx) => Err(self.stray(idx)),
            None => Ok(()),
        }
    }

    fn stray(&self, idx: usize) -> ImportError {
        let kind = match self.lines[idx].shape {
            Shape::Attribution(_) | Shape::Source(_) => {
                ImportErrorKind::AttributionWithoutQuotation
            }
            Shape::Text(text)
            | Shape::Star(text)
            | Shape::Byline(text)
            | Shape::Credit(text, _) => ImportErrorKind::StrayText(text.chars().take(20).collect()),
        };
        self.error_at(idx, kind)
    }

    fn error_at(&self, idx: usize, kind: ImportErrorKind) -> ImportError {
        ImportError {
            line: self.lines.get(idx).map_or(1, |l| l.number),
            kind,
        }
    }
}

/// Bylines from `本报记者 潘佳 通讯员 祁雯`: each name with the label before it.
fn parse_bylines(text: &str, role: Option<Role>) -> Vec<Byline> {
    let mut bylines = Vec::new();
    let mut label: Option<&str> = None;
    for word in text.split_whitespace() {
        if is_byline_label(word) {
            label = Some(word);
            continue;
        }
        let label_role = match label {
            Some(l) if l.contains("通讯员") => Role::Correspondent,
            _ => Role::Reporter,
        };
        bylines.push(Byline {
            role: role.unwrap_or(label_role),
            label: label.map(|l| l.to_string()),
            name: word.to_string(),
        });
    }
    bylines
}

/// Whether `bylines` print back as the words of `text` (see `model::byline_text`).
fn prints_as(bylines: &[Byline], text: &str) -> bool {
    byline_text(bylines) == text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_byline_label(word: &str) -> bool {
    ["记者", "通讯员", "实习生", "摄影"]
        .iter()
        .any(|label| word.ends_with(label))
}

/// `2019年1月2日，习近平致……` → date, speaker, occasion.
fn parse_attribution(text: &str) -> Option<(IsoDate, &str, &str)> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once('日')?;
    let date = IsoDate::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
    if date.chinese() != format!("{year}年{month}月{day}日") {
        return None;
    }
    let rest = rest.strip_prefix('，')?;
    let (speaker, occasion) = split_speaker(rest)?;
    Some((date, speaker, occasion))
}

/// Splits `习近平在参加……时的讲话` into the speaker and the occasion, at the first word
/// that opens an occasion, two to four characters in.
fn split_speaker(text: &str) -> Option<(&str, &str)> {
    const OCCASION_OPENERS: [&str; 16] = [
        "致", "为", "在", "对", "同", "向", "给", "与", "出席", "主持", "会见", "接受", "考察",
        "视察", "参加", "发表",
    ];
    text.char_indices()
        .skip(2)
        .take(3)
        .find(|&(offset, _)| {
            OCCASION_OPENERS
                .iter()
                .any(|opener| text[offset..].starts_with(opener))
        })
        .map(|(offset, _)| text.split_at(offset))
}

/// A column label: a short line of Chinese characters only (学思践悟, 掠影), perhaps in
/// two parts joined by a middle dot (基层·治理).
fn is_column_label(line: &str) -> bool {
    let n_chars = line.chars().filter(|&c| is_cjk_ideograph(c)).count();
    let parts: Vec<&str> = line.split(['·', '・']).collect();
    (2..=6).contains(&n_chars)
        && parts.len() <= 2
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.chars().all(is_cjk_ideograph))
}

fn is_cjk_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether a line ends a paragraph: its last character closes a sentence or a quote.
fn ends_sentence(line: &str) -> bool {
    line.ends_with([
        '。', '！', '？', '…', '”', '’', '」', '』', '）', ')', '!', '?',
    ])
}

fn seam(before: &str, after: &str) -> String {
    const SIDE: usize = 6;
    let n_before = before.chars().count();
    let tail: String = before.chars().skip(n_before.saturating_sub(SIDE)).collect();
    let head: String = after.chars().take(SIDE).collect();
    format!("{tail}|{head}")
}

/// Gives every item a stable id from its kind and title (or first quotation).
fn assign_ids(page: &mut Page, drafts: &[ItemDraft]) -> Result<(), ImportError> {
    if !format::is_valid_id(&format!("x{}", page.id)) || page.title.trim().is_empty() {
        return Err(ImportError {
            line: 1,
            kind: ImportErrorKind::BadOption(format!(
                "page id `{}` must be lowercase letters, digits and `-`, and the title non-empty",
                page.id
            )),
        });
    }
    let mut items = page.items.to_vec();
    for (item, draft) in items.iter_mut().zip(drafts) {
        let id = format!("{}-{}", item.kind.id_prefix(), short_hash(&draft.id_key));
        if drafts
            .iter()
            .zip(page.items.iter())
            .take_while(|(d, _)| !std::ptr::eq(*d, draft))
            .any(|(d, i)| i.kind == item.kind && short_hash(&d.id_key) == short_hash(&draft.id_key))
        {
            return Err(ImportError {
                line: draft.paragraph_lines.first().copied().unwrap_or(1),
                kind: ImportErrorKind::IdCollision(id),
            });
        }
        item.id = id;
    }
    page.items = items;
    Ok(())
}

/// Four base-36 characters of the FNV-1a hash of `key`.
fn short_hash(key: &str) -> String {
    let mut n = fnv1a_32(key.bytes()) % 36u32.pow(4);
    let mut out = ['0'; 4];
    for slot in out.iter_mut().rev() {
        *slot = char::from_digit(n % 36, 36).expect("below 36");
        n /= 36;
    }
    out.iter().collect()
}

/// Flags near-duplicate paragraphs and items whose last paragraph is unfinished.
fn find_flags(page: &Page, drafts: &[ItemDraft]) -> Vec<Flag> {
    const NEAR_DUPLICATE: f64 = 0.8;
    const MIN_CHARS: usize = 20;
    let paragraphs: Vec<(&Item, &Paragraph, usize)> = page
        .items
        .iter()
        .zip(drafts)
        .flat_map(|(item, draft)| {
            item.paragraphs
                .iter()
                .zip(&draft.paragraph_lines)
                .map(move |(p, &line)| (item, p, line))
        })
        .collect();
    let mut flags = Vec::new();
    for (idx, &(item, paragraph, line)) in paragraphs.iter().enumerate() {
        if paragraph.text.chars().count() < MIN_CHARS {
            continue;
        }
        let earlier = paragraphs[..idx]
            .iter()
            .find_map(|&(other_item, other, other_line)| {
                let score = bigram_dice(&paragraph.text, &other.text);
                (score >= NEAR_DUPLICATE).then_some((other_item, other, other_line, score))
            });
        if let Some((other_item, other, other_line, score)) = earlier {
            flags.push(Flag {
                line,
                item_id: item.id.to_string(),
                paragraph_id: paragraph.id.to_string(),
                kind: FlagKind::NearDuplicate {
                    other_line,
                    other_item_id: other_item.id.to_string(),
                    other_paragraph_id: other.id.to_string(),
                    percent: (score * 100.0).round() as u8,
                },
            });
        }
    }
    for (item, draft) in page.items.iter().zip(drafts) {
        if let (Some(last), Some(&line)) = (item.paragraphs.last(), draft.paragraph_lines.last()) {
            if !ends_sentence(&last.text) {
                flags.push(Flag {
                    line,
                    item_id: item.id.to_string(),
                    paragraph_id: last.id.to_string(),
                    kind: FlagKind::UnfinishedParagraph,
                });
            }
        }
    }
    flags.sort_by_key(|f| f.line);
    flags
}
