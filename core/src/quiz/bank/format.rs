//! The bank file (`assets/content/<page>/quiz.md`, next to `page.md`): questions as
//! diff-friendly text, one `key: value` line per field and one block per question, read
//! with a checker that grounds every question in the page, and written back canonically.
//!
//! ```text
//! # 本期测验                                  the bank's title
//! page: 000                                   the page the questions are about
//! drafted: draft-quiz                         only in a drafted bank, until reviewed
//!
//! ## a-byfe-2 single a-byfe                   question id, type, item id
//! prompt: 杭锦旗把什么作为重要抓手？          what the reader is asked
//! source: 杭锦旗把“为社区松绑减负”作为……     the sentence the answer comes from, verbatim
//! right: 为社区松绑减负                       single, multiple: a right option…
//! wrong: 开展公益集市等志愿服务活动           …and a wrong one (readers see them shuffled)
//! explanation: 原文：“杭锦旗把……”             shown once the answer is checked
//! reviewed: no                                in a drafted bank: yes once a person checked it
//!
//! ## a-byfe-4 truefalse a-byfe
//! prompt: 杭锦旗推广“一表通”应用，是为了……   a statement
//! answer: 错                                  truefalse: 对 or 错
//!
//! ## a-byfe-7 blank a-byfe
//! prompt: ……等民生实事____余件。              a blank's prompt holds the gap `____` once
//! answer: 400                                 blank: the answer…
//! accept: 400余件                             …and other answers that count (any number)
//!
//! ## a-i5x2-5 order a-i5x2
//! order: 议                                   order: 3–5 fragments, in the right order
//! order: 办
//! order: 督
//! order: 评
//! ```
//!
//! Types are `single` (单选), `multiple` (多选), `truefalse` (判断), `blank` (填空) and
//! `order` (排序). Every question needs `prompt`, `source` and `explanation`. Fields may
//! come in any order ([`write()`] puts them in the order shown), except that options and
//! fragments keep theirs: answers refer to options by their position in the file, and
//! fragments are listed in the right order. Values sit on one line with no spaces at
//! either end. Question ids are `<item id>-<n>` by convention, written once and never
//! renumbered: saved quizzes and 错题本 lists refer to them.
//!
//! Grounding rules, checked when the file is read:
//!
//! - The source is found verbatim in exactly one place of its item: the title, the deck,
//!   a paragraph, a quotation's text or a quotation's attribution as printed under it
//!   (`2019年1月2日，习近平致……的贺信`), so date and occasion questions cite that line. A
//!   source found in two places (a repeated paragraph) is refused as ambiguous; the place
//!   found becomes the question's [`Anchor`](super::model::Anchor).
//! - A blank's answer and each accepted answer appear in the source, compared by
//!   [`comparison_key`](crate::text::comparison_key) (width, spaces and punctuation ignored).
//! - An ordering's fragments appear verbatim in the source in the order listed.
//! - Options (and fragments, and a blank's answers) differ by comparison key.
//!
//! Quality rules ([`super::checks`]), for every bank: the explanation quotes at least 8
//! characters of the source, the prompt does not hold its answer, a question's options
//! are of one kind, and no prompt is asked twice.

mod grounding;
mod read;

use std::fmt;

use super::checks::{self, Check};
use super::model::{Bank, QuestionKind, GAP};
use crate::content::Page;
use crate::line_format::{self, push_field, LineError};

/// A bank file that cannot be read or does not fit its page, with the 1-based line.
pub type BankError = LineError<BankErrorKind>;

/// What is wrong with a bank file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BankErrorKind {
    /// The file does not start with `# <title>`.
    MissingTitle,
    /// The `page:` line names another page than the one the bank is checked against.
    WrongPage(String),
    /// A `key: value` line names a key that is not allowed where it stands.
    UnknownKey(String),
    /// A field that may be given once is given twice.
    RepeatedKey(String),
    /// A field belongs to another type of question (`order:` in a single choice…).
    FieldNotForType { key: String, kind: &'static str },
    /// A line is neither a heading, a field nor blank.
    UnexpectedLine,
    /// A value is empty or has spaces at either end.
    BadValue(String),
    /// A question heading is not `## <id> <type> <item>`.
    BadHeading,
    /// A question id is not made of lowercase letters, digits and `-`.
    BadId(String),
    /// `## <id> <type> <item>` names a type that does not exist.
    UnknownType(String),
    /// `## <id> <type> <item>` names an item the page does not have.
    UnknownItem(String),
    /// Two questions share an id.
    DuplicateId(String),
    /// A required field is missing.
    MissingField(&'static str),
    /// The source is not found verbatim in the item's title, deck, paragraphs or quotations.
    SourceNotFound,
    /// The source is found in more than one place of the item (named here).
    AmbiguousSource(Vec<String>),
    /// A choice question has fewer than two options (the number it has).
    TooFewOptions(usize),
    /// Two options, fragments or answers of one question are the same once compared.
    DuplicateOption(String),
    /// A single-choice question does not have exactly one right option (the number it has).
    SingleNotOneRight(usize),
    /// A multiple-choice question has fewer than two right options (the number it has).
    MultipleTooFewRight(usize),
    /// A true/false question does not have exactly one `answer:` (the number it has).
    TrueFalseNotOneAnswer(usize),
    /// A true/false answer is neither `对` nor `错`.
    BadTrueFalse(String),
    /// `reviewed:` is neither `yes` nor `no`.
    BadReviewed(String),
    /// A blank's prompt does not hold the gap `____` exactly once (the number it holds).
    GapCount(usize),
    /// A blank's answer or accepted answer is not in its source (compared by comparison key).
    AnswerNotInSource(String),
    /// An ordering does not have 3 to 5 fragments (the number it has).
    FragmentCount(usize),
    /// An ordering's fragment is not in the source after the fragments listed before it.
    FragmentOutOfOrder(String),
    /// The bank has no questions.
    NoQuestions,
    /// A quality rule fails (which, and the text at fault).
    Fails(Check, String),
}

/// Reads a bank file and checks every question against `page`, the page it quizzes on.
pub fn parse(text: &str, page: &Page) -> Result<Bank, BankError> {
    line_format::read(text, read::Parser::new(page))
}

/// Writes a bank in the canonical layout; `parse(&write(&bank), page)` gives it back.
pub fn write(bank: &Bank) -> String {
    let mut out = format!("# {}\npage: {}\n", bank.title, bank.page);
    if let Some(drafter) = &bank.drafted {
        push_field(&mut out, "drafted", drafter);
    }
    for question in bank.questions.iter() {
        out.push_str(&format!(
            "\n## {} {} {}\n",
            question.id,
            question.kind.keyword(),
            question.item
        ));
        push_field(&mut out, "prompt", &question.prompt);
        push_field(&mut out, "source", &question.source);
        match &question.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                for option in options.iter() {
                    let key = if option.correct { "right" } else { "wrong" };
                    push_field(&mut out, key, &option.text);
                }
            }
            QuestionKind::TrueFalse { answer } => {
                push_field(&mut out, "answer", if *answer { TRUE } else { FALSE })
            }
            QuestionKind::Blank { answer, accept } => {
                push_field(&mut out, "answer", answer);
                for alternative in accept.iter() {
                    push_field(&mut out, "accept", alternative);
                }
            }
            QuestionKind::Order { fragments } => {
                for fragment in fragments.iter() {
                    push_field(&mut out, "order", fragment);
                }
            }
        }
        push_field(&mut out, "explanation", &question.explanation);
        if bank.drafted.is_some() || !question.reviewed {
            push_field(
                &mut out,
                "reviewed",
                if question.reviewed { YES } else { NO },
            );
        }
    }
    out
}

impl fmt::Display for BankErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use BankErrorKind::*;
        match self {
            MissingTitle => write!(f, "the file must start with `# <title>`"),
            WrongPage(id) => write!(f, "`page: {id}` does not name the page next to this file"),
            UnknownKey(key) => write!(f, "unknown field `{key}` here"),
            RepeatedKey(key) => write!(f, "field `{key}` is given twice"),
            FieldNotForType { key, kind } => {
                write!(f, "field `{key}` does not belong in a `{kind}` question")
            }
            UnexpectedLine => write!(
                f,
                "expected a `## id type item` heading, a `key: value` field or a blank line"
            ),
            BadValue(key) => write!(f, "`{key}` is empty or has spaces at its ends"),
            BadHeading => write!(f, "a question heading is `## <id> <type> <item>`"),
            BadId(id) => write!(
                f,
                "bad question id `{id}`: use lowercase letters, digits and `-`, starting with a letter"
            ),
            UnknownType(kind) => write!(
                f,
                "unknown question type `{kind}` (expected single, multiple, truefalse, blank or order)"
            ),
            UnknownItem(item) => write!(f, "the page has no item `{item}`"),
            DuplicateId(id) => write!(f, "question id `{id}` is used twice"),
            MissingField(field) => write!(f, "missing `{field}`"),
            SourceNotFound => write!(f, "source sentence not found verbatim in the item"),
            AmbiguousSource(places) => write!(
                f,
                "source sentence found in more than one place of the item ({}); quote more of it",
                places.join(", ")
            ),
            TooFewOptions(n) => write!(f, "a choice question needs at least 2 options, not {n}"),
            DuplicateOption(text) => write!(f, "`{text}` is given twice in this question"),
            SingleNotOneRight(n) => {
                write!(f, "a single-choice question needs exactly 1 `right:` option, not {n}")
            }
            MultipleTooFewRight(n) => {
                write!(f, "a multiple-choice question needs at least 2 `right:` options, not {n}")
            }
            TrueFalseNotOneAnswer(n) => {
                write!(f, "a true/false question needs exactly 1 `answer:`, not {n}")
            }
            BadTrueFalse(value) => write!(f, "a true/false answer is `对` or `错`, not `{value}`"),
            BadReviewed(value) => write!(f, "`reviewed:` is `yes` or `no`, not `{value}`"),
            GapCount(n) => write!(f, "a blank's prompt must hold the gap `{GAP}` once, not {n} times"),
            AnswerNotInSource(answer) => write!(f, "answer `{answer}` is not in the source sentence"),
            FragmentCount(n) => write!(f, "an ordering needs 3 to 5 fragments, not {n}"),
            FragmentOutOfOrder(fragment) => write!(
                f,
                "fragment `{fragment}` is not in the source after the fragments before it"
            ),
            NoQuestions => write!(f, "the bank has no questions"),
            Fails(Check::ExplanationQuotesSource, _) => write!(
                f,
                "the explanation must quote at least {} characters of the source",
                checks::MIN_QUOTED
            ),
            Fails(Check::AnswerNotInPrompt, answer) => {
                write!(f, "the prompt gives away its answer `{answer}`")
            }
            Fails(Check::OptionsOfOneKind, option) => {
                write!(f, "option `{option}` is not of the same kind as the first option")
            }
            Fails(Check::PromptNotRepeated, prompt) => {
                write!(f, "prompt `{prompt}` is asked by an earlier question")
            }
        }
    }
}

pub(super) const TRUE: &str = "对";
pub(super) const FALSE: &str = "错";
pub(super) const YES: &str = "yes";
pub(super) const NO: &str = "no";
