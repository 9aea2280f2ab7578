//! Self-test quizzes: the question bank and its grounding checks, quiz kinds and draws,
//! sessions as a pure state machine, and scoring. Pure: no browser APIs, no clock.
//!
//! - [`bank`] — the bank's model, the `quiz.md` reader/checker/writer and the quality
//!   checks every question passes.
//! - [`draft`] — the rules-based drafter of grounded questions for a new page.
//! - [`select`] — which questions a quiz asks (读后测, 每周一学, 综合测验, 错题本).
//! - [`session`] — `QuizSession::apply(bank, action)`: start, answer, check, next,
//!   finish, retry, each returning the events to record; the result and per-question
//!   review.
//! - [`grade`] — answers (options by original index) and grading.
//! - [`rng`] — the seeded SplitMix64 behind draws and shuffles.

pub mod bank;
pub mod draft;
pub mod grade;
pub mod rng;
pub mod select;
pub mod session;

pub use bank::{Anchor, Bank, BankError, BankErrorKind, Choice, Question, QuestionKind};
pub use grade::{grade, right_answer, Answer};
pub use select::{QuizKind, MIXED_SIZE};
pub use session::{Action, Phase, QuizError, QuizEvent, QuizResult, QuizSession, Review, Slot};
