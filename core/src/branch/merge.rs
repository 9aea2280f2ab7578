//! One result per member and quiz: the same code pasted twice, quoted in a reply or sent
//! again counts once, and when a member took the same quiz again the latest result wins
//! (the later day, or on the same day the one later in the chat).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::code::ResultCode;

/// The results that count, and how many codes were set aside as repeats.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merged {
    /// One per member, page and quiz, in the order each was first found.
    pub results: Vec<ResultCode>,
    /// Codes that were the same as one kept, or an earlier attempt at the same quiz.
    pub n_repeats: usize,
}

/// Merges codes given in the order they were found (paste after paste, line after line).
pub fn merge<'a>(codes: impl IntoIterator<Item = &'a ResultCode>) -> Merged {
    let mut merged = Merged::default();
    let mut kept_at: HashMap<(&str, &str, (u8, u64)), usize> = HashMap::new();
    for code in codes {
        let key = (code.name.as_str(), code.page.as_str(), code.quiz.identity());
        match kept_at.get(&key) {
            Some(&at) => {
                merged.n_repeats += 1;
                if code.day >= merged.results[at].day {
                    merged.results[at] = code.clone();
                }
            }
            None => {
                kept_at.insert(key, merged.results.len());
                merged.results.push(code.clone());
            }
        }
    }
    merged
}
