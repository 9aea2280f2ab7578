//! Recitation (背诵) of a quotation in four levels. (Documentation of the rules follows.)

mod blanks;
mod exercise;
mod lexicon;
mod split;

pub use blanks::{key_spans, KeyRule, KeySpan};
pub use exercise::{exercise, BlankResult, Exercise, Segment};
pub use split::clauses;

use serde::{Deserialize, Serialize};
use std::fmt;

/// How much of a quotation the reader recalls unaided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Level {
    /// 1: read the whole quotation.
    Read = 1,
    /// 2: key terms blanked, each with its first character as a hint.
    Hinted = 2,
    /// 3: more blanks, no hints.
    Blanks = 3,
    /// 4: the whole quotation from memory, typed or with its clauses put in order.
    FromMemory = 4,
}

/// Why a recitation exercise cannot be made or graded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReciteError {
    /// The quotation has no characters to recite (empty, or only punctuation and spaces).
    EmptyText,
    /// The rules found nothing to blank: no run of two content characters.
    NoKeyTerms,
    /// Clause ordering needs at least two different clauses.
    TooFewClauses,
    /// The answers given do not match the exercise's blanks one to one.
    WrongAnswerCount { expected: usize, got: usize },
    /// An ordering is not a rearrangement of every shown clause.
    NotAnOrdering,
    /// A stored level number is not 1–4.
    UnknownLevel(u8),
}

impl Level {
    /// All levels, easiest first.
    pub const ALL: [Level; 4] = [Level::Read, Level::Hinted, Level::Blanks, Level::FromMemory];

    /// The level's number, 1–4.
    pub fn number(self) -> u8 {
        self as u8
    }
}

impl TryFrom<u8> for Level {
    type Error = ReciteError;

    fn try_from(number: u8) -> Result<Level, ReciteError> {
        Level::ALL
            .into_iter()
            .find(|level| level.number() == number)
            .ok_or(ReciteError::UnknownLevel(number))
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.number()
    }
}

impl fmt::Display for ReciteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReciteError::EmptyText => write!(f, "the quotation has no text to recite"),
            ReciteError::NoKeyTerms => write!(f, "no key terms to blank in this quotation"),
            ReciteError::TooFewClauses => {
                write!(f, "the quotation has fewer than two different clauses")
            }
            ReciteError::WrongAnswerCount { expected, got } => {
                write!(f, "{got} answers for {expected} blanks")
            }
            ReciteError::NotAnOrdering => write!(f, "the order does not use every clause once"),
            ReciteError::UnknownLevel(n) => write!(f, "there is no recitation level {n}"),
        }
    }
}

impl std::error::Error for ReciteError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_real() {
        let page = include_str!("../../assets/content/000/page.md");
        for line in page
            .lines()
            .filter(|l| l.starts_with('q') && l.as_bytes().get(2) == Some(&b':'))
        {
            let text = &line[4..];
            for level in [Level::Hinted, Level::Blanks] {
                let spans = key_spans(text, level);
                let chars: Vec<char> = text.chars().collect();
                let shown: Vec<String> = spans
                    .iter()
                    .map(|s| {
                        format!(
                            "{}:{:?}",
                            chars[s.start..s.end].iter().collect::<String>(),
                            s.rule
                        )
                    })
                    .collect();
                println!("L{} {}", level.number(), shown.join(" "));
            }
        }
    }
}
