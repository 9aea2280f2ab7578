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

use std::collections::HashSet;
use std::fmt;

use super::model::{Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role, Text};

/// A content file that cannot be read, with the 1-based line it was found on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub line: usize,
    pub kind: FormatErrorKind,
}

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
    Parser::default().run(text)
}

/// Writes a page as a content file; `parse(&write(&page))` gives the page back.
pub fn write(page: &Page) -> String {
    let mut out = format!("# {}\nid: {}\n", page.title, page.id);
    push_field(&mut out, "publication", page.publication.as_deref());
    push_field(
        &mut out,
        "date",
        page.date.map(|d| d.to_string()).as_deref(),
    );
    push_field(&mut out, "issue", page.issue.as_deref());
    push_field(&mut out, "source_file", page.source_file.as_deref());
    for item in page.items.iter() {
        out.push_str(&format!("\n## {} {}\n", item.kind.keyword(), item.id));
        push_field(&mut out, "column", item.column.as_deref());
        push_field(&mut out, "deck", item.deck.as_deref());
        push_field(&mut out, "title", item.title.as_deref());
        for byline in item.bylines.iter() {
            let role = byline.role.keyword();
            let value = match &byline.label {
                Some(label) => format!("{role} | {label} | {}", byline.name),
                None => format!("{role} | | {}", byline.name),
            };
            push_field(&mut out, "byline", Some(&value));
        }
        push_field(&mut out, "source", item.source.as_deref());
        for paragraph in item.paragraphs.iter() {
            out.push_str(&format!("\n{}: {}\n", paragraph.id, paragraph.text));
        }
        for quotation in item.quotations.iter() {
            out.push_str(&format!("\n{}: {}\n", quotation.id, quotation.text));
            push_field(&mut out, "date", Some(&quotation.date.to_string()));
            push_field(&mut out, "speaker", Some(&quotation.speaker));
            push_field(&mut out, "occasion", Some(&quotation.occasion));
        }
    }
    out
}

/// Whether `id` may be used as an item, paragraph or quotation id.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 32
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

impl FormatError {
    /// The error as `file:line: what is wrong`, the form build failures use.
    pub fn located(&self, file: &str) -> String {
        format!("{file}:{self}")
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.kind)
    }
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

impl std::error::Error for FormatError {}

fn push_field(out: &mut String, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        out.push_str(&format!("{key}: {value}\n"));
    }
}

/// Where the parser is: which record the next field belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Page,
    ItemHeader,
    Paragraph,
    Quotation,
}

#[derive(Default)]
struct Parser {
    page: Option<Page>,
    items: Vec<ItemDraft>,
    item_ids: HashSet<String>,
}

/// An item being read, with the line of each part for later checks.
struct ItemDraft {
    line: usize,
    item: Item,
    bylines: Vec<Byline>,
    paragraphs: Vec<Paragraph>,
    quotations: Vec<QuotationDraft>,
    seen_keys: HashSet<&'static str>,
    part_ids: HashSet<String>,
    finished: bool,
}

struct QuotationDraft {
    line: usize,
    id: String,
    text: String,
    date: Option<IsoDate>,
    speaker: Option<String>,
    occasion: Option<String>,
}

impl Parser {
    fn run(mut self, text: &str) -> Result<Page, FormatError> {
        let mut scope = Scope::Page;
        let mut page_keys: HashSet<&'static str> = HashSet::new();
        for (idx, raw_line) in text.lines().enumerate() {
            let line = idx + 1;
            let err = |kind| FormatError { line, kind };
            if idx == 0 {
                let title = raw_line
                    .strip_prefix("# ")
                    .ok_or(err(FormatErrorKind::MissingPageTitle))?;
                let title = checked_value("title", title).map_err(err)?;
                self.page = Some(Page {
                    id: String::new(),
                    title: title.to_string(),
                    publication: None,
                    date: None,
                    issue: None,
                    source_file: None,
                    items: Vec::new(),
                });
                continue;
            }
            if raw_line.is_empty() {
                continue;
            }
            if let Some(heading) = raw_line.strip_prefix("## ") {
                self.finish_item()?;
                self.start_item(line, heading).map_err(err)?;
                scope = Scope::ItemHeader;
                continue;
            }
            let (key, value) = raw_line
                .split_once(": ")
                .ok_or(err(FormatErrorKind::UnexpectedLine))?;
            match scope {
                Scope::Page => {
                    let page = self.page.as_mut().expect("set on line 1");
                    set_page_field(page, &mut page_keys, key, value).map_err(err)?;
                }
                _ if is_part_id(key) => {
                    scope = self.start_part(line, key, value).map_err(err)?;
                }
                Scope::ItemHeader => {
                    let draft = self.items.last_mut().expect("in an item");
                    draft.set_field(key, value).map_err(err)?;
                }
                Scope::Quotation => {
                    let draft = self.items.last_mut().expect("in an item");
                    draft.set_quotation_field(key, value).map_err(err)?;
                }
                Scope::Paragraph => return Err(err(FormatErrorKind::UnknownKey(key.to_string()))),
            }
        }
        self.finish_item()?;
        self.finish(text.lines().count())
    }

    fn start_item(&mut self, line: usize, heading: &str) -> Result<(), FormatErrorKind> {
        let (kind_word, id) = heading
            .split_once(' ')
            .ok_or(FormatErrorKind::UnexpectedLine)?;
        let kind = ItemKind::from_keyword(kind_word)
            .ok_or_else(|| FormatErrorKind::UnknownKind(kind_word.to_string()))?;
        check_id(id)?;
        if !self.item_ids.insert(id.to_string()) {
            return Err(FormatErrorKind::DuplicateId(id.to_string()));
        }
        self.items.push(ItemDraft {
            line,
            item: Item {
                id: id.to_string(),
                kind,
                column: None,
                deck: None,
                title: None,
                bylines: Vec::new(),
                paragraphs: Vec::new(),
                quotations: Vec::new(),
                source: None,
            },
            bylines: Vec::new(),
            paragraphs: Vec::new(),
            quotations: Vec::new(),
            seen_keys: HashSet::new(),
            part_ids: HashSet::new(),
            finished: false,
        });
        Ok(())
    }

    fn start_part(&mut self, line: usize, id: &str, text: &str) -> Result<Scope, FormatErrorKind> {
        let draft = self
            .items
            .last_mut()
            .ok_or(FormatErrorKind::UnexpectedLine)?;
        let text = checked_value(id, text)?;
        let is_quotation = id.starts_with('q');
        match (draft.item.kind == ItemKind::Quotations, is_quotation) {
            (true, false) => {
                return Err(FormatErrorKind::WrongContent(
                    "a quotations item holds `qN:` quotations, not paragraphs",
                ))
            }
            (false, true) => {
                return Err(FormatErrorKind::WrongContent(
                    "only a quotations item holds `qN:` quotations",
                ))
            }
            _ => {}
        }
        if !draft.part_ids.insert(id.to_string()) {
            return Err(FormatErrorKind::DuplicateId(id.to_string()));
        }
        if draft.item.kind == ItemKind::Quotations {
            draft.quotations.push(QuotationDraft {
                line,
                id: id.to_string(),
                text: text.to_string(),
                date: None,
                speaker: None,
                occasion: None,
            });
            Ok(Scope::Quotation)
        } else {
            draft.paragraphs.push(Paragraph {
                id: id.to_string(),
                text: text.to_string(),
            });
            Ok(Scope::Paragraph)
        }
    }

    /// Checks the item read so far once its last line is known; errors point at the
    /// item's heading, or at the quotation that lacks a field.
    fn finish_item(&mut self) -> Result<(), FormatError> {
        let Some(draft) = self.items.last_mut() else {
            return Ok(());
        };
        if draft.finished {
            return Ok(());
        }
        draft.finished = true;
        let mut quotations = Vec::new();
        for q in std::mem::take(&mut draft.quotations) {
            let missing = |field| FormatError {
                line: q.line,
                kind: FormatErrorKind::MissingField(field),
            };
            quotations.push(Quotation {
                date: q.date.ok_or(missing("date"))?,
                speaker: q.speaker.ok_or(missing("speaker"))?,
                occasion: q.occasion.ok_or(missing("occasion"))?,
                id: q.id,
                text: q.text,
            });
        }
        let item = &mut draft.item;
        item.quotations = quotations;
        item.bylines = std::mem::take(&mut draft.bylines);
        item.paragraphs = std::mem::take(&mut draft.paragraphs);
        check_item_shape(item).map_err(|kind| FormatError {
            line: draft.line,
            kind,
        })
    }

    fn finish(mut self, n_lines: usize) -> Result<Page, FormatError> {
        let mut page = self.page.take().ok_or(FormatError {
            line: 1,
            kind: FormatErrorKind::MissingPageTitle,
        })?;
        if page.id.is_empty() {
            return Err(FormatError {
                line: 1,
                kind: FormatErrorKind::MissingField("id"),
            });
        }
        if self.items.is_empty() {
            return Err(FormatError {
                line: n_lines.max(1),
                kind: FormatErrorKind::NoItems,
            });
        }
        page.items = self.items.into_iter().map(|d| d.item).collect::<Vec<_>>();
        Ok(page)
    }
}

impl ItemDraft {
    fn set_field(&mut self, key: &str, value: &str) -> Result<(), FormatErrorKind> {
        const SINGLE_KEYS: [&str; 4] = ["column", "deck", "title", "source"];
        let value = checked_value(key, value)?;
        if key == "byline" {
            self.bylines.push(parse_byline(value)?);
            return Ok(());
        }
        let key = *SINGLE_KEYS
            .iter()
            .find(|k| **k == key)
            .ok_or_else(|| FormatErrorKind::UnknownKey(key.to_string()))?;
        if !self.seen_keys.insert(key) {
            return Err(FormatErrorKind::RepeatedKey(key.to_string()));
        }
        let value: Option<Text> = Some(value.to_string());
        match key {
            "column" => self.item.column = value,
            "deck" => self.item.deck = value,
            "title" => self.item.title = value,
            _ => self.item.source = value,
        }
        Ok(())
    }

    fn set_quotation_field(&mut self, key: &str, value: &str) -> Result<(), FormatErrorKind> {
        let quotation = self.quotations.last_mut().expect("in a quotation");
        let value = checked_value(key, value)?;
        let slot_taken = match key {
            "date" => {
                let date = IsoDate::parse_iso(value)
                    .ok_or_else(|| FormatErrorKind::BadDate(value.to_string()))?;
                quotation.date.replace(date).is_some()
            }
            "speaker" => quotation.speaker.replace(value.to_string()).is_some(),
            "occasion" => quotation.occasion.replace(value.to_string()).is_some(),
            _ => return Err(FormatErrorKind::UnknownKey(key.to_string())),
        };
        if slot_taken {
            return Err(FormatErrorKind::RepeatedKey(key.to_string()));
        }
        Ok(())
    }
}

fn set_page_field(
    page: &mut Page,
    seen: &mut HashSet<&'static str>,
    key: &str,
    value: &str,
) -> Result<(), FormatErrorKind> {
    const PAGE_KEYS: [&str; 5] = ["id", "publication", "date", "issue", "source_file"];
    let key = *PAGE_KEYS
        .iter()
        .find(|k| **k == key)
        .ok_or_else(|| FormatErrorKind::UnknownKey(key.to_string()))?;
    if !seen.insert(key) {
        return Err(FormatErrorKind::RepeatedKey(key.to_string()));
    }
    let value = checked_value(key, value)?;
    match key {
        "id" => {
            check_page_id(value)?;
            page.id = value.to_string();
        }
        "publication" => page.publication = Some(value.to_string()),
        "date" => {
            page.date = Some(
                IsoDate::parse_iso(value)
                    .ok_or_else(|| FormatErrorKind::BadDate(value.to_string()))?,
            )
        }
        "issue" => page.issue = Some(value.to_string()),
        _ => page.source_file = Some(value.to_string()),
    }
    Ok(())
}

fn parse_byline(value: &str) -> Result<Byline, FormatErrorKind> {
    let bad = || FormatErrorKind::BadByline(value.to_string());
    let parts: Vec<&str> = value.split('|').map(str::trim).collect();
    let [role, label, name] = parts[..] else {
        return Err(bad());
    };
    let role = Role::from_keyword(role).ok_or_else(bad)?;
    if name.is_empty() {
        return Err(bad());
    }
    Ok(Byline {
        role,
        label: (!label.is_empty()).then(|| label.to_string()),
        name: name.to_string(),
    })
}

fn check_item_shape(item: &Item) -> Result<(), FormatErrorKind> {
    use FormatErrorKind::{MissingField, WrongContent};
    let has_quotations = !item.quotations.is_empty();
    let has_paragraphs = !item.paragraphs.is_empty();
    match item.kind {
        ItemKind::Article | ItemKind::PhotoNews => {
            if item.title.is_none() {
                return Err(MissingField("title"));
            }
            if has_quotations || item.source.is_some() {
                return Err(WrongContent(
                    "only a quotations item may hold quotations or a source",
                ));
            }
            if !has_paragraphs {
                return Err(WrongContent(
                    "an article or photo news item needs paragraphs",
                ));
            }
        }
        ItemKind::Quotations => {
            if has_paragraphs || !item.bylines.is_empty() || item.deck.is_some() {
                return Err(WrongContent(
                    "a quotations item holds quotations only, no paragraphs, bylines or deck",
                ));
            }
            if !has_quotations {
                return Err(WrongContent(
                    "a quotations item needs at least one quotation",
                ));
            }
            if item.source.is_none() {
                return Err(MissingField("source"));
            }
        }
    }
    if item.kind == ItemKind::PhotoNews && item.bylines.iter().any(|b| b.role != Role::Photographer)
    {
        return Err(WrongContent("photo news credits only photographers"));
    }
    Ok(())
}

fn checked_value<'a>(key: &str, value: &'a str) -> Result<&'a str, FormatErrorKind> {
    if value.is_empty() || value.trim() != value {
        return Err(FormatErrorKind::BadValue(key.to_string()));
    }
    Ok(value)
}

fn check_id(id: &str) -> Result<(), FormatErrorKind> {
    if is_valid_id(id) {
        Ok(())
    } else {
        Err(FormatErrorKind::BadId(id.to_string()))
    }
}

fn check_page_id(id: &str) -> Result<(), FormatErrorKind> {
    let ok = !id.is_empty()
        && id.len() <= 32
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(FormatErrorKind::BadId(id.to_string()))
    }
}

/// A paragraph or quotation id: a letter followed by digits (`p3`, `q1`).
fn is_part_id(key: &str) -> bool {
    let mut chars = key.chars();
    matches!(chars.next(), Some('p' | 'q')) && key.len() > 1 && chars.all(|c| c.is_ascii_digit())
}
