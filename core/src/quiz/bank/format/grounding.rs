//! The bank reader's grounding rules: a question's source is found verbatim in one place
//! of its item, a blank's answers are in the source, an ordering's fragments stand in it in
//! order, and a question's options, fragments and answers differ by comparison key.

use std::borrow::Cow;
use std::collections::HashSet;

use super::{BankError, BankErrorKind};
use crate::content::Item;
use crate::quiz::bank::model::{attribution, Anchor};
use crate::text::comparison_key;

/// The one place of `item` that holds `source` verbatim.
pub(super) fn find_anchor(item: &Item, source: &str) -> Result<Anchor, BankErrorKind> {
    let mut places: Vec<(Anchor, Cow<'_, str>)> = Vec::new();
    if let Some(title) = &item.title {
        places.push((Anchor::Title, Cow::Borrowed(title)));
    }
    if let Some(deck) = &item.deck {
        places.push((Anchor::Deck, Cow::Borrowed(deck)));
    }
    for paragraph in item.paragraphs.iter() {
        places.push((
            Anchor::Paragraph(paragraph.id.clone()),
            Cow::Borrowed(&paragraph.text),
        ));
    }
    for quotation in item.quotations.iter() {
        places.push((
            Anchor::Quotation(quotation.id.clone()),
            Cow::Borrowed(&quotation.text),
        ));
        places.push((
            Anchor::Attribution(quotation.id.clone()),
            Cow::Owned(attribution(quotation)),
        ));
    }
    let mut found: Vec<Anchor> = places
        .into_iter()
        .filter(|(_, text)| text.contains(source))
        .map(|(anchor, _)| anchor)
        .collect();
    match found.len() {
        0 => Err(BankErrorKind::SourceNotFound),
        1 => Ok(found.remove(0)),
        _ => Err(BankErrorKind::AmbiguousSource(
            found.iter().map(place_name).collect(),
        )),
    }
}

/// How an error message names a place in an item: `title`, `deck`, `p3`, `q1 attribution`.
fn place_name(anchor: &Anchor) -> String {
    match anchor {
        Anchor::Title => "title".to_string(),
        Anchor::Deck => "deck".to_string(),
        Anchor::Paragraph(id) | Anchor::Quotation(id) => id.to_string(),
        Anchor::Attribution(id) => format!("{id} attribution"),
    }
}

/// Fails on the second of two values that are the same by comparison key.
pub(super) fn check_distinct<'a>(
    values: impl Iterator<Item = (usize, &'a str)>,
) -> Result<(), BankError> {
    let mut seen = HashSet::new();
    for (line, text) in values {
        if !seen.insert(comparison_key(text)) {
            return Err(BankError {
                line,
                kind: BankErrorKind::DuplicateOption(text.to_string()),
            });
        }
    }
    Ok(())
}

/// Fails on the first answer (with its line) that is not in `source` by comparison key, or
/// on the second of two answers that are the same.
pub(super) fn check_answers_in_source(
    answers: &[(usize, &str)],
    source: &str,
) -> Result<(), BankError> {
    check_distinct(answers.iter().copied())?;
    let source_key = comparison_key(source);
    for &(line, text) in answers {
        let key = comparison_key(text);
        if key.is_empty() || !source_key.contains(&key) {
            return Err(BankError {
                line,
                kind: BankErrorKind::AnswerNotInSource(text.to_string()),
            });
        }
    }
    Ok(())
}

/// Fails on the first fragment (with its line) that is not in `source` after the fragments
/// before it, or on the second of two fragments that are the same.
pub(super) fn check_fragments_in_order<'a>(
    fragments: impl Iterator<Item = (usize, &'a str)> + Clone,
    source: &str,
) -> Result<(), BankError> {
    check_distinct(fragments.clone())?;
    let mut rest = source;
    for (line, fragment) in fragments {
        let Some(at) = rest.find(fragment) else {
            return Err(BankError {
                line,
                kind: BankErrorKind::FragmentOutOfOrder(fragment.to_string()),
            });
        };
        rest = &rest[at + fragment.len()..];
    }
    Ok(())
}
