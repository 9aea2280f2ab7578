//! Spaced review, pure: every quotation and every quiz question answered wrong becomes a
//! card scheduled by SuperMemo 2, and the deck yields today's queue.
//!
//! # Algorithm: SM-2
//!
//! SM-2 as published by Piotr Woźniak (1990, "Optimization of learning"), implemented from
//! its description ([`Sm2::after`]):
//!
//! - Every item starts with E-Factor EF = 2.5.
//! - After each repetition of quality q (0–5): EF' = EF + (0.1 − (5 − q)(0.08 + (5 − q)·0.02)),
//!   and EF is never below 1.3.
//! - Intervals: I(1) = 1, I(2) = 6, I(n) = I(n−1)·EF for n > 2; a fractional interval is
//!   rounded up.
//! - q < 3 starts the repetitions from the beginning without changing the E-Factor.
//! - Items that scored below 4 are repeated again the same day until they score 4 or more.
//!
//! Choices the description leaves open, made here: the EF is kept in exact hundredths
//! (every step of the formula is a whole number of hundredths), so intervals never suffer
//! from floating point (6 × 2.6 is 15.6, rounded up to 16, never 16.000…1 → 17); the
//! interval after a repetition uses the EF as changed by that repetition; a failed
//! repetition counts as the first of the new series, so the next intervals are 1, 6, …;
//! only the first grade on or after the due day is a repetition — earlier or same-day
//! grades (the step-7 drill, a quiz taken again) leave the schedule alone unless they fail.
//!
//! Grades ([`Grade`]) map to qualities again = 1, hard = 3, good = 4, easy = 5; a quiz
//! answer maps right → good, wrong → again ([`Grade::from_right`]).
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
mod sm2;

pub use day::{Day, MS_PER_DAY};
pub use deck::{Card, Deck};
pub use sm2::{ease_change_hundredths, Grade, Sm2};

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
