//! How alike two texts are, by their character bigrams: works for Chinese, which has no
//! spaces between words.

/// The Dice coefficient of the two texts' character-bigram multisets, from 0.0 (nothing
/// shared) to 1.0 (the same bigrams); texts shorter than two characters score 0.0.
pub fn bigram_dice(a: &str, b: &str) -> f64 {
    let (a, b) = (sorted_bigrams(a), sorted_bigrams(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * shared as f64 / (a.len() + b.len()) as f64
}

fn sorted_bigrams(text: &str) -> Vec<(char, char)> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut bigrams: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
    bigrams.sort_unstable();
    bigrams
}

#[cfg(test)]
mod tests {
    use super::bigram_dice;

    fn check(a: &str, b: &str, expected: f64) {
        let got = bigram_dice(a, b);
        assert!(
            (got - expected).abs() < 1e-9,
            "{a} ~ {b}: {got} != {expected}"
        );
    }

    #[test]
    fn dice_cases() {
        check("社区治理", "社区治理", 1.0);
        check("社区治理", "乡村振兴", 0.0);
        check("社区", "社区治理", 0.5);
        check("社", "社", 0.0);
        check("", "社区", 0.0);
        check("社 区", "社区", 1.0);
    }
}
