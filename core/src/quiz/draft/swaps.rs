//! 判断: a true sentence with one number swapped for another of the same unit, or one person,
//! place or organisation (a party) swapped for another of the page (错); and sentences
//! taken verbatim (对).

use super::sentences::Sentence;
use super::{explanation, names, numbers, question, replace_span, Candidate, PageFacts, Rule};
use crate::content::Item;
use crate::quiz::bank::QuestionKind;
use crate::text::comparison_key;

/// The longest sentence (in characters) made into a statement.
const MAX_STATEMENT: usize = 70;
/// How many statements of each answer an item gets at most.
const PER_ITEM: usize = 2;

/// Up to [`PER_ITEM`] false statements (a number or a name swapped) and as many true ones
/// (sentences with a number or a name, verbatim).
pub fn candidates(facts: &PageFacts, item: &Item, sentences: &[Sentence]) -> Vec<Candidate> {
    let item_text = comparison_key(&item_text(item));
    let mut falses = Vec::new();
    let mut trues = Vec::new();
    for sentence in sentences {
        let text = &sentence.text;
        // A statement states a fact: not too long, and not who said something (…说。).
        if text.chars().count() > MAX_STATEMENT || text.trim_end_matches('。').ends_with('说') {
            continue;
        }
        let swapped = swap_number(facts, text)
            .or_else(|| swap_name(facts, text))
            .filter(|(statement, _)| !item_text.contains(&comparison_key(statement)));
        let has_fact = !numbers::find(text).is_empty() || !names::find(text).is_empty();
        // Take false and true statements in turn, false first.
        let false_turn = falses.len() <= trues.len() || !has_fact;
        match swapped {
            Some((statement, original)) if falses.len() < PER_ITEM && false_turn => {
                let mut q = question(
                    item,
                    QuestionKind::TrueFalse { answer: false },
                    statement,
                    text,
                );
                q.explanation = format!("原文是“{original}”。{}", explanation(text));
                falses.push(candidate(sentence, q));
            }
            _ if has_fact && trues.len() < PER_ITEM => {
                let q = question(
                    item,
                    QuestionKind::TrueFalse { answer: true },
                    text.clone(),
                    text,
                );
                trues.push(candidate(sentence, q));
            }
            _ => {}
        }
    }
    // False and true in turn, so an item capped at few questions still gets both.
    let mut out = Vec::new();
    let (mut falses, mut trues) = (falses.into_iter(), trues.into_iter());
    loop {
        let (next_false, next_true) = (falses.next(), trues.next());
        if next_false.is_none() && next_true.is_none() {
            return out;
        }
        out.extend(next_false);
        out.extend(next_true);
    }
}

fn candidate(sentence: &Sentence, question: crate::quiz::Question) -> Candidate {
    Candidate {
        rule: Rule::Swap,
        place: sentence.place,
        question,
    }
}

/// The sentence with its first number that has a same-unit distractor swapped for it.
fn swap_number(facts: &PageFacts, sentence: &str) -> Option<(String, String)> {
    numbers::find(sentence).into_iter().find_map(|number| {
        let other = numbers::distractors(facts, &number, sentence)
            .into_iter()
            .next()?;
        Some((
            replace_span(sentence, number.start, number.end, &other),
            number.text,
        ))
    })
}

/// The sentence with its first person, place or organisation swapped for another of the
/// same kind on the page (a place for one with the same ending: 旗 for 旗).
fn swap_name(facts: &PageFacts, sentence: &str) -> Option<(String, String)> {
    names::find(sentence).into_iter().find_map(|name| {
        let is_person = name.kind == names::NameKind::Person;
        let ending = name.text.chars().last();
        let other = facts.names.iter().find(|n| {
            n.kind == name.kind
                && (is_person || n.text.chars().last() == ending)
                && !sentence.contains(&n.text)
                && !n.text.contains(&name.text)
        })?;
        Some((
            replace_span(sentence, name.start, name.end, &other.text),
            name.text,
        ))
    })
}

/// Everything printed in the item, for making sure a swapped statement is not true
/// elsewhere in it.
fn item_text(item: &Item) -> String {
    let mut text = String::new();
    text.extend(item.title.as_deref());
    text.extend(item.deck.as_deref());
    for paragraph in &item.paragraphs {
        text.push_str(&paragraph.text);
    }
    for quotation in &item.quotations {
        text.push_str(&quotation.text);
    }
    text
}
