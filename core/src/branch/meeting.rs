//! The meeting code of a 现场测验, e.g. `K3M-9QXT`: seven symbols holding the page, how many
//! questions, the draw and the time limit, with a 5-bit check. Every member who enters it
//! gets the same questions in the same order with the same options, and their result codes
//! carry it, so the summary groups results by meeting.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::base32::{self, BitReader, BitWriter};
use super::code::{page_id, page_number};
use crate::quiz::rng::derive_seed;

/// The time limits a secretary can choose, in minutes (0: none), by their number in a code.
pub const TIME_LIMITS: [u32; 8] = [0, 3, 5, 8, 10, 15, 20, 30];

/// The most questions a meeting asks.
pub const MAX_QUESTIONS: u8 = 31;

/// A 现场测验 as its code names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MeetingCode {
    /// The page's number (its id `000` as 0).
    pub page: u16,
    /// How many questions to draw (fewer if the bank has fewer), 1 to [`MAX_QUESTIONS`].
    pub questions: u8,
    /// The time limit's number in [`TIME_LIMITS`].
    pub time_limit: u8,
    /// Which draw: 12 bits.
    pub draw: u16,
}

/// Why text is not a meeting code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingError {
    /// Not seven symbols (dashes and spaces aside).
    Length,
    /// A character that is not a symbol.
    BadCharacter(char),
    /// The check does not match: a typo.
    Damaged,
}

impl MeetingCode {
    /// A meeting on page `page_id`; `None` when the page id is not a code's (three digits)
    /// or the numbers are out of range.
    pub fn new(page_id: &str, questions: u8, time_limit: u8, draw: u16) -> Option<MeetingCode> {
        let ok = (1..=MAX_QUESTIONS).contains(&questions)
            && usize::from(time_limit) < TIME_LIMITS.len()
            && draw < 1 << 12;
        ok.then_some(MeetingCode {
            page: page_number(page_id)?,
            questions,
            time_limit,
            draw,
        })
    }

    /// The page's id (`000`).
    pub fn page_id(&self) -> String {
        page_id(self.page)
    }

    /// The time limit in milliseconds, `None` without one.
    pub fn time_limit_ms(&self) -> Option<u64> {
        let minutes = TIME_LIMITS[usize::from(self.time_limit) % TIME_LIMITS.len()];
        (minutes > 0).then(|| u64::from(minutes) * 60_000)
    }

    /// The seed of the draw and of every option order: the same for every member.
    pub fn seed(&self) -> u64 {
        derive_seed(u64::from(self.draw), "meeting", u64::from(self.page))
    }

    /// The 30 bits of the code without its check.
    fn payload(&self) -> u64 {
        (u64::from(self.page) << 20)
            | (u64::from(self.questions) << 15)
            | (u64::from(self.time_limit) << 12)
            | u64::from(self.draw)
    }

    /// The code's 35 bits: payload then check.
    pub fn bits(&self) -> u64 {
        let payload = self.payload();
        (payload << 5) | u64::from(check5(payload))
    }

    /// The code from its 35 bits; `None` when the check fails or a field is out of range.
    pub fn from_bits(bits: u64) -> Option<MeetingCode> {
        let payload = bits >> 5;
        if bits >= 1 << 35 || check5(payload) != (bits & 31) as u8 {
            return None;
        }
        let code = MeetingCode {
            page: (payload >> 20) as u16,
            questions: ((payload >> 15) & 31) as u8,
            time_limit: ((payload >> 12) & 7) as u8,
            draw: (payload & 0xFFF) as u16,
        };
        (code.page < 1000 && code.questions >= 1).then_some(code)
    }

    /// Reads a code as typed: case-blind, dashes and spaces ignored.
    pub fn parse(text: &str) -> Result<MeetingCode, MeetingError> {
        let symbols: Vec<char> = text
            .chars()
            .filter(|c| !matches!(c, '-' | ' ' | '—' | '－'))
            .collect();
        if symbols.len() != 7 {
            return Err(MeetingError::Length);
        }
        let values = symbols
            .iter()
            .map(|&c| base32::symbol_value(c).ok_or(MeetingError::BadCharacter(c)))
            .collect::<Result<Vec<u8>, _>>()?;
        let bits = BitReader::new(&values)
            .take(35)
            .ok_or(MeetingError::Length)? as u64;
        MeetingCode::from_bits(bits).ok_or(MeetingError::Damaged)
    }
}

/// Five check bits over the 30 payload bits: a CRC of degree 5 (x⁵+x²+1), so one wrong
/// symbol always shows.
fn check5(payload: u64) -> u8 {
    let mut crc: u8 = 0x1F;
    for shift in (0..30).rev() {
        let bit = ((payload >> shift) & 1) as u8;
        let feedback = ((crc >> 4) & 1) ^ bit;
        crc = (crc << 1) & 31;
        if feedback == 1 {
            crc ^= 0b00101;
        }
    }
    crc
}

impl fmt::Display for MeetingCode {
    /// `K3M-9QXT`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut writer = BitWriter::default();
        writer.put(u128::from(self.bits()), 35);
        let text = base32::encode(&writer.symbols());
        write!(f, "{}-{}", &text[..3], &text[3..])
    }
}

impl fmt::Display for MeetingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MeetingError::Length => write!(f, "现场测验码是 7 个字母或数字，例如 K3M-9QXT"),
            MeetingError::BadCharacter(c) => write!(f, "现场测验码里不会有「{c}」"),
            MeetingError::Damaged => write!(f, "现场测验码有错字，请向书记核对"),
        }
    }
}

impl std::error::Error for MeetingError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_typos_show() {
        let code = MeetingCode::new("000", 10, 2, 0xABC).unwrap();
        let text = code.to_string();
        assert_eq!(text.len(), 8);
        assert_eq!(MeetingCode::parse(&text), Ok(code));
        assert_eq!(
            MeetingCode::parse(&text.to_lowercase().replace('-', " ")),
            Ok(code)
        );
        for (i, c) in text.char_indices().filter(|(_, c)| *c != '-') {
            for replacement in base32::ALPHABET.iter().map(|&b| char::from(b)) {
                if replacement == c {
                    continue;
                }
                let mut typo = text.clone();
                typo.replace_range(i..i + 1, &replacement.to_string());
                assert!(MeetingCode::parse(&typo).is_err(), "{typo} passed");
            }
        }
        assert_eq!(code.time_limit_ms(), Some(5 * 60_000));
        assert_eq!(MeetingCode::parse("K3M-9QX"), Err(MeetingError::Length));
    }
}
