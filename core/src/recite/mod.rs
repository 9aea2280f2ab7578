//! Recitation (背诵) of a quotation in four levels, pure: exercises cut by rules, tolerant
//! grading, a character diff of what was typed from memory, and clause ordering.
//!
//! - Level 1 ([`Level::Read`]): the quotation whole.
//! - Level 2 ([`Level::Hinted`]): key terms blanked, each showing its first character.
//! - Level 3 ([`Level::Blanks`]): more blanks, no hints.
//! - Level 4 ([`Level::FromMemory`]): the whole quotation typed from memory and graded by
//!   [`compare`], or its clauses put in order ([`ClauseOrder`]).
//!
//! [`exercise`] returns [`Segment`]s (text and blanks) so the UI renders without parsing;
//! [`Exercise::check`] grades the blanks; [`ReciteProgress`] keeps what a reader achieved.
//!
//! # How blanks are chosen
//!
//! Blanks come from rules, never from hand-made lists of answers, and the same text
//! always gives the same blanks ([`key_spans`]).
//!
//! **Units.** The text is cut into *pieces* at every punctuation mark (，。；：、！？,
//! quote marks, …) and into *clauses* at clause stops (，。；：！？…); a pause (、) or a
//! quote mark separates pieces but not clauses. Each character is punctuation, part of a
//! *function word* (的 了 和 与 及 是 在 要 更 到 把 同 我们 更加 按照 什么 不论 不仅…) or
//! content; a short list of *content words* wins over a function word that shares a
//! character (需要 要求 把握 同志 做到…). A run of content characters is cut into *words*:
//! a content word from that list (新时代 党中央 马克思主义…) is one word, a pair of
//! characters that occurs twice in the quotation is one word (学习 in q2, 历史 in q1), and
//! otherwise words are two characters counted from the run's start.
//!
//! **Key terms (level 2)** — each piece gets one, the first rule that applies:
//! 1. *Quoted*: a piece inside quote marks of at most 12 characters (“四个意识”, 《…办法》).
//! 2. *Number*: digits with a decimal point, comma or % and a unit, or Chinese numerals
//!    followed by a measure word, with a leading 第 (2035年, 第五批, 十三届).
//! 3. *Parallel*: pieces joined by 、 form a list; pieces of at most 4 characters are
//!    items, and the shortest item's length `n` cuts an item from a longer neighbour — the
//!    last `n` characters of the piece before the first item, the first `n` of the piece
//!    after the last (悟原理、求真理、明事理; 使思想、能力、行动跟上… gives 思想/能力/行动).
//!    Two long neighbours form a list when the second opens with 3–4 content characters
//!    before its first function word (一路走来、发展壮大的…).
//! 4. *Tail*: the piece's last run of 2+ content characters, cut to whole words from its
//!    end until it has 4 characters (at most 6): 学习型政党, 永远不能丢, 重中之重. A run
//!    shorter than 4 after 和/与/及 takes the word before the conjunction too (历史和文化).
//!
//! A piece of 8+ characters also gets its tail term beside a number or parallel item; a
//! piece that only introduces a quoted phrase (不断增强“…”) gets nothing; blanks never
//! overlap or touch.
//!
//! **More blanks (level 3)** — the level-2 blanks, then in turn other numbers, *repeated*
//! phrases (3–12 content characters found in two pieces: 依靠学习), *pairs* joined by
//! 和/与/及 (坚持和发展), tail terms, and *head* terms: the longest run of a piece still
//! without a blank, after any opening it shares with another piece (更加需要…, 坚持…), whole
//! if it lies between function words or punctuation and has at most 6 characters, else its
//! first words up to 4 characters (or its first word alone if that is all that fits). A
//! piece takes at most two blanks; a second one only if its clause keeps a quarter of its
//! characters visible. A piece without a blank always takes one.
//!
//! # Grading
//!
//! Blanks are right when their [`comparison_key`](crate::text::comparison_key) forms are
//! equal (spaces, punctuation and width never count); at level 2 the hinted first
//! character may be left out. A typed recitation is diffed character by character
//! ([`compare`]); its score is the share of the original's characters recalled, and it
//! passes at [`PASS_PERCENT`]. Clause orderings are graded exactly.

mod blanks;
mod diff;
mod exercise;
mod lexicon;
mod order;
mod progress;
mod split;

pub use blanks::{key_spans, KeyRule, KeySpan};
pub use diff::{compare, Comparison, DiffSegment, PASS_PERCENT};
pub use exercise::{exercise, BlankResult, Exercise, Segment};
pub use order::ClauseOrder;
pub use progress::{Attempt, ReciteProgress};
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
