//! FSRS-6 for one card, as pure functions: the memory state (stability, difficulty) after
//! each graded review and the interval it gives at the desired retention.

use serde::{Deserialize, Serialize};

/// How a review went, as the reader says it (or as a quiz answer implies it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// 忘了: not recalled (FSRS rating 1).
    Again,
    /// 有点难: recalled with serious difficulty (rating 2).
    Hard,
    /// 记得: recalled after a hesitation (rating 3).
    Good,
    /// 很轻松: recalled at once (rating 4).
    Easy,
}

/// FSRS-6's 21 default parameters w0–w20, as published by the open-spaced-repetition
/// project (srs-benchmark, py-fsrs 6.x `DEFAULT_PARAMETERS`).
pub const PARAMETERS: [f64; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];
/// The probability of recall at which a card falls due.
pub const DESIRED_RETENTION: f64 = 0.9;
/// The longest interval, about a hundred years (py-fsrs' default maximum).
pub const MAX_INTERVAL: u32 = 36_500;
/// The lowest stability, in days.
pub const MIN_STABILITY: f64 = 0.001;
/// The highest stability kept: far beyond any interval, so it never limits one.
pub const MAX_STABILITY: f64 = 1.0e6;
/// Difficulty lies in 1–10.
pub const MIN_DIFFICULTY: f64 = 1.0;
pub const MAX_DIFFICULTY: f64 = 10.0;

/// What FSRS knows of a card once it has been graded: how many days until recall falls to
/// 90% (stability) and how hard it is (difficulty, 1–10). Never NaN nor infinite: every
/// function here clamps its result, and imports are checked ([`Memory::is_valid`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    pub stability: f64,
    pub difficulty: f64,
}

/// Equality is total: a memory is never NaN (see [`Memory`]).
impl Eq for Memory {}

impl Grade {
    /// The FSRS rating, 1 (again) to 4 (easy).
    pub fn rating(self) -> u8 {
        match self {
            Grade::Again => 1,
            Grade::Hard => 2,
            Grade::Good => 3,
            Grade::Easy => 4,
        }
    }

    /// A quiz answer as a grade, pass or fail: right is good, wrong is again.
    pub fn from_right(right: bool) -> Grade {
        if right {
            Grade::Good
        } else {
            Grade::Again
        }
    }

    /// A recitation typed from memory as the card's first grade: everything recalled is
    /// good, at least 90% hard, anything less again.
    pub fn from_recall_percent(percent: u8) -> Grade {
        match percent {
            100.. => Grade::Good,
            90..=99 => Grade::Hard,
            _ => Grade::Again,
        }
    }

    fn value(self) -> f64 {
        f64::from(self.rating())
    }
}

const W: [f64; 21] = PARAMETERS;

/// The forgetting curve's decay, −w20.
fn decay() -> f64 {
    -W[20]
}

/// The factor that makes recall 90% when the elapsed days equal the stability.
fn factor() -> f64 {
    0.9f64.powf(1.0 / decay()) - 1.0
}

impl Memory {
    /// The memory after a new card's first grade: S0 = w[rating − 1], D0 as below.
    pub fn first(grade: Grade) -> Memory {
        Memory {
            stability: clamp_stability(W[usize::from(grade.rating()) - 1]),
            difficulty: clamp_difficulty(initial_difficulty(grade)),
        }
    }

    /// The memory after `grade` given `elapsed_days` after the previous grade: a review on
    /// the same day changes stability by FSRS-6's short-term formula, a later one by the
    /// recall or forgetting formula at the recall probability of that day.
    pub fn after(self, grade: Grade, elapsed_days: u32) -> Memory {
        let stability = if elapsed_days == 0 {
            self.short_term_stability(grade)
        } else {
            let recall = self.retrievability(elapsed_days);
            match grade {
                Grade::Again => self.forget_stability(recall),
                _ => self.recall_stability(grade, recall),
            }
        };
        Memory {
            stability: clamp_stability(stability),
            difficulty: self.next_difficulty(grade),
        }
    }

    /// The probability of recall `elapsed_days` after the last grade:
    /// (1 + factor · t / S)^decay.
    pub fn retrievability(self, elapsed_days: u32) -> f64 {
        (1.0 + factor() * f64::from(elapsed_days) / self.stability).powf(decay())
    }

    /// Days until recall falls to [`DESIRED_RETENTION`], rounded to the nearest day (ties
    /// to even, as py-fsrs), at least 1 and at most [`MAX_INTERVAL`].
    pub fn interval_days(self) -> u32 {
        let days = self.stability / factor() * (DESIRED_RETENTION.powf(1.0 / decay()) - 1.0);
        days.round_ties_even().clamp(1.0, f64::from(MAX_INTERVAL)) as u32
    }

    /// The memory of a card scheduled by SM-2 with E-Factor `ease_factor` and its last
    /// interval, as fsrs-rs' `memory_state_from_sm2` makes it for SM-2's retention of 90%:
    /// stability is the interval; difficulty is the one whose recall-stability growth at
    /// 90% recall equals the E-Factor (clamped to 1–10). `None` for a card SM-2 never
    /// scheduled (interval 0), which stays new.
    pub fn from_sm2(ease_factor: f64, interval_days: u32) -> Option<Memory> {
        const SM2_RETENTION: f64 = 0.9;
        if interval_days == 0 {
            return None;
        }
        let stability =
            f64::from(interval_days) * factor() / (SM2_RETENTION.powf(1.0 / decay()) - 1.0);
        let growth = W[8].exp() * stability.powf(-W[9]) * ((1.0 - SM2_RETENTION) * W[10]).exp_m1();
        let difficulty = 11.0 - (ease_factor - 1.0) / growth;
        let memory = Memory {
            stability: clamp_stability(stability),
            difficulty: clamp_difficulty(difficulty),
        };
        memory.is_valid().then_some(memory)
    }

    /// Whether the numbers are possible: finite, stability and difficulty in range.
    pub fn is_valid(self) -> bool {
        (MIN_STABILITY..=MAX_STABILITY).contains(&self.stability)
            && (MIN_DIFFICULTY..=MAX_DIFFICULTY).contains(&self.difficulty)
    }

    /// S' = S · e^(w17 · (G − 3 + w18)) · S^(−w19), never lower for a pass.
    fn short_term_stability(self, grade: Grade) -> f64 {
        let mut increase =
            (W[17] * (grade.value() - 3.0 + W[18])).exp() * self.stability.powf(-W[19]);
        if grade != Grade::Again {
            increase = increase.max(1.0);
        }
        self.stability * increase
    }

    /// S' after a pass at recall probability R:
    /// S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^((1 − R) · w10) − 1) · hard · easy).
    fn recall_stability(self, grade: Grade, recall: f64) -> f64 {
        let hard_penalty = if grade == Grade::Hard { W[15] } else { 1.0 };
        let easy_bonus = if grade == Grade::Easy { W[16] } else { 1.0 };
        self.stability
            * (1.0
                + W[8].exp()
                    * (11.0 - self.difficulty)
                    * self.stability.powf(-W[9])
                    * (((1.0 - recall) * W[10]).exp() - 1.0)
                    * hard_penalty
                    * easy_bonus)
    }

    /// S' after a lapse: w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^((1 − R) · w14), and no
    /// more than S / e^(w17 · w18).
    fn forget_stability(self, recall: f64) -> f64 {
        let long_term = W[11]
            * self.difficulty.powf(-W[12])
            * ((self.stability + 1.0).powf(W[13]) - 1.0)
            * ((1.0 - recall) * W[14]).exp();
        let short_term = self.stability / (W[17] * W[18]).exp();
        long_term.min(short_term)
    }

    /// D' = w7 · D0(easy) + (1 − w7) · (D + (10 − D) · (−w6 · (G − 3)) / 9), in 1–10.
    fn next_difficulty(self, grade: Grade) -> f64 {
        let delta = -W[6] * (grade.value() - 3.0);
        let damped = self.difficulty + (10.0 - self.difficulty) * delta / 9.0;
        clamp_difficulty(W[7] * initial_difficulty(Grade::Easy) + (1.0 - W[7]) * damped)
    }
}

/// D0(G) = w4 − e^(w5 · (G − 1)) + 1, unclamped.
fn initial_difficulty(grade: Grade) -> f64 {
    W[4] - (W[5] * (grade.value() - 1.0)).exp() + 1.0
}

fn clamp_stability(stability: f64) -> f64 {
    if stability.is_nan() {
        return MIN_STABILITY;
    }
    stability.clamp(MIN_STABILITY, MAX_STABILITY)
}

fn clamp_difficulty(difficulty: f64) -> f64 {
    if difficulty.is_nan() {
        return MAX_DIFFICULTY;
    }
    difficulty.clamp(MIN_DIFFICULTY, MAX_DIFFICULTY)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_are_ratings() {
        let ratings: Vec<u8> = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy]
            .into_iter()
            .map(Grade::rating)
            .collect();
        assert_eq!(ratings, [1, 2, 3, 4]);
        assert_eq!(Grade::from_right(true), Grade::Good);
        assert_eq!(Grade::from_right(false), Grade::Again);
    }

    #[test]
    fn recall_at_the_stability_is_the_desired_retention() {
        let memory = Memory {
            stability: 10.0,
            difficulty: 5.0,
        };
        assert!((memory.retrievability(10) - 0.9).abs() < 1e-12);
        assert_eq!(memory.interval_days(), 10);
    }
}
