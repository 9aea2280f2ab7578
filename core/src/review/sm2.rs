//! SuperMemo 2 (Woźniak 1990) for one item: the E-Factor and the inter-repetition
//! interval after each graded repetition, in exact integer arithmetic.

use serde::{Deserialize, Serialize};

/// How a review went, as the reader says it (or as a quiz answer implies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// Not recalled (SM-2 quality 1: incorrect, the correct one remembered on seeing it).
    Again,
    /// Recalled with serious difficulty (quality 3).
    Hard,
    /// Recalled after a hesitation (quality 4).
    Good,
    /// Recalled perfectly (quality 5).
    Easy,
}

/// The SM-2 state of one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Sm2 {
    /// Successful repetitions since the item was (re)learnt; a failed one restarts at 1.
    pub repetitions: u32,
    /// Days until the next repetition; 0 before the first.
    pub interval_days: u32,
    /// The E-Factor in hundredths (250 = 2.5), never below [`Sm2::MIN_EASE`].
    pub ease_hundredths: u16,
}

impl Grade {
    /// The SM-2 quality (0–5) of this grade: 1, 3, 4, 5.
    pub fn quality(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 3,
            Grade::Good => 4,
            Grade::Easy => 5,
        }
    }

    /// A quiz answer as a grade: right is good, wrong is again.
    pub fn from_right(right: bool) -> Grade {
        if right {
            Grade::Good
        } else {
            Grade::Again
        }
    }
}

impl Sm2 {
    /// A new item: no repetitions, E-Factor 2.5.
    pub const NEW: Sm2 = Sm2 {
        repetitions: 0,
        interval_days: 0,
        ease_hundredths: 250,
    };
    /// The lowest E-Factor, 1.3, in hundredths.
    pub const MIN_EASE: u16 = 130;
    /// The longest interval kept, about a hundred years.
    pub const MAX_INTERVAL: u32 = 36_500;

    /// The E-Factor as a number (2.5 for a new item).
    pub fn ease_factor(&self) -> f64 {
        f64::from(self.ease_hundredths) / 100.0
    }

    /// The state after a repetition of quality `quality` (0–5; higher counts as 5).
    ///
    /// Quality 3 or more: EF' = EF + (0.1 − (5 − q)(0.08 + (5 − q)·0.02)), at least 1.3;
    /// the repetition count goes up, and the next interval is 1 day after the first
    /// repetition, 6 after the second, then the previous interval times the new EF,
    /// rounded up. Quality below 3: repetitions restart "as if the item was memorized
    /// anew" without changing the E-Factor — this repetition counts as the first, so
    /// the next intervals are 1, 6, … again.
    pub fn after(&self, quality: u8) -> Sm2 {
        let quality = quality.min(5);
        if quality < 3 {
            return Sm2 {
                repetitions: 1,
                interval_days: 1,
                ease_hundredths: self.ease_hundredths.max(Sm2::MIN_EASE),
            };
        }
        let ease = (i32::from(self.ease_hundredths) + ease_change_hundredths(quality))
            .max(i32::from(Sm2::MIN_EASE)) as u16;
        let repetitions = self.repetitions.saturating_add(1);
        let interval_days = match repetitions {
            1 => 1,
            2 => 6,
            _ => {
                // I(n) = I(n−1) × EF, rounded up: (I × EF_hundredths + 99) / 100.
                let product = u64::from(self.interval_days.max(1)) * u64::from(ease);
                product.div_ceil(100).min(u64::from(Sm2::MAX_INTERVAL)) as u32
            }
        };
        Sm2 {
            repetitions,
            interval_days,
            ease_hundredths: ease,
        }
    }
}

impl Default for Sm2 {
    fn default() -> Sm2 {
        Sm2::NEW
    }
}

/// The published E-Factor change 0.1 − (5 − q)(0.08 + (5 − q)·0.02), times 100 so it is
/// exact: +10, 0, −14, −32, −54, −80 hundredths for q = 5, 4, 3, 2, 1, 0.
pub fn ease_change_hundredths(quality: u8) -> i32 {
    let lapse = 5 - i32::from(quality.min(5));
    10 - lapse * (8 + lapse * 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ease_changes_follow_the_published_formula() {
        for quality in 0..=5u8 {
            let q = f64::from(quality);
            let published = 0.1 - (5.0 - q) * (0.08 + (5.0 - q) * 0.02);
            let exact = f64::from(ease_change_hundredths(quality)) / 100.0;
            assert!((published - exact).abs() < 1e-9, "q = {quality}");
        }
        let table: Vec<i32> = (0..=5).map(ease_change_hundredths).collect();
        assert_eq!(table, [-80, -54, -32, -14, 0, 10]);
    }

    #[test]
    fn grades_map_to_qualities() {
        let qualities: Vec<u8> = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy]
            .into_iter()
            .map(Grade::quality)
            .collect();
        assert_eq!(qualities, [1, 3, 4, 5]);
        assert_eq!(Grade::from_right(true), Grade::Good);
        assert_eq!(Grade::from_right(false), Grade::Again);
    }
}
