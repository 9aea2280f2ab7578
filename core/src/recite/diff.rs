//! The character diff of a recitation typed from memory against the original: which
//! characters were recalled, which are missing, which were typed in excess, on the
//! comparison form (no spaces or punctuation, width folded) but shown in the original's
//! own characters.

use serde::{Deserialize, Serialize};

use super::progress::Attempt;
use super::Level;
use crate::text::{fold_width, is_punctuation};

/// The share of the original's characters a typed recitation must recall to pass level 4.
pub const PASS_PERCENT: u8 = 90;

/// A typed recitation compared with the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// The diff in reading order. The `Same` and `Missing` segments together spell the
    /// original exactly, punctuation included; `Extra` holds what was typed in excess.
    pub segments: Vec<DiffSegment>,
    /// Characters of the original (comparison form) that were typed, in order.
    pub recalled: usize,
    /// Characters of the original (comparison form).
    pub total: usize,
    /// Characters typed (comparison form) that are not in the original at that point.
    pub extra: usize,
}

/// A stretch of the diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiffSegment {
    /// Original text the reader recalled, with its punctuation.
    Same(String),
    /// Original text the reader left out or got wrong, with its punctuation.
    Missing(String),
    /// Characters the reader typed that the original does not have there, as typed.
    Extra(String),
}

/// Compares `typed` with `original` by a longest common subsequence of their comparison
/// forms, so spaces, punctuation and full/half width never count. Punctuation of the
/// original goes with the character before it (leading punctuation with the first).
/// Time and memory grow with the product of the lengths, fine for quotations of a few
/// hundred characters.
pub fn compare(original: &str, typed: &str) -> Comparison {
    let original_chars: Vec<char> = original.chars().collect();
    let typed_chars: Vec<char> = typed.chars().collect();
    let orig = keyed(&original_chars);
    let typ = keyed(&typed_chars);
    let ops = lcs_ops(&orig, &typ);

    let mut segments: Vec<DiffSegment> = Vec::new();
    let (mut recalled, mut extra) = (0, 0);
    for op in ops {
        let segment = match op {
            Op::Same(oi) | Op::Missing(oi) => {
                let from = if oi == 0 { 0 } else { orig[oi].0 };
                let to = orig.get(oi + 1).map_or(original_chars.len(), |next| next.0);
                let text: String = original_chars[from..to].iter().collect();
                if matches!(op, Op::Same(_)) {
                    recalled += 1;
                    DiffSegment::Same(text)
                } else {
                    DiffSegment::Missing(text)
                }
            }
            Op::Extra(ti) => {
                extra += 1;
                DiffSegment::Extra(typed_chars[typ[ti].0].to_string())
            }
        };
        push_merged(&mut segments, segment);
    }
    if orig.is_empty() && !original.is_empty() {
        segments.insert(0, DiffSegment::Missing(original.to_string()));
    }
    Comparison {
        segments,
        recalled,
        total: orig.len(),
        extra,
    }
}

impl Comparison {
    /// The share of the original recalled, in whole percent rounded down, so 100 means
    /// every character; 0 for an original without characters.
    pub fn recall_percent(&self) -> u8 {
        if self.total == 0 {
            return 0;
        }
        (self.recalled * 100 / self.total) as u8
    }

    /// Whether the recitation passes level 4: at least [`PASS_PERCENT`] recalled, and no
    /// more excess characters than a tenth of the original.
    pub fn passed(&self) -> bool {
        self.total > 0 && self.recall_percent() >= PASS_PERCENT && self.extra * 10 <= self.total
    }

    /// This recitation as an attempt at level 4, for [`super::ReciteProgress::record`].
    pub fn attempt(&self) -> Attempt {
        Attempt {
            level: Level::FromMemory,
            passed: self.passed(),
            recall_percent: Some(self.recall_percent()),
        }
    }
}

impl DiffSegment {
    /// The segment's characters.
    pub fn text(&self) -> &str {
        match self {
            DiffSegment::Same(text) | DiffSegment::Missing(text) | DiffSegment::Extra(text) => text,
        }
    }
}

/// One step of the alignment, by index into the keyed characters.
#[derive(Debug, Clone, Copy)]
enum Op {
    Same(usize),
    Missing(usize),
    Extra(usize),
}

/// The characters that take part in the comparison, as (position in the text, the
/// character in comparison form): the per-character form of `comparison_key`.
fn keyed(chars: &[char]) -> Vec<(usize, char)> {
    chars
        .iter()
        .enumerate()
        .filter_map(|(idx, c)| {
            let folded = fold_width(*c);
            (!folded.is_whitespace() && !is_punctuation(folded))
                .then(|| (idx, folded.to_ascii_lowercase()))
        })
        .collect()
}

/// An alignment with the most `Same` steps; where a character was replaced, the missing
/// original comes before the extra typed character.
fn lcs_ops(orig: &[(usize, char)], typed: &[(usize, char)]) -> Vec<Op> {
    let (n, m) = (orig.len(), typed.len());
    // suffix[i][j]: the longest common subsequence of orig[i..] and typed[j..].
    let mut suffix = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            suffix[i][j] = if orig[i].1 == typed[j].1 {
                suffix[i + 1][j + 1] + 1
            } else {
                suffix[i + 1][j].max(suffix[i][j + 1])
            };
        }
    }
    let mut ops = Vec::with_capacity(n + m);
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && orig[i].1 == typed[j].1 {
            ops.push(Op::Same(i));
            i += 1;
            j += 1;
        } else if i < n && (j == m || suffix[i + 1][j] >= suffix[i][j + 1]) {
            ops.push(Op::Missing(i));
            i += 1;
        } else {
            ops.push(Op::Extra(j));
            j += 1;
        }
    }
    ops
}

fn push_merged(segments: &mut Vec<DiffSegment>, segment: DiffSegment) {
    match (segments.last_mut(), &segment) {
        (Some(DiffSegment::Same(last)), DiffSegment::Same(more))
        | (Some(DiffSegment::Missing(last)), DiffSegment::Missing(more))
        | (Some(DiffSegment::Extra(last)), DiffSegment::Extra(more)) => last.push_str(more),
        _ => segments.push(segment),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::comparison_key;

    #[test]
    fn keyed_characters_spell_the_comparison_key() {
        for text in [
            "“四个意识”",
            "２０２３年 ＡＢＣ",
            "悟原理、求真理。",
            "a b\tc",
            "……",
            "",
        ] {
            let chars: Vec<char> = text.chars().collect();
            let keyed: String = keyed(&chars).iter().map(|(_, c)| *c).collect();
            assert_eq!(keyed, comparison_key(text), "{text}");
        }
    }
}
