//! The content file's reader: the records of `page.md` (page fields, items, paragraphs and
//! quotations) read line by line into a [`Page`], every rule checked with the line at fault.

use std::collections::HashSet;

use super::{is_valid_id, is_valid_page_id, FormatError, FormatErrorKind};
use crate::content::model::{
    Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role, Text,
};
use crate::line_format::{self, LineReader};

/// Where the parser is: which record the next field belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum Scope {
    #[default]
    Page,
    ItemHeader,
    Paragraph,
    Quotation,
}

#[derive(Default)]
pub(super) struct Parser {
    page: Option<Page>,
    page_keys: HashSet<&'static str>,
    scope: Scope,
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

impl LineReader for Parser {
    type Kind = FormatErrorKind;
    type Output = Page;

    const MISSING_TITLE: FormatErrorKind = FormatErrorKind::MissingPageTitle;
    const UNEXPECTED_LINE: FormatErrorKind = FormatErrorKind::UnexpectedLine;

    fn bad_value(key: String) -> FormatErrorKind {
        FormatErrorKind::BadValue(key)
    }

    fn title(&mut self, title: &str) {
        self.page = Some(Page {
            id: String::new(),
            title: title.to_string(),
            publication: None,
            date: None,
            issue: None,
            source_file: None,
            items: Vec::new(),
        });
    }

    fn heading(&mut self, line: usize, heading: &str) -> Result<(), FormatError> {
        self.finish_item()?;
        self.start_item(line, heading)
            .map_err(|kind| FormatError { line, kind })?;
        self.scope = Scope::ItemHeader;
        Ok(())
    }

    fn field(&mut self, line: usize, key: &str, value: &str) -> Result<(), FormatErrorKind> {
        match self.scope {
            Scope::Page => {
                let page = self.page.as_mut().expect("set on line 1");
                set_page_field(page, &mut self.page_keys, key, value)
            }
            _ if is_part_id(key) => {
                self.scope = self.start_part(line, key, value)?;
                Ok(())
            }
            Scope::ItemHeader => {
                let draft = self.items.last_mut().expect("in an item");
                draft.set_field(key, value)
            }
            Scope::Quotation => {
                let draft = self.items.last_mut().expect("in an item");
                draft.set_quotation_field(key, value)
            }
            Scope::Paragraph => Err(FormatErrorKind::UnknownKey(key.to_string())),
        }
    }

    fn finish(mut self, n_lines: usize) -> Result<Page, FormatError> {
        self.finish_item()?;
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

impl Parser {
    fn start_item(&mut self, line: usize, heading: &str) -> Result<(), FormatErrorKind> {
        let (kind_word, id) = heading
            .split_once(' ')
            .ok_or(FormatErrorKind::UnexpectedLine)?;
        let kind = ItemKind::from_keyword(kind_word)
            .ok_or_else(|| FormatErrorKind::UnknownKind(kind_word.to_string()))?;
        check_id(id, is_valid_id)?;
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
            check_id(value, is_valid_page_id)?;
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
    line_format::checked_value(key, value, Parser::bad_value)
}

fn check_id(id: &str, is_valid: fn(&str) -> bool) -> Result<(), FormatErrorKind> {
    if is_valid(id) {
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
