//! The question bank (`assets/content/<page>/quiz.md`): its model, the reader that checks
//! every question against the page it quizzes on, the quality checks, and the writer.

pub mod checks;
pub mod format;
pub mod model;

pub use format::{BankError, BankErrorKind};
pub use model::{Anchor, Bank, Choice, Question, QuestionKind};
