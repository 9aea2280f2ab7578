//! What the core's tests share: page 000 and its question bank, read from the committed
//! content files with the same parsers the build uses, once per test binary.

#![allow(dead_code)]

pub mod browser;

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

/// A reader's progress: an item read past its middle, a favourite, a question answered
/// wrong (a review card), a finished quiz and a day studied.
pub fn progress_sample() -> xuexi_core::progress::Progress {
    use xuexi_core::progress::{Attempt, Progress, ProgressAction};
    Progress::default()
        .apply(ProgressAction::Scrolled {
            key: item_key("000/a-byfe"),
            percent: 70,
            position: 600,
        })
        .apply(ProgressAction::ToggleFavourite {
            route: "000/a-byfe.html".into(),
            at_ms: 10,
        })
        .apply(ProgressAction::Answered {
            question: question_key("000/a-byfe-1"),
            answer: Answer::TrueFalse(true),
            correct: false,
            day: 20_000,
        })
        .apply(ProgressAction::Finished(Attempt {
            quiz: quiz_key("000/quiz-a-byfe"),
            score: 8,
            total: 10,
            percent: 80,
            time_ms: 60_000,
            finished_ms: 100,
        }))
        .apply(ProgressAction::Studied(20_000))
}

/// The ids an import of page 000 may name, a few of each kind.
pub fn progress_catalog() -> xuexi_core::progress::Catalog {
    xuexi_core::progress::Catalog {
        items: ["000/a-byfe", "000/a-7n4l"].map(item_key).into(),
        questions: ["000/a-byfe-1", "000/a-byfe-2"].map(question_key).into(),
        quizzes: [
            (quiz_key("000/quiz-a-byfe"), 10),
            (quiz_key("000/quiz-mixed"), 10),
        ]
        .into(),
        routes: ["000/a-byfe.html", "000/a-7n4l.html"]
            .map(String::from)
            .into(),
        quotations: [quotation_key("000/q-6sst/q1")].into(),
    }
}

/// An item's progress key, `000/a-byfe`.
pub fn item_key(text: &str) -> xuexi_core::progress::ItemKey {
    xuexi_core::progress::ItemKey::parse(text).expect("an item key")
}

/// A question's progress key, `000/a-byfe-3`.
pub fn question_key(text: &str) -> xuexi_core::progress::QuestionKey {
    xuexi_core::progress::QuestionKey::parse(text).expect("a question key")
}

/// A quiz's progress key, `000/quiz-a-byfe`.
pub fn quiz_key(text: &str) -> xuexi_core::progress::QuizKey {
    xuexi_core::progress::QuizKey::parse(text).expect("a quiz key")
}

/// A quotation's progress key, `000/q-6sst/q2`.
pub fn quotation_key(text: &str) -> xuexi_core::progress::QuotationKey {
    xuexi_core::progress::QuotationKey::parse(text).expect("a quotation key")
}

/// The text of quotation `id` of the 每周一学 box on page 000.
pub fn quotation(id: &str) -> &'static str {
    let item = page()
        .item("q-6sst")
        .expect("the page has its quotation box");
    &item.quotation(id).expect("the box has this quotation").text
}
