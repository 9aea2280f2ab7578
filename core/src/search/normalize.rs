//! The form text is matched in — width folded, ASCII lowercased, spaces and punctuation
//! dropped — with a map from every kept character back to the original text.

use crate::text::{fold_width, is_punctuation};

/// Text in matching form, with where each of its characters came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Normalized {
    /// The kept characters, width folded and ASCII lowercased.
    pub chars: Vec<char>,
    /// For each kept character, its char offset in the original text.
    pub origin: Vec<u32>,
}

/// Normalises `text`, remembering the original char offset of every kept character.
pub(crate) fn normalize(text: &str) -> Normalized {
    let mut chars = Vec::new();
    let mut origin = Vec::new();
    for (offset, c) in text.chars().enumerate() {
        if let Some(key) = matching_char(c) {
            chars.push(key);
            origin.push(u32::try_from(offset).unwrap_or(u32::MAX));
        }
    }
    Normalized { chars, origin }
}

/// The terms of a query in matching form: split on whitespace (the ideographic space
/// too), normalised, empty terms dropped, each term once, in the order typed.
pub(crate) fn normalized_terms(query: &str) -> Vec<Vec<char>> {
    let mut terms: Vec<Vec<char>> = Vec::new();
    for word in query.split(char::is_whitespace) {
        let term: Vec<char> = word.chars().filter_map(matching_char).collect();
        if !term.is_empty() && !terms.contains(&term) {
            terms.push(term);
        }
    }
    terms
}

/// The character `c` is matched as, or `None` when matching ignores it; the same rule as
/// `crate::text::comparison_key`, one character at a time.
fn matching_char(c: char) -> Option<char> {
    let c = fold_width(c);
    (!c.is_whitespace() && !is_punctuation(c)).then(|| c.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::comparison_key;

    fn check(text: &str, expected_chars: &str, expected_origin: &[u32]) {
        let normalized = normalize(text);
        assert_eq!(
            normalized.chars.iter().collect::<String>(),
            expected_chars,
            "{text}"
        );
        assert_eq!(normalized.origin, expected_origin, "{text}");
        assert_eq!(
            expected_chars,
            comparison_key(text),
            "{text}: agrees with comparison_key"
        );
    }

    #[test]
    fn normalize_keeps_a_map_to_the_original() {
        check("", "", &[]);
        check("社区", "社区", &[0, 1]);
        check("“四个意识”", "四个意识", &[1, 2, 3, 4]);
        check("四个 意识", "四个意识", &[0, 1, 3, 4]);
        check("２０２３年", "2023年", &[0, 1, 2, 3, 4]);
        check("ＡｂC", "abc", &[0, 1, 2]);
        check("悟原理、求真理", "悟原理求真理", &[0, 1, 2, 4, 5, 6]);
        check("……", "", &[]);
    }

    #[test]
    fn query_terms_split_on_whitespace_and_drop_punctuation() {
        let terms = |query: &str| -> Vec<String> {
            normalized_terms(query)
                .into_iter()
                .map(|term| term.into_iter().collect())
                .collect()
        };
        assert_eq!(terms("四个 意识"), ["四个", "意识"]);
        assert_eq!(terms("“四个意识”"), ["四个意识"]);
        assert_eq!(terms("张雷\u{3000}２０２３"), ["张雷", "2023"]);
        assert_eq!(terms("社区 社区 ，"), ["社区"]);
        assert!(terms(" 、。 “” ").is_empty());
    }
}
