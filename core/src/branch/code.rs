//! The result code (结果码): one line of text a member copies after a quiz and pastes into
//! the branch's WeChat group, e.g. `学习码/张三/1000J4K7Y2M9QXTAB7R0H`.
//!
//! After the prefix come the member's name as typed (plain text, so the secretary reads
//! it) and the payload in base32 ([`super::base32`]):
//!
//! | bits | field |
//! |------|-------|
//! | 5    | code version ([`CODE_VERSION`]) |
//! | 10   | page number (`000` → 0) |
//! | 12   | bank version ([`bank_version`]) |
//! | 14   | day, counted from [`FIRST_DAY`] |
//! | 3    | quiz kind |
//! | 7    | how many questions (n) |
//! | …    | the kind's argument: an item's number (6); for 综合测验 and 错题本 the highest question's position + 1 (7) and which questions (a subset's rank); a meeting's code (35) |
//! | n    | right (1) or wrong (0), one bit per question in [`CodeQuiz::questions`]' order |
//! | 20   | check over the name and every symbol before it, padded to whole symbols |
//!
//! The fields before the answers say how long the code must be, so a truncated code is
//! always known as one; a changed symbol always breaks the check. The code holds nothing
//! the member has not seen: the page, the quiz, the name, the score and each answer's
//! verdict, and the day.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::base32::{
    self, binomial, bits_below, subset_rank, subset_unrank, BitReader, BitWriter, CHECK_BITS,
    CHECK_SYMBOLS,
};
use super::meeting::MeetingCode;
use crate::hash::fnv1a_32;
use crate::quiz::{Bank, QuizKind, QuizResult};
use crate::review::Day;

/// What every result code starts with, so it is found among chat messages.
pub const CODE_PREFIX: &str = "学习码";
/// The separator between prefix, name and payload.
pub const SEPARATOR: char = '/';
/// Other separators a keyboard or chat may turn the separator into.
pub const SEPARATORS: [char; 4] = ['/', '／', ':', '：'];
/// The version of the code's layout this build writes and reads.
pub const CODE_VERSION: u8 = 1;
/// Day 0 of a code's date: 2024-01-01.
pub const FIRST_DAY: Day = Day(19_723);
/// The longest name a code carries, in characters.
pub const MAX_NAME_CHARS: usize = 12;

const KIND_ITEM: u128 = 0;
const KIND_WEEKLY: u128 = 1;
const KIND_MIXED: u128 = 2;
const KIND_MISTAKES: u128 = 3;
const KIND_MEETING: u128 = 4;

/// A finished quiz as a result code carries it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResultCode {
    /// The member's name as typed once on their device.
    pub name: String,
    /// The page's id, `000`.
    pub page: String,
    pub quiz: CodeQuiz,
    /// The bank's version when the quiz was taken ([`bank_version`]).
    pub bank_version: u16,
    /// The day the quiz was finished.
    pub day: Day,
    /// Right or wrong, one per question, in [`CodeQuiz::questions`]' order.
    pub right: Vec<bool>,
}

/// Which quiz a code is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CodeQuiz {
    /// 读后测 of the bank's n-th item (items numbered in the order the bank first names them).
    Item(u8),
    /// 每周一学.
    Weekly,
    /// 综合测验: these questions, by position in the bank, ascending.
    Mixed(Vec<u16>),
    /// 错题本: these questions, by position in the bank, ascending.
    Mistakes(Vec<u16>),
    /// 现场测验.
    Meeting(MeetingCode),
}

/// Why a code cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CodeError {
    /// No name between the separators, or a name too long.
    BadName,
    /// Nothing after the name.
    NoPayload,
    /// A character that is not a symbol (e.g. `U`) in the payload.
    BadCharacter(char),
    /// Shorter than its own fields say: cut off when copied.
    Truncated,
    /// The check does not match: a symbol or the name was changed.
    Damaged,
    /// Written by a newer version of the app (this version).
    NewerVersion(u8),
    /// Written by an older version this build no longer reads.
    OlderVersion(u8),
    /// The check matches but the fields contradict each other.
    Malformed,
}

/// Why a finished quiz has no result code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotCodable {
    /// The page's id is not three digits.
    PageId,
    /// The name is empty, too long or holds a separator or a space.
    Name,
    /// More questions than a code carries, or a question the bank does not have.
    Questions,
}

impl ResultCode {
    /// The code of a finished quiz of `kind` on `bank`'s page, taken by `name` on `day`.
    pub fn of_result(
        name: &str,
        bank: &Bank,
        kind: &QuizKind,
        result: &QuizResult,
        day: Day,
    ) -> Result<ResultCode, NotCodable> {
        page_number(&bank.page).ok_or(NotCodable::PageId)?;
        let name = clean_name(name).ok_or(NotCodable::Name)?;
        let positions = |ids: &mut dyn Iterator<Item = &String>| -> Result<Vec<u16>, NotCodable> {
            let mut positions = ids
                .map(|id| bank.questions.iter().position(|q| q.id == *id))
                .collect::<Option<Vec<usize>>>()
                .ok_or(NotCodable::Questions)?;
            positions.sort_unstable();
            positions.dedup();
            Ok(positions.into_iter().map(|p| p as u16).collect())
        };
        let quiz = match kind {
            QuizKind::Item { item } => {
                let number = bank_items(bank)
                    .iter()
                    .position(|i| i == item)
                    .ok_or(NotCodable::Questions)?;
                CodeQuiz::Item(u8::try_from(number).map_err(|_| NotCodable::Questions)?)
            }
            QuizKind::Weekly => CodeQuiz::Weekly,
            QuizKind::Mixed => {
                CodeQuiz::Mixed(positions(&mut result.review.iter().map(|r| &r.question))?)
            }
            QuizKind::Mistakes { .. } => {
                CodeQuiz::Mistakes(positions(&mut result.review.iter().map(|r| &r.question))?)
            }
            QuizKind::Meeting { code } => {
                CodeQuiz::Meeting(MeetingCode::parse(code).map_err(|_| NotCodable::Questions)?)
            }
        };
        if let CodeQuiz::Mixed(set) | CodeQuiz::Mistakes(set) = &quiz {
            // The subset's rank must fit the arithmetic: any real quiz does by far.
            let size = u32::from(set.iter().max().map_or(0, |m| m + 1));
            binomial(size, set.len() as u32).ok_or(NotCodable::Questions)?;
        }
        let order = quiz.questions(bank);
        if order.len() != result.review.len() || order.len() > 127 || bank.questions.len() > 127 {
            return Err(NotCodable::Questions);
        }
        let right = order
            .iter()
            .map(|id| {
                result
                    .review
                    .iter()
                    .find(|r| r.question == *id)
                    .map(|r| r.correct)
            })
            .collect::<Option<Vec<bool>>>()
            .ok_or(NotCodable::Questions)?;
        Ok(ResultCode {
            name,
            page: bank.page.to_string(),
            quiz,
            bank_version: bank_version(bank.questions.iter().map(|q| q.id.as_str())),
            day,
            right,
        })
    }

    /// Questions answered right.
    pub fn score(&self) -> usize {
        self.right.iter().filter(|r| **r).count()
    }

    /// Questions asked.
    pub fn total(&self) -> usize {
        self.right.len()
    }

    /// The code as one line of text.
    pub fn encode(&self) -> String {
        let mut w = BitWriter::default();
        w.put(u128::from(CODE_VERSION), 5);
        w.put(u128::from(page_number(&self.page).unwrap_or(0)), 10);
        w.put(u128::from(self.bank_version), 12);
        let day = self.day.days_since(FIRST_DAY).clamp(0, (1 << 14) - 1);
        w.put(day as u128, 14);
        let n = self.right.len() as u128;
        match &self.quiz {
            CodeQuiz::Item(item) => {
                w.put(KIND_ITEM, 3);
                w.put(n, 7);
                w.put(u128::from(*item), 6);
            }
            CodeQuiz::Weekly => {
                w.put(KIND_WEEKLY, 3);
                w.put(n, 7);
            }
            CodeQuiz::Mixed(set) | CodeQuiz::Mistakes(set) => {
                let kind = if matches!(self.quiz, CodeQuiz::Mixed(_)) {
                    KIND_MIXED
                } else {
                    KIND_MISTAKES
                };
                w.put(kind, 3);
                w.put(n, 7);
                let size = u32::from(set.iter().max().map_or(0, |m| m + 1));
                w.put(u128::from(size), 7);
                let set: Vec<u32> = set.iter().map(|&p| u32::from(p)).collect();
                let width = bits_below(binomial(size, set.len() as u32).unwrap_or(0));
                w.put(subset_rank(&set).unwrap_or(0), width);
            }
            CodeQuiz::Meeting(code) => {
                w.put(KIND_MEETING, 3);
                w.put(n, 7);
                w.put(u128::from(code.bits()), 35);
            }
        }
        w.put_bits(&self.right);
        let mut symbols = w.symbols();
        let check = base32::check(checked_bytes(&self.name, &symbols));
        symbols.extend(base32::check_symbols(check));
        format!(
            "{CODE_PREFIX}{SEPARATOR}{}{SEPARATOR}{}",
            self.name,
            base32::encode(&symbols)
        )
    }

    /// Reads a code's name and payload (the text after the prefix's separator has been
    /// split off by [`super::chat`]).
    pub fn decode(name: &str, payload: &str) -> Result<ResultCode, CodeError> {
        let name = clean_name(name).ok_or(CodeError::BadName)?;
        if payload.is_empty() {
            return Err(CodeError::NoPayload);
        }
        let symbols = payload
            .chars()
            .map(|c| base32::symbol_value(c).ok_or(CodeError::BadCharacter(c)))
            .collect::<Result<Vec<u8>, _>>()?;
        let parsed = read_fields(&symbols);
        let expected = parsed.as_ref().map(|(_, used)| used + CHECK_SYMBOLS);
        if let Ok(expected) = expected {
            if symbols.len() < expected {
                return Err(CodeError::Truncated);
            }
        }
        if symbols.len() <= CHECK_SYMBOLS {
            return Err(CodeError::Truncated);
        }
        let (body, check) = symbols.split_at(symbols.len() - CHECK_SYMBOLS);
        let mut reader = BitReader::new(check);
        let given = reader.take(CHECK_BITS).unwrap_or(0) as u32;
        if base32::check(checked_bytes(&name, body)) != given {
            return Err(match parsed {
                Err(CodeError::Truncated) => CodeError::Truncated,
                _ => CodeError::Damaged,
            });
        }
        let version = BitReader::new(body).take(5).unwrap_or(0) as u8;
        if version > CODE_VERSION {
            return Err(CodeError::NewerVersion(version));
        }
        if version < CODE_VERSION {
            return Err(CodeError::OlderVersion(version));
        }
        let (mut code, used) = parsed?;
        if used != body.len() {
            return Err(CodeError::Malformed);
        }
        code.name = name;
        Ok(code)
    }
}

/// The fields of a payload and how many symbols they fill, without checking anything.
fn read_fields(symbols: &[u8]) -> Result<(ResultCode, usize), CodeError> {
    let mut r = BitReader::new(symbols);
    let truncated = CodeError::Truncated;
    let version = r.take(5).ok_or(truncated.clone())? as u8;
    if version != CODE_VERSION {
        return Err(if version > CODE_VERSION {
            CodeError::NewerVersion(version)
        } else {
            CodeError::OlderVersion(version)
        });
    }
    let page = r.take(10).ok_or(truncated.clone())? as u16;
    let bank_version = r.take(12).ok_or(truncated.clone())? as u16;
    let day = FIRST_DAY.plus(r.take(14).ok_or(truncated.clone())? as u32);
    let kind = r.take(3).ok_or(truncated.clone())?;
    let n = r.take(7).ok_or(truncated.clone())? as usize;
    let quiz = match kind {
        KIND_ITEM => CodeQuiz::Item(r.take(6).ok_or(truncated.clone())? as u8),
        KIND_WEEKLY => CodeQuiz::Weekly,
        KIND_MIXED | KIND_MISTAKES => {
            let size = r.take(7).ok_or(truncated.clone())? as u32;
            let width = bits_below(binomial(size, n as u32).unwrap_or(0));
            let rank = r.take(width).ok_or(truncated.clone())?;
            let set = subset_unrank(rank, size, n as u32)
                .ok_or(CodeError::Malformed)?
                .into_iter()
                .map(|p| p as u16)
                .collect();
            if kind == KIND_MIXED {
                CodeQuiz::Mixed(set)
            } else {
                CodeQuiz::Mistakes(set)
            }
        }
        KIND_MEETING => {
            let bits = r.take(35).ok_or(truncated.clone())? as u64;
            CodeQuiz::Meeting(MeetingCode::from_bits(bits).ok_or(CodeError::Malformed)?)
        }
        _ => return Err(CodeError::Malformed),
    };
    let right = r.take_bits(n).ok_or(truncated)?;
    let code = ResultCode {
        name: String::new(),
        page: page_id(page),
        quiz,
        bank_version,
        day,
        right,
    };
    Ok((code, r.symbols_used()))
}

impl CodeQuiz {
    /// The ids of the questions this quiz asked on `bank`, in the order the code's verdicts
    /// follow; empty when the bank does not have them.
    pub fn questions(&self, bank: &Bank) -> Vec<String> {
        let at = |positions: &[u16]| -> Vec<String> {
            positions
                .iter()
                .filter_map(|&p| bank.questions.get(usize::from(p)))
                .map(|q| q.id.to_string())
                .collect()
        };
        match self {
            CodeQuiz::Item(n) => match bank_items(bank).get(usize::from(*n)) {
                Some(item) => bank
                    .item_questions(item)
                    .map(|q| q.id.to_string())
                    .collect(),
                None => Vec::new(),
            },
            CodeQuiz::Weekly => crate::quiz::select::select(bank, &QuizKind::Weekly, 0)
                .into_iter()
                .map(|q| q.id.to_string())
                .collect(),
            CodeQuiz::Mixed(set) | CodeQuiz::Mistakes(set) => at(set),
            CodeQuiz::Meeting(code) => {
                crate::quiz::select::draw(bank, usize::from(code.questions), code.seed())
                    .into_iter()
                    .map(|q| q.id.to_string())
                    .collect()
            }
        }
    }

    /// The quiz's name as a member saw it, e.g. `读后测（第2篇）`, `现场测验 K3M-9QXT`.
    pub fn label(&self) -> String {
        match self {
            CodeQuiz::Item(n) => format!("读后测（第{}篇）", n + 1),
            CodeQuiz::Weekly => "每周一学测验".to_string(),
            CodeQuiz::Mixed(_) => "综合测验".to_string(),
            CodeQuiz::Mistakes(_) => "错题本".to_string(),
            CodeQuiz::Meeting(code) => format!("现场测验 {code}"),
        }
    }

    /// Which quiz this is, apart from the questions a draw picked: two attempts at the same
    /// quiz have the same identity.
    pub fn identity(&self) -> (u8, u64) {
        match self {
            CodeQuiz::Item(n) => (0, u64::from(*n)),
            CodeQuiz::Weekly => (1, 0),
            CodeQuiz::Mixed(_) => (2, 0),
            CodeQuiz::Mistakes(_) => (3, 0),
            CodeQuiz::Meeting(code) => (4, code.bits()),
        }
    }
}

/// The version of a bank, from its question ids in order: 12 bits (FNV-1a, folded).
pub fn bank_version<'a>(ids: impl IntoIterator<Item = &'a str>) -> u16 {
    let hash = fnv1a_32(ids.into_iter().flat_map(|id| id.bytes().chain([0])));
    ((hash ^ (hash >> 12) ^ (hash >> 24)) & 0xFFF) as u16
}

/// The page number of a page id: three digits.
pub fn page_number(id: &str) -> Option<u16> {
    (id.len() == 3 && id.bytes().all(|b| b.is_ascii_digit()))
        .then(|| id.parse().ok())
        .flatten()
}

/// The page id of a page number.
pub fn page_id(number: u16) -> String {
    format!("{number:03}")
}

/// A name as a code carries it: trimmed, not empty, at most [`MAX_NAME_CHARS`]
/// characters, no separator and no whitespace inside.
pub fn clean_name(name: &str) -> Option<String> {
    let name = name.trim();
    let ok = !name.is_empty()
        && name.chars().count() <= MAX_NAME_CHARS
        && !name
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || SEPARATORS.contains(&c));
    ok.then(|| name.to_string())
}

/// The items of a bank in the order its questions first name them.
fn bank_items(bank: &Bank) -> Vec<&str> {
    let mut items: Vec<&str> = Vec::new();
    for question in bank.questions.iter() {
        if !items.contains(&question.item.as_str()) {
            items.push(&question.item);
        }
    }
    items
}

/// What the check covers: the name, a separator, and the payload's symbols.
fn checked_bytes<'a>(name: &'a str, symbols: &'a [u8]) -> impl Iterator<Item = u8> + 'a {
    name.bytes().chain([b'/']).chain(symbols.iter().copied())
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::BadName => write!(f, "没有姓名，或姓名太长"),
            CodeError::NoPayload => write!(f, "只有「学习码」几个字，后面的码没有了"),
            CodeError::BadCharacter(c) => write!(f, "码里不会有「{c}」，可能被改动过"),
            CodeError::Truncated => write!(f, "码不完整，复制时少了后半截"),
            CodeError::Damaged => write!(f, "校验不符，码或姓名被改动过"),
            CodeError::NewerVersion(v) => {
                write!(f, "这是新版应用生成的码（第{v}版），请先更新本应用")
            }
            CodeError::OlderVersion(v) => {
                write!(f, "这是旧版应用生成的码（第{v}版），请成员更新后重新复制")
            }
            CodeError::Malformed => write!(f, "码的内容自相矛盾"),
        }
    }
}

impl std::error::Error for CodeError {}
