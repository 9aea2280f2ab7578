//! Spaced review, pure: every quotation and every quiz question answered wrong becomes a
//! card scheduled by FSRS-6, and the deck yields today's queue.
//!
//! # Algorithm: FSRS-6
//!
//! The Free Spaced Repetition Scheduler, version 6, of the open-spaced-repetition project,
//! ported from its reference implementation (py-fsrs 6.x) as pure functions
//! ([`Memory::first`], [`Memory::after`], [`Memory::interval_days`]) with its 21 published
//! default parameters ([`PARAMETERS`]) and a desired retention of 90%. A card's memory is
//! its stability S (days until recall falls to 90%) and difficulty D (1–10):
//!
//! - The first grade G (1–4) sets S = w[G − 1] and D = w4 − e^(w5·(G − 1)) + 1.
//! - A later grade t days after the previous one, at recall R = (1 + factor·t/S)^(−w20):
//!   a pass multiplies S by 1 + e^w8·(11 − D)·S^(−w9)·(e^((1 − R)·w10) − 1) (times w15
//!   for hard, w16 for easy); a lapse sets S = min(w11·D^(−w12)·((S + 1)^w13 − 1)·
//!   e^((1 − R)·w14), S/e^(w17·w18)); a grade on the same day (t = 0) multiplies S by
//!   e^(w17·(G − 3 + w18))·S^(−w19) (at least 1 for a pass). D moves by −w6·(G − 3),
//!   damped by (10 − D)/9 and pulled towards D0(easy) by w7.
//! - The next interval is the day recall falls to 90%: S days, rounded, 1 to 36 500.
//!
//! The app works in whole days, so it has none of py-fsrs' minute-long learning steps
//! (the reference values are computed with `learning_steps=()`, `relearning_steps=()`
//! and no fuzzing, `core/tests/fixtures/fsrs/reference.py`): a new card's first grade
//! schedules it at once, and a card graded again stays in today's queue until it is
//! recalled — its one relearning step — besides being due after its interval.
//!
//! Grades ([`Grade`]): 忘了/有点难/记得/很轻松 are again/hard/good/easy; a quiz answer is
//! pass/fail, right → good, wrong → again ([`Grade::from_right`]); the first recitation
//! typed from memory is the card's first grade, 100% → good, at least 90% → hard, less
//! → again ([`Grade::from_recall_percent`]). Cards scheduled by SM-2 before are converted
//! as fsrs-rs does ([`Memory::from_sm2`], in the progress store's migration).
//!
//! # Clock
//!
//! Nothing here reads a clock. Every call takes `today`, a [`Day`] in the reader's local
//! calendar, which the caller makes from its one clock reading with
//! [`Day::local`]`(epoch_ms, utc_offset_minutes)`, so "today" changes at the reader's
//! midnight, not at UTC's.
//!
//! # The deck
//!
//! [`Deck::add_card`] is idempotent, [`Deck::grade`] records a review, [`Deck::due`] is
//! today's queue (overdue first, then due today, then cards failed earlier today, each in
//! a stable order), [`Deck::next_due`] and [`Deck::remove`] are what they say. Ids are
//! opaque strings chosen by the caller (`000/q-6sst/q2`, `000/quiz/a-byfe-3`); unknown
//! ids are answered with `None` or [`ReviewError::UnknownCard`], never a panic.

mod day;
mod deck;
mod fsrs;

pub use day::{Day, MS_PER_DAY};
pub use deck::{Card, Deck};
pub use fsrs::{
    Grade, Memory, DESIRED_RETENTION, MAX_DIFFICULTY, MAX_INTERVAL, MAX_STABILITY, MIN_DIFFICULTY,
    MIN_STABILITY, PARAMETERS,
};

use std::fmt;

/// Why a review could not be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewError {
    /// The deck has no card with this id (it was never added, or was removed).
    UnknownCard(String),
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewError::UnknownCard(id) => write!(f, "there is no review card `{id}`"),
        }
    }
}

impl std::error::Error for ReviewError {}
