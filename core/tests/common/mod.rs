//! What the core's tests share: page 000 and its question bank, read from the committed
//! content files with the same parsers the build uses, once per test binary.

#![allow(dead_code)]

use std::sync::OnceLock;

use xuexi_core::content::{format, Page};
use xuexi_core::quiz::{self, Answer, Bank, Question, QuestionKind};

/// The content file of page 000.
pub const PAGE_FILE: &str = include_str!("../../../assets/content/000/page.md");
/// The question bank of page 000.
pub const BANK_FILE: &str = include_str!("../../../assets/content/000/quiz.md");
/// The raw press text page 000 was imported from, kept beside its content file.
pub const SEED: &str = include_str!("../../../assets/content/000/000_e55f98a2df814c2a.txt");

/// Page 000, parsed.
pub fn page() -> &'static Page {
    static PAGE: OnceLock<Page> = OnceLock::new();
    PAGE.get_or_init(|| format::parse(PAGE_FILE).expect("page 000 parses"))
}

/// The question bank of page 000, checked against the page.
pub fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(|| quiz::bank::format::parse(BANK_FILE, page()).expect("bank 000 parses"))
}

/// A well-formed answer to `question` that is wrong (the core's `grade::right_answer` is the right one).
pub fn wrong_answer(question: &Question) -> Answer {
    match &question.kind {
        QuestionKind::Single { options } => {
            Answer::Choices(vec![options.iter().position(|o| !o.correct).unwrap()])
        }
        QuestionKind::Multiple { options } => {
            Answer::Choices(vec![options.iter().position(|o| o.correct).unwrap()])
        }
        QuestionKind::TrueFalse { answer } => Answer::TrueFalse(!answer),
        QuestionKind::Blank { .. } => Answer::Text("不知道".to_string()),
        QuestionKind::Order { fragments } => Answer::Order((0..fragments.len()).rev().collect()),
    }
}

/// The text of quotation `id` of the 每周一学 box on page 000.
pub fn quotation(id: &str) -> &'static str {
    let item = page()
        .item("q-6sst")
        .expect("the page has its quotation box");
    &item.quotation(id).expect("the box has this quotation").text
}
