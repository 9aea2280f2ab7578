//! 支部学习: the loop between members' phones and the branch secretary's, carried by a
//! WeChat group chat and nothing else (no server, no upload). Pure: no clock, no browser.
//!
//! - [`code`] — the result code (结果码): one line of text carrying a finished quiz, with a
//!   20-bit check that catches typos and truncation.
//! - [`meeting`] — the meeting code (现场测验): page, question count, draw and time limit in
//!   seven characters, so every member gets the same questions in the same order.
//! - [`chat`] — finds the codes in a pasted chat, and says why each damaged one is refused.
//! - [`merge`] — one result per member and quiz: duplicates merged, the latest wins.
//! - [`roster`] — the branch's names, parsed from a pasted list.
//! - [`summary`] — who studied which page, per-question error rates, the 台账 as rows,
//!   text and CSV.

pub mod base32;
pub mod chat;
pub mod code;
pub mod meeting;
pub mod merge;
pub mod roster;
pub mod summary;

pub use chat::{extract, Extracted, Found, Refusal, Refused};
pub use code::{bank_version, CodeError, CodeQuiz, ResultCode, CODE_PREFIX};
pub use meeting::{MeetingCode, MeetingError, TIME_LIMITS};
pub use merge::{merge, Merged};
pub use roster::parse_roster;
pub use summary::{LedgerRow, PageStudy, QuestionStat, Summary};
