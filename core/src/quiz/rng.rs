//! A tiny seeded random number generator (SplitMix64) and the shuffles built on it, so the
//! same seed always gives the same draw and the same option order, on every platform.

use crate::hash::fnv1a_64;

/// SplitMix64 (Steele, Lea and Flood 2014): one `u64` of state, good enough to shuffle
/// quiz options, and the same sequence everywhere for the same seed.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift, which keeps the bias
    /// far below anything a reader could notice for the small `n` of a quiz.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for last in (1..items.len()).rev() {
            let pick = self.below(last + 1);
            items.swap(last, pick);
        }
    }
}

/// A seed of its own for one use of a session's seed, e.g. the option order of one
/// question in one slot, so that each question's order does not depend on the others.
pub fn derive_seed(seed: u64, salt: &str, n: u64) -> u64 {
    // FNV-1a over the salt, then SplitMix64 to spread the bits.
    let hash = fnv1a_64(salt.bytes());
    let mut rng = SplitMix64::new(seed ^ hash ^ n.wrapping_mul(0xd1b5_4a32_d192_ed03));
    rng.next_u64()
}

/// `0..n` in a shuffled order.
pub fn permutation(n: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    SplitMix64::new(seed).shuffle(&mut order);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_sequence() {
        // The reference implementation's first outputs for seed 1234567.
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = SplitMix64::new(7);
        let mut seen = [false; 5];
        for _ in 0..200 {
            let n = rng.below(5);
            assert!(n < 5);
            seen[n] = true;
        }
        assert!(seen.iter().all(|s| *s));
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn permutations_are_deterministic_and_complete() {
        for seed in 0..50 {
            let order = permutation(6, seed);
            assert_eq!(order, permutation(6, seed));
            let mut sorted = order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..6).collect::<Vec<_>>());
        }
        assert!((0..50).any(|seed| permutation(6, seed) != permutation(6, seed + 1)));
        assert_eq!(permutation(0, 3), Vec::<usize>::new());
    }

    #[test]
    fn derived_seeds_differ_by_salt_and_number() {
        let seed = derive_seed(1, "a-byfe-q1", 0);
        assert_eq!(seed, derive_seed(1, "a-byfe-q1", 0));
        for (base, salt, n) in [
            (1, "a-byfe-q2", 0),
            (1, "a-byfe-q1", 1),
            (2, "a-byfe-q1", 0),
        ] {
            assert_ne!(seed, derive_seed(base, salt, n), "{base} {salt} {n}");
        }
    }
}
