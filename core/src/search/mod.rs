//! Search over every item and quotation that works for Chinese: a character-bigram index. Pure.
//!
//! Chinese has no spaces between words, so the index does not cut text into words: it
//! records every pair of adjacent characters (bigram) and the documents it occurs in.
//! A document is one place a hit can point at — an item's headings (title, deck, column
//! label), one paragraph, or one quotation with its occasion, speaker and date — and keeps
//! its stable address (page id, item id, paragraph or quotation id).
//!
//! Text and queries are matched in one form: width folded (`crate::text::fold_width`),
//! ASCII lowercased, spaces and punctuation dropped, so `“四个意识”`, `２０２３` and
//! `悟原理、求真理` match the printed text. Every kept character remembers its char offset
//! in the original, so highlights cover exactly the original characters. A match may
//! run across dropped punctuation (`悟原理求真理` finds `悟原理、求真理`), never across
//! two fields or two documents.
//!
//! A query is split on whitespace into terms that must all occur in the same document.
//! A term of two or more characters finds its candidates by intersecting the documents of
//! its bigrams, which are then checked for the whole term; a one-character term takes the
//! documents of every bigram that starts with it (each field's last character forms a
//! bigram with an end mark, so none is missed). Hits rank headings first, then by number
//! of occurrences, then in archive and page order.
//!
//! The index is built at run time by the app over the pages it has loaded, once per set of
//! pages, on the first search, not at build time. For page 000 a compiled-in index would add about 73 KB to the wasm (4,221
//! distinct bigrams and 5,709 postings as flat arrays) beside its 21 KB of text, and more
//! again for the text in matching form with its offset map; building it at run time takes
//! about a third of a millisecond natively, once, after the reader has typed, and needs
//! little code beyond what querying needs anyway. `cargo run --release --bin bench_search`
//! measures build and query times, on this page and on a synthetic archive of 200 pages.
//!
//! `search` takes a limit: ranking needs every document's occurrences, but only the hits
//! a list shows get snippets and highlights, which is most of the cost of a common term.

mod document;
mod normalize;
mod postings;
mod snippet;

use std::cmp::Reverse;
use std::ops::Range;

use crate::content::Page;
use document::{documents, Document, Occurrence};
use normalize::normalized_terms;
use postings::{bigram_key, intersect, Postings};

/// The bigram index of an archive of pages, borrowing their text.
#[derive(Debug)]
pub struct SearchIndex<'a> {
    documents: Vec<Document<'a>>,
    postings: Postings,
}

/// What a search found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchResults<'a> {
    /// The best hits, best first, at most as many as asked for.
    pub hits: Vec<Hit<'a>>,
    /// How many documents contain every term, shown or not.
    pub n_hits: usize,
}

/// One document that contains every term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit<'a> {
    pub page_id: &'a str,
    pub item_id: &'a str,
    pub target: Target<'a>,
    /// How many times the terms occur in the document, all fields and terms together.
    pub n_occurrences: usize,
    /// The original text around the first occurrence, for the list of hits.
    pub snippet: Snippet,
    /// Every occurrence as a char range of its field's original text, for highlighting the
    /// item view; sorted by field (headings: title, deck, column; quotations: text,
    /// occasion, speaker, date) and position; overlapping ranges are merged.
    pub highlights: Vec<Highlight>,
}

/// What in an item a hit points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target<'a> {
    /// The item's headings: title, deck and column label.
    Title,
    /// The paragraph with this id.
    Paragraph(&'a str),
    /// The quotation with this id, with its attribution.
    Quotation(&'a str),
}

/// Which text of a document a range points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// `Item::title`.
    Title,
    /// `Item::deck`.
    Deck,
    /// `Item::column`.
    Column,
    /// `Paragraph::text` or `Quotation::text`.
    Text,
    /// `Quotation::occasion`.
    Occasion,
    /// `Quotation::speaker`.
    Speaker,
    /// `Quotation::date` as printed: `IsoDate::chinese`, e.g. `2019年1月2日`.
    Date,
}

/// A short window of one field's original text, cut with `…`, and what to highlight in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub field: Field,
    pub text: String,
    /// Char ranges of `text`, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
}

/// A char range of one field's original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub field: Field,
    pub range: Range<usize>,
}

/// The terms a query searches for, in matching form; empty when the query has nothing to
/// search for (only spaces and punctuation), so a caller can tell that from "no hits".
pub fn query_terms(query: &str) -> Vec<String> {
    normalized_terms(query)
        .into_iter()
        .map(|term| term.into_iter().collect())
        .collect()
}

impl<'a> SearchIndex<'a> {
    /// Indexes every item, paragraph and quotation of `pages`, in the order given.
    pub fn new(pages: impl IntoIterator<Item = &'a Page>) -> SearchIndex<'a> {
        let documents = documents(pages);
        let mut pairs = Vec::new();
        for (doc_idx, document) in documents.iter().enumerate() {
            let doc_id = u32::try_from(doc_idx).expect("fewer than 2^32 documents");
            for field in &document.fields {
                let chars = &field.normalized.chars;
                let followers = chars.iter().skip(1).map(|&c| Some(c)).chain([None]);
                pairs.extend(
                    chars
                        .iter()
                        .zip(followers)
                        .map(|(&c, next)| (bigram_key(c, next), doc_id)),
                );
            }
        }
        SearchIndex {
            documents,
            postings: Postings::new(pairs),
        }
    }

    /// How many documents (headings, paragraphs, quotations) the index holds.
    pub fn n_documents(&self) -> usize {
        self.documents.len()
    }

    /// How many `(bigram, document)` pairs the index holds: a measure of its size.
    pub fn n_postings(&self) -> usize {
        self.postings.n_postings()
    }

    /// The documents that contain every term of `query`, best first: the first `limit`
    /// as hits (snippets cost time, so a list shows a page of them), and how many there
    /// are in all. No hits when the query has no terms.
    pub fn search(&self, query: &str, limit: usize) -> SearchResults<'a> {
        let mut terms = normalized_terms(query);
        // Longer terms have rarer bigrams: intersecting them first keeps candidate lists short.
        terms.sort_by_key(|term| Reverse(term.len()));
        let mut found: Vec<(usize, Vec<Occurrence>)> = self
            .candidates(&terms)
            .into_iter()
            .filter_map(|doc_idx| {
                let doc_idx = doc_idx as usize;
                Some((doc_idx, self.documents[doc_idx].occurrences(&terms)?))
            })
            .collect();
        found.sort_by_key(|(doc_idx, occurrences)| {
            let is_heading = self.documents[*doc_idx].target == Target::Title;
            (!is_heading, Reverse(occurrences.len()), *doc_idx)
        });
        SearchResults {
            n_hits: found.len(),
            hits: found
                .into_iter()
                .take(limit)
                .map(|(doc_idx, occurrences)| self.hit(&self.documents[doc_idx], &occurrences))
                .collect(),
        }
    }
}

impl Hit<'_> {
    /// The highlighted char ranges of one field's original text.
    pub fn highlights_in(&self, field: Field) -> impl Iterator<Item = Range<usize>> + '_ {
        self.highlights
            .iter()
            .filter(move |h| h.field == field)
            .map(|h| h.range.clone())
    }
}

impl<'a> SearchIndex<'a> {
    /// The documents that may contain every term, sorted: each term's bigrams (or its one
    /// character) narrow the list, which stops shrinking only when it is empty.
    fn candidates(&self, terms: &[Vec<char>]) -> Vec<u32> {
        let mut candidates: Option<Vec<u32>> = None;
        for term in terms {
            let docs = match term[..] {
                [c] => self.postings.with_char(c),
                _ => {
                    let mut rows: Vec<&[u32]> = term
                        .windows(2)
                        .map(|pair| self.postings.with_bigram(pair[0], pair[1]))
                        .collect();
                    rows.sort_by_key(|row| row.len());
                    let mut docs = rows[0].to_vec();
                    for row in &rows[1..] {
                        if docs.is_empty() {
                            break;
                        }
                        docs = intersect(&docs, row);
                    }
                    docs
                }
            };
            let narrowed = match candidates {
                None => docs,
                Some(previous) => intersect(&previous, &docs),
            };
            if narrowed.is_empty() {
                return narrowed;
            }
            candidates = Some(narrowed);
        }
        candidates.unwrap_or_default()
    }

    /// The hit for a document and the occurrences of the terms in it.
    fn hit(&self, document: &Document<'a>, occurrences: &[Occurrence]) -> Hit<'a> {
        let mut ranges: Vec<(usize, Range<usize>)> = occurrences
            .iter()
            .map(|occurrence| {
                let origin = &document.fields[occurrence.field_idx].normalized.origin;
                let start = origin[occurrence.start] as usize;
                let end = origin[occurrence.end - 1] as usize + 1;
                (occurrence.field_idx, start..end)
            })
            .collect();
        ranges.sort_by_key(|(field_idx, range)| (*field_idx, range.start, range.end));
        let mut merged: Vec<(usize, Range<usize>)> = Vec::with_capacity(ranges.len());
        for (field_idx, range) in ranges {
            match merged.last_mut() {
                Some((last_field, last)) if *last_field == field_idx && range.start < last.end => {
                    last.end = last.end.max(range.end);
                }
                _ => merged.push((field_idx, range)),
            }
        }
        let first_field_idx = merged.first().map_or(0, |(field_idx, _)| *field_idx);
        let first_field = &document.fields[first_field_idx];
        let in_first_field: Vec<Range<usize>> = merged
            .iter()
            .filter(|(field_idx, _)| *field_idx == first_field_idx)
            .map(|(_, range)| range.clone())
            .collect();
        Hit {
            page_id: document.page_id,
            item_id: document.item_id,
            target: document.target,
            n_occurrences: occurrences.len(),
            snippet: snippet::snippet(first_field.field, &first_field.original, &in_first_field),
            highlights: merged
                .into_iter()
                .map(|(field_idx, range)| Highlight {
                    field: document.fields[field_idx].field,
                    range,
                })
                .collect(),
        }
    }
}
