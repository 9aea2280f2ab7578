//! Exercises as the UI renders them — text and blanks in order — and the grading of
//! the answers typed into the blanks.

use serde::{Deserialize, Serialize};

use super::blanks::key_spans;
use super::{Level, ReciteError};
use crate::text::comparison_key;

/// One quotation at one level, cut into what is shown and what is asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    pub level: Level,
    pub segments: Vec<Segment>,
}

/// A stretch of an exercise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Segment {
    /// Text shown as it stands.
    Text(String),
    /// A gap to fill. `id` counts the blanks from 0 in text order; `hint` is the
    /// answer's first character, shown at level 2.
    Blank {
        id: usize,
        answer: String,
        hint: Option<char>,
    },
}

/// How the answers to an exercise's blanks went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlankResult {
    /// The level of the exercise answered.
    pub level: Level,
    /// Whether each blank, by id, was filled right.
    pub right: Vec<bool>,
    /// Characters (comparison form) of the answers filled right, and of all answers.
    pub chars_right: usize,
    pub chars_total: usize,
}

/// The exercise for `text` at `level`: level 1 is the text alone, levels 2 and 3 cut it
/// by the blanking rules (with hints at level 2), level 4 is one blank holding the whole
/// quotation, to be typed from memory and graded with [`super::compare`].
pub fn exercise(text: &str, level: Level) -> Result<Exercise, ReciteError> {
    if comparison_key(text).is_empty() {
        return Err(ReciteError::EmptyText);
    }
    let segments = match level {
        Level::Read => vec![Segment::Text(text.to_string())],
        Level::FromMemory => vec![Segment::Blank {
            id: 0,
            answer: text.to_string(),
            hint: None,
        }],
        Level::Hinted | Level::Blanks => {
            let spans = key_spans(text, level);
            if spans.is_empty() {
                return Err(ReciteError::NoKeyTerms);
            }
            cut(text, &spans, level == Level::Hinted)
        }
    };
    Ok(Exercise { level, segments })
}

impl Exercise {
    /// The number of blanks.
    pub fn n_blanks(&self) -> usize {
        self.blanks().count()
    }

    /// The answers of the blanks, by id.
    pub fn answers(&self) -> Vec<&str> {
        self.blanks().map(|(_, answer, _)| answer).collect()
    }

    /// Grades `typed`, one answer per blank in id order. An answer is right when its
    /// comparison form (no spaces or punctuation, width folded) equals the blank's; at
    /// level 2 the reader may leave out the hinted first character.
    pub fn check(&self, typed: &[&str]) -> Result<BlankResult, ReciteError> {
        if typed.len() != self.n_blanks() {
            return Err(ReciteError::WrongAnswerCount {
                expected: self.n_blanks(),
                got: typed.len(),
            });
        }
        let mut result = BlankResult {
            level: self.level,
            right: Vec::with_capacity(typed.len()),
            chars_right: 0,
            chars_total: 0,
        };
        for ((_, answer, hint), typed) in self.blanks().zip(typed) {
            let expected = comparison_key(answer);
            let given = comparison_key(typed);
            let with_hint = hint.map(|h| comparison_key(&format!("{h}{typed}")));
            let right = given == expected || with_hint.as_deref() == Some(expected.as_str());
            let n = expected.chars().count();
            result.chars_total += n;
            if right {
                result.chars_right += n;
            }
            result.right.push(right);
        }
        Ok(result)
    }

    fn blanks(&self) -> impl Iterator<Item = (usize, &str, Option<char>)> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Blank { id, answer, hint } => Some((*id, answer.as_str(), *hint)),
            Segment::Text(_) => None,
        })
    }
}

impl BlankResult {
    /// Whether every blank was filled right.
    pub fn all_right(&self) -> bool {
        self.right.iter().all(|r| *r)
    }

    /// The blanks filled right.
    pub fn n_right(&self) -> usize {
        self.right.iter().filter(|r| **r).count()
    }
}

/// `text` cut at `spans` (sorted, disjoint, in characters) into text and blanks.
fn cut(text: &str, spans: &[super::KeySpan], hinted: bool) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    let mut segments = Vec::new();
    let mut at = 0;
    for (id, span) in spans.iter().enumerate() {
        if span.start > at {
            segments.push(Segment::Text(chars[at..span.start].iter().collect()));
        }
        segments.push(Segment::Blank {
            id,
            answer: chars[span.start..span.end].iter().collect(),
            hint: hinted.then_some(chars[span.start]),
        });
        at = span.end;
    }
    if at < chars.len() {
        segments.push(Segment::Text(chars[at..].iter().collect()));
    }
    segments
}
