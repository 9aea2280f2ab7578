//! A reader's recitation progress on one quotation: the highest level passed and the
//! best share recalled from memory. The caller keys it by quotation id and stores it.

use serde::{Deserialize, Serialize};

use super::exercise::BlankResult;
use super::Level;

/// What a reader has achieved on one quotation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReciteProgress {
    /// The highest level passed, if any.
    pub highest_passed: Option<Level>,
    /// The best share of the quotation recalled when typing it from memory, 0–100.
    pub best_recall_percent: u8,
}

/// The outcome of one exercise, made by [`Attempt::read`], [`BlankResult::attempt`],
/// [`super::Comparison::attempt`] or [`super::ClauseOrder::attempt`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub level: Level,
    pub passed: bool,
    /// The share of the whole quotation recalled, when the exercise measures it (typing
    /// from memory).
    pub recall_percent: Option<u8>,
}

impl ReciteProgress {
    /// The progress after `attempt`: a pass raises the highest level passed (never lowers
    /// it), a typed recitation can raise the best recall.
    pub fn record(&self, attempt: Attempt) -> ReciteProgress {
        let highest_passed = match (self.highest_passed, attempt.passed) {
            (Some(highest), true) => Some(highest.max(attempt.level)),
            (None, true) => Some(attempt.level),
            (highest, false) => highest,
        };
        ReciteProgress {
            highest_passed,
            best_recall_percent: self
                .best_recall_percent
                .max(attempt.recall_percent.unwrap_or(0).min(100)),
        }
    }

    /// The level to practise next: the one above the highest passed, level 4 once it is
    /// passed.
    pub fn next_level(&self) -> Level {
        match self.highest_passed {
            None => Level::Read,
            Some(Level::Read) => Level::Hinted,
            Some(Level::Hinted) => Level::Blanks,
            Some(Level::Blanks | Level::FromMemory) => Level::FromMemory,
        }
    }
}

impl Attempt {
    /// Reading the quotation through: level 1, always passed.
    pub fn read() -> Attempt {
        Attempt {
            level: Level::Read,
            passed: true,
            recall_percent: None,
        }
    }
}

impl BlankResult {
    /// These answers as an attempt at the exercise's level: passed when every blank is
    /// right.
    pub fn attempt(&self) -> Attempt {
        Attempt {
            level: self.level,
            passed: self.all_right(),
            recall_percent: None,
        }
    }
}
