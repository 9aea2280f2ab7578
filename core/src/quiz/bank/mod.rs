//! The question bank (`assets/content/<page>/quiz.md`): its model, the reader that checks
//! every question against the page it quizzes on, the writer, and the code generator
//! `build.rs` uses to compile banks into the app.
//!
//! `build.rs` compiles this folder on its own (through `#[path]`, without serde), so code
//! here reaches only `crate::content` and `crate::text`, never the rest of `quiz`.

pub mod format;
pub mod model;

pub use format::{BankError, BankErrorKind};
pub use model::{Anchor, Bank, Choice, Question, QuestionKind};
