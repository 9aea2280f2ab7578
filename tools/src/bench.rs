//! What the benchmark commands share: the time of one run, the sorted times of many, a
//! percentile, and milliseconds for their tables. They report; they never fail on a number.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// How long `f` takes; its result is dropped after the clock stops.
pub fn time<T>(f: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    let result = black_box(f());
    let elapsed = start.elapsed();
    drop(result);
    elapsed
}

/// The times of `runs` runs of `f`, shortest first.
pub fn sorted_times<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs).map(|_| time(&mut f)).collect();
    times.sort_unstable();
    times
}

/// The `p`th percentile (nearest rank) of `samples`, which it sorts.
pub fn percentile(samples: &mut [Duration], p: usize) -> Duration {
    samples.sort_unstable();
    let rank = (samples.len() * p).div_ceil(100).max(1);
    samples.get(rank - 1).copied().unwrap_or_default()
}

/// A duration in milliseconds.
pub fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_sorted_and_percentiles_take_the_nearest_rank() {
        let mut calls = 0;
        let times = sorted_times(5, || calls += 1);
        assert_eq!((calls, times.len()), (5, 5));
        assert!(times.windows(2).all(|pair| pair[0] <= pair[1]));
        let mut samples: Vec<Duration> = [4, 1, 3, 2].map(Duration::from_millis).to_vec();
        assert_eq!(percentile(&mut samples, 50), Duration::from_millis(2));
        assert_eq!(percentile(&mut samples, 95), Duration::from_millis(4));
        assert_eq!(percentile(&mut [], 50), Duration::ZERO);
        assert_eq!(ms(Duration::from_micros(1500)), 1.5);
    }
}
