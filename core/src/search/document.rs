//! The searchable documents of an archive: each item's headings, each paragraph and each
//! quotation with its attribution, as fields of original text plus their matching form.

use std::borrow::Cow;

use super::normalize::{normalize, Normalized};
use super::{Field, Target};
use crate::content::Page;

/// One place a hit can point at, with the texts it is searched in.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    pub page_id: &'a str,
    pub item_id: &'a str,
    pub target: Target<'a>,
    /// The non-empty fields, in the order a snippet prefers them.
    pub fields: Vec<FieldText<'a>>,
}

/// One field of a document: the text as printed and its matching form.
#[derive(Debug)]
pub(crate) struct FieldText<'a> {
    pub field: Field,
    pub original: Cow<'a, str>,
    pub normalized: Normalized,
}

/// Where a term occurs in a document: a field and a range of its normalised characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrence {
    pub field_idx: usize,
    pub start: usize,
    pub end: usize,
}

/// The documents of every page, in archive order and then page order: for each item its
/// headings (title, deck, column label), then its paragraphs, then its quotations.
pub(crate) fn documents<'a>(pages: impl IntoIterator<Item = &'a Page>) -> Vec<Document<'a>> {
    let mut documents = Vec::new();
    for page in pages {
        for item in page.items.iter() {
            let headings = [
                (Field::Title, &item.title),
                (Field::Deck, &item.deck),
                (Field::Column, &item.column),
            ];
            let headings = headings
                .into_iter()
                .filter_map(|(field, text)| Some((field, Cow::Borrowed(text.as_deref()?))))
                .collect();
            documents.extend(Document::new(page, &item.id, Target::Title, headings));
            for paragraph in item.paragraphs.iter() {
                let fields = vec![(Field::Text, Cow::Borrowed(&*paragraph.text))];
                documents.extend(Document::new(
                    page,
                    &item.id,
                    Target::Paragraph(&paragraph.id),
                    fields,
                ));
            }
            for quotation in item.quotations.iter() {
                let fields = vec![
                    (Field::Text, Cow::Borrowed(&*quotation.text)),
                    (Field::Occasion, Cow::Borrowed(&*quotation.occasion)),
                    (Field::Speaker, Cow::Borrowed(&*quotation.speaker)),
                    (Field::Date, Cow::Owned(quotation.date.chinese())),
                ];
                documents.extend(Document::new(
                    page,
                    &item.id,
                    Target::Quotation(&quotation.id),
                    fields,
                ));
            }
        }
    }
    documents
}

impl<'a> Document<'a> {
    /// Every non-overlapping occurrence of every term, field by field, or `None` when a
    /// term does not occur at all.
    pub(crate) fn occurrences(&self, terms: &[Vec<char>]) -> Option<Vec<Occurrence>> {
        let mut all = Vec::new();
        for term in terms {
            let before = all.len();
            for (field_idx, field) in self.fields.iter().enumerate() {
                let chars = &field.normalized.chars;
                let mut start = 0;
                while start + term.len() <= chars.len() {
                    if chars[start..start + term.len()] == term[..] {
                        all.push(Occurrence {
                            field_idx,
                            start,
                            end: start + term.len(),
                        });
                        start += term.len();
                    } else {
                        start += 1;
                    }
                }
            }
            if all.len() == before {
                return None;
            }
        }
        Some(all)
    }

    /// The document of these fields, or `None` when none of them has anything to match.
    fn new(
        page: &'a Page,
        item_id: &'a str,
        target: Target<'a>,
        fields: Vec<(Field, Cow<'a, str>)>,
    ) -> Option<Document<'a>> {
        let fields: Vec<FieldText<'a>> = fields
            .into_iter()
            .map(|(field, original)| FieldText {
                field,
                normalized: normalize(&original),
                original,
            })
            .filter(|field| !field.normalized.chars.is_empty())
            .collect();
        (!fields.is_empty()).then_some(Document {
            page_id: &page.id,
            item_id,
            target,
            fields,
        })
    }
}
