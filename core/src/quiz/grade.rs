//! Answers and grading: one point per question, multiple choice all-or-nothing, blanks
//! compared by comparison key (width, spaces and punctuation ignored), orderings exact.
//!
//! Answers name options and fragments by their ORIGINAL index (their position in the bank
//! file), never by where they were shown, so grading does not depend on the shuffle.

use serde::{Deserialize, Serialize};

use super::bank::{Question, QuestionKind};
use crate::text::comparison_key;

/// What a reader answered (or, from [`right_answer`], what is right).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The options chosen in a single or multiple choice question, by original index.
    Choices(Vec<usize>),
    /// 对 (`true`) or 错 (`false`).
    TrueFalse(bool),
    /// What was typed into a blank.
    Text(String),
    /// The fragments of an ordering, by original index, in the order the reader put them.
    Order(Vec<usize>),
}

/// Whether `answer` is right for `question`. An answer of the wrong shape is wrong.
pub fn grade(question: &Question, answer: &Answer) -> bool {
    match (&question.kind, answer) {
        (QuestionKind::Single { options }, Answer::Choices(chosen)) => {
            matches!(chosen[..], [pick] if options.get(pick).is_some_and(|o| o.correct))
        }
        (QuestionKind::Multiple { .. }, Answer::Choices(chosen)) => {
            let mut chosen = chosen.clone();
            chosen.sort_unstable();
            Answer::Choices(chosen) == right_answer(question)
        }
        (QuestionKind::TrueFalse { answer: right }, Answer::TrueFalse(given)) => right == given,
        (
            QuestionKind::Blank {
                answer: right,
                accept,
            },
            Answer::Text(typed),
        ) => {
            let typed = comparison_key(typed);
            !typed.is_empty()
                && std::iter::once(right)
                    .chain(accept.iter())
                    .any(|text| comparison_key(text) == typed)
        }
        (QuestionKind::Order { fragments }, Answer::Order(order)) => {
            order.len() == fragments.len() && order.iter().enumerate().all(|(i, f)| i == *f)
        }
        _ => false,
    }
}

/// The right answer to `question`, in the same form as a reader's: the right options in
/// file order, the fragments in the right order, a blank's main answer.
pub fn right_answer(question: &Question) -> Answer {
    match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            Answer::Choices((0..options.len()).filter(|i| options[*i].correct).collect())
        }
        QuestionKind::TrueFalse { answer } => Answer::TrueFalse(*answer),
        QuestionKind::Blank { answer, .. } => Answer::Text(answer.to_string()),
        QuestionKind::Order { fragments } => Answer::Order((0..fragments.len()).collect()),
    }
}

/// Whether `answer` is a well-formed answer to `question`, right or wrong: one option of a
/// single choice, distinct options of a multiple choice, a rearrangement of every
/// fragment of an ordering, indices in range. Empty answers are not well-formed.
pub fn fits(question: &Question, answer: &Answer) -> bool {
    let n = question.n_choices();
    match (&question.kind, answer) {
        (QuestionKind::Single { .. }, Answer::Choices(chosen)) => {
            matches!(chosen[..], [pick] if pick < n)
        }
        (QuestionKind::Multiple { .. }, Answer::Choices(chosen)) => {
            !chosen.is_empty() && is_distinct_below(chosen, n)
        }
        (QuestionKind::TrueFalse { .. }, Answer::TrueFalse(_)) => true,
        (QuestionKind::Blank { .. }, Answer::Text(typed)) => !typed.trim().is_empty(),
        (QuestionKind::Order { .. }, Answer::Order(order)) => {
            order.len() == n && is_distinct_below(order, n)
        }
        _ => false,
    }
}

impl Answer {
    /// Whether nothing is chosen or typed: no options, only spaces, no fragments.
    pub fn is_empty(&self) -> bool {
        match self {
            Answer::Choices(chosen) => chosen.is_empty(),
            Answer::TrueFalse(_) => false,
            Answer::Text(typed) => typed.trim().is_empty(),
            Answer::Order(order) => order.is_empty(),
        }
    }
}

/// Whether `indices` are distinct and each below `n`.
pub(crate) fn is_distinct_below(indices: &[usize], n: usize) -> bool {
    let mut seen = vec![false; n];
    indices
        .iter()
        .all(|i| *i < n && !std::mem::replace(&mut seen[*i], true))
}
