//! Clause ordering, the phone-friendly form of level 4: the quotation's clauses shown
//! shuffled by a seed, never in their right order, to be put back in order.

use super::progress::Attempt;
use super::split::clauses;
use super::{Level, ReciteError};
use crate::quiz::rng::permutation;

/// A quotation's clauses in the order they are shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseOrder {
    /// The clauses as shown, each with its closing punctuation.
    shown: Vec<String>,
    /// The clauses in the quotation's order.
    original: Vec<String>,
}

impl ClauseOrder {
    /// The clauses of `text` (see [`super::clauses`]) shuffled by `seed`; the same seed
    /// gives the same order. A shuffle that comes out in the right order is turned by one
    /// place, which changes it whenever the clauses are not all the same.
    pub fn new(text: &str, seed: u64) -> Result<ClauseOrder, ReciteError> {
        let original = clauses(text);
        if original.iter().all(|clause| *clause == original[0]) {
            return Err(ReciteError::TooFewClauses);
        }
        let mut order = permutation(original.len(), seed);
        let in_order = |order: &[usize]| order.iter().map(|i| &original[*i]).eq(&original);
        if in_order(&order) {
            order.rotate_left(1);
        }
        let shown = order.iter().map(|i| original[*i].clone()).collect();
        Ok(ClauseOrder { shown, original })
    }

    /// The clauses as shown.
    pub fn shown(&self) -> &[String] {
        &self.shown
    }

    /// Whether `order` — indexes into [`Self::shown`], in the reader's order — spells the
    /// quotation. Clauses with the same text may be swapped. Every shown clause must be
    /// used exactly once.
    pub fn check(&self, order: &[usize]) -> Result<bool, ReciteError> {
        let mut used = vec![false; self.shown.len()];
        for idx in order {
            match used.get_mut(*idx) {
                Some(seen) if !*seen => *seen = true,
                _ => return Err(ReciteError::NotAnOrdering),
            }
        }
        if order.len() != self.shown.len() {
            return Err(ReciteError::NotAnOrdering);
        }
        Ok(order.iter().map(|i| &self.shown[*i]).eq(&self.original))
    }

    /// The right order as indexes into [`Self::shown`], to reveal it.
    pub fn right_order(&self) -> Vec<usize> {
        let mut used = vec![false; self.shown.len()];
        self.original
            .iter()
            .map(|clause| {
                let idx = (0..self.shown.len())
                    .find(|i| !used[*i] && self.shown[*i] == *clause)
                    .unwrap_or_default();
                used[idx] = true;
                idx
            })
            .collect()
    }

    /// A checked ordering as an attempt at level 4.
    pub fn attempt(right: bool) -> Attempt {
        Attempt {
            level: Level::FromMemory,
            passed: right,
            recall_percent: None,
        }
    }
}
