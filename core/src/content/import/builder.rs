//! The page builder: finds each item's anchor in the classified lines, claims its header
//! (column label, deck, title), and joins the paragraphs and quotations the layout cut.

use super::lines::{
    ends_sentence, is_column_label, parse_attribution, parse_bylines, prints_as, CreditMark, Line,
    Shape,
};
use super::{ImportError, ImportErrorKind, Join};
use crate::content::model::{Byline, Item, ItemKind, Paragraph, Quotation, Role};

/// An item found on the page, with the input lines of its parts.
#[derive(Debug, Clone)]
pub(super) struct ItemDraft {
    pub(super) item: Item,
    /// The input line of each paragraph (its first line when joined).
    pub(super) paragraph_lines: Vec<usize>,
    /// The key the stable id is made from.
    pub(super) id_key: String,
}

pub(super) struct PageBuilder<'l, 'a> {
    lines: &'l [Line<'a>],
    pub(super) items: Vec<ItemDraft>,
    /// Joins with the index of their item; ids are known only at the end.
    pub(super) joins: Vec<(usize, Join)>,
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
    pub(super) fn new(lines: &'l [Line<'a>]) -> Self {
        PageBuilder {
            lines,
            items: Vec::new(),
            joins: Vec::new(),
        }
    }

    pub(super) fn build(&mut self) -> Result<(), ImportError> {
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
        let header = (column, deck, title);
        self.push_titled(
            ItemKind::Article,
            header,
            bylines,
            paragraphs,
            paragraph_lines,
        );
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
        let header = (column, None, title);
        self.push_titled(
            ItemKind::PhotoNews,
            header,
            credits,
            paragraphs,
            paragraph_lines,
        );
        Ok(span.anchor + 1)
    }

    /// Adds an article or photo news item: column label, deck and title, its bylines or
    /// credits, and its paragraphs with the input line of each.
    fn push_titled(
        &mut self,
        kind: ItemKind,
        (column, deck, title): (Option<&str>, Option<&str>, &str),
        bylines: Vec<Byline>,
        paragraphs: Vec<Paragraph>,
        paragraph_lines: Vec<usize>,
    ) {
        self.items.push(ItemDraft {
            id_key: title.to_string(),
            item: Item {
                id: String::new(),
                kind,
                column: column.map(str::to_string),
                deck: deck.map(str::to_string),
                title: Some(title.to_string()),
                bylines,
                paragraphs,
                quotations: Vec::new(),
                source: None,
            },
            paragraph_lines,
        });
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

fn seam(before: &str, after: &str) -> String {
    const SIDE: usize = 6;
    let n_before = before.chars().count();
    let tail: String = before.chars().skip(n_before.saturating_sub(SIDE)).collect();
    let head: String = after.chars().take(SIDE).collect();
    format!("{tail}|{head}")
}
