//! Finding result codes in a pasted WeChat chat: every line may hold the sender's name, a
//! timestamp, a quote of an earlier message or other talk around a code. A line that holds
//! the prefix and a separator is a code's; one that cannot be read is refused with its line
//! number and the reason. Talk that only mentions 学习码 is no code and is passed over.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::code::{CodeError, ResultCode, CODE_PREFIX, SEPARATORS};

/// The longest excerpt of a refused line kept to show, in characters.
const EXCERPT_CHARS: usize = 60;

/// A code found in a paste.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// The line it stood on, from 1.
    pub line: usize,
    pub code: ResultCode,
}

/// A line that looked like a code but was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    /// The line, from 1.
    pub line: usize,
    /// The line's text, shortened.
    pub excerpt: String,
    pub reason: Refused,
}

/// Why a code was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refused {
    /// It cannot be read.
    Code(CodeError),
    /// A page this build does not have (its id).
    UnknownPage(String),
    /// The page's questions have changed since the code was made.
    BankChanged(String),
}

/// What a paste held.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    /// In the order of the paste.
    pub found: Vec<Found>,
    pub refused: Vec<Refusal>,
}

/// The codes in `text`, checked against the pages this build has: `bank_version(page)` is
/// the version of that page's bank, `None` for a page it does not have.
pub fn extract(text: &str, bank_version: impl Fn(&str) -> Option<u16>) -> Extracted {
    let mut extracted = Extracted::default();
    for (idx, line) in text.lines().enumerate() {
        let line_number = idx + 1;
        let mut rest = line;
        while let Some(at) = rest.find(CODE_PREFIX) {
            let after = &rest[at + CODE_PREFIX.len()..];
            rest = after;
            let Some(body) = after
                .trim_start()
                .strip_prefix(|c: char| SEPARATORS.contains(&c))
            else {
                continue;
            };
            let (outcome, consumed) = read_code(body);
            rest = &body[consumed..];
            let refuse = |reason| Refusal {
                line: line_number,
                excerpt: excerpt(line),
                reason,
            };
            match outcome {
                Err(error) => extracted.refused.push(refuse(Refused::Code(error))),
                Ok(code) => match bank_version(&code.page) {
                    None => extracted
                        .refused
                        .push(refuse(Refused::UnknownPage(code.page.clone()))),
                    Some(version) if version != code.bank_version => extracted
                        .refused
                        .push(refuse(Refused::BankChanged(code.page.clone()))),
                    Some(_) => extracted.found.push(Found {
                        line: line_number,
                        code,
                    }),
                },
            }
        }
    }
    extracted
}

/// Reads `name/PAYLOAD` from the start of `text` (a space instead of the second separator
/// is read too: names hold none); also says how many bytes it used.
fn read_code(text: &str) -> (Result<ResultCode, CodeError>, usize) {
    let name_end = text
        .char_indices()
        .find(|(_, c)| SEPARATORS.contains(c) || c.is_whitespace())
        .map_or(text.len(), |(i, _)| i);
    let name = &text[..name_end];
    let after = &text[name_end..];
    let payload_text =
        after.trim_start_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
    let payload_len = payload_text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
        .map_or(payload_text.len(), |(i, _)| i);
    let consumed = text.len() - payload_text.len() + payload_len;
    (
        ResultCode::decode(name, &payload_text[..payload_len]),
        consumed,
    )
}

fn excerpt(line: &str) -> String {
    let line = line.trim();
    if line.chars().count() <= EXCERPT_CHARS {
        return line.to_string();
    }
    let mut short: String = line.chars().take(EXCERPT_CHARS).collect();
    short.push('…');
    short
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::Code(error) => write!(f, "{error}"),
            Refused::UnknownPage(page) => {
                write!(f, "本应用没有第 {page} 号学习专版，请先更新本应用")
            }
            Refused::BankChanged(page) => write!(
                f,
                "第 {page} 号学习专版的题目已经更新，这个码对不上现在的题目，请成员重做后再发"
            ),
        }
    }
}
