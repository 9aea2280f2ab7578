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
//! come in any order ([`write`] puts them in the order shown), except that options and
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
//!   found becomes the question's [`Anchor`].
//! - A blank's answer and each accepted answer appear in the source, compared by
//!   [`comparison_key`] (width, spaces and punctuation ignored).
//! - An ordering's fragments appear verbatim in the source in the order listed.
//! - Options (and fragments, and a blank's answers) differ by comparison key.
//!
//! Quality rules ([`super::checks`]), for every bank: the explanation quotes at least 8
//! characters of the source, the prompt does not hold its answer, a question's options
//! are of one kind, and no prompt is asked twice.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;

use super::checks::{self, Check, SeenPrompts};
use super::model::{attribution, Anchor, Bank, Choice, Question, QuestionKind, GAP};
use crate::content::format::is_valid_id;
use crate::content::{Item, Page};
use crate::text::comparison_key;

/// A bank file that cannot be read or does not fit its page, with the 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankError {
    pub line: usize,
    pub kind: BankErrorKind,
}

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
    Parser {
        page,
        bank: None,
        page_seen: false,
        questions: Vec::new(),
        ids: HashSet::new(),
        prompts: SeenPrompts::default(),
        draft: None,
    }
    .run(text)
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

impl BankError {
    /// The error as `file:line: what is wrong`, the form build failures use.
    pub fn located(&self, file: &str) -> String {
        format!("{file}:{self}")
    }
}

impl fmt::Display for BankError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.line, self.kind)
    }
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

impl std::error::Error for BankError {}

const TRUE: &str = "对";
const FALSE: &str = "错";
const YES: &str = "yes";
const NO: &str = "no";

fn push_field(out: &mut String, key: &str, value: &str) {
    out.push_str(&format!("{key}: {value}\n"));
}

/// A question type as named in a heading, before its fields are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Type {
    Single,
    Multiple,
    TrueFalse,
    Blank,
    Order,
}

impl Type {
    fn from_keyword(word: &str) -> Option<Type> {
        Some(match word {
            "single" => Type::Single,
            "multiple" => Type::Multiple,
            "truefalse" => Type::TrueFalse,
            "blank" => Type::Blank,
            "order" => Type::Order,
            _ => return None,
        })
    }

    fn keyword(self) -> &'static str {
        match self {
            Type::Single => "single",
            Type::Multiple => "multiple",
            Type::TrueFalse => "truefalse",
            Type::Blank => "blank",
            Type::Order => "order",
        }
    }

    /// Whether a field with this key belongs in a question of this type.
    fn allows(self, key: &str) -> bool {
        match key {
            "right" | "wrong" => matches!(self, Type::Single | Type::Multiple),
            "answer" => matches!(self, Type::TrueFalse | Type::Blank),
            "accept" => self == Type::Blank,
            "order" => self == Type::Order,
            _ => false,
        }
    }
}

/// A value and the line it was found on.
type Located = (usize, String);

/// A question being read, with the line of each part for the checks at its end.
struct Draft<'p> {
    line: usize,
    id: String,
    kind: Type,
    item: &'p Item,
    prompt: Option<Located>,
    source: Option<Located>,
    explanation: Option<Located>,
    reviewed: Option<Located>,
    /// Whether the bank is drafted: its questions are unreviewed unless they say so.
    drafted: bool,
    /// Options of a choice question: line, text, whether right.
    options: Vec<(usize, String, bool)>,
    answers: Vec<Located>,
    accepts: Vec<Located>,
    fragments: Vec<Located>,
}

struct Parser<'p> {
    page: &'p Page,
    bank: Option<Bank>,
    page_seen: bool,
    questions: Vec<Question>,
    ids: HashSet<String>,
    prompts: SeenPrompts,
    draft: Option<Draft<'p>>,
}

impl<'p> Parser<'p> {
    fn run(mut self, text: &str) -> Result<Bank, BankError> {
        for (idx, raw_line) in text.lines().enumerate() {
            let line = idx + 1;
            let err = |kind| BankError { line, kind };
            if idx == 0 {
                let title = raw_line
                    .strip_prefix("# ")
                    .ok_or(err(BankErrorKind::MissingTitle))?;
                let title = checked_value("title", title).map_err(err)?;
                self.bank = Some(Bank {
                    page: String::new(),
                    title: title.to_string(),
                    drafted: None,
                    questions: Vec::new(),
                });
                continue;
            }
            if raw_line.is_empty() {
                continue;
            }
            if let Some(heading) = raw_line.strip_prefix("## ") {
                self.finish_question()?;
                if !self.page_seen {
                    return Err(BankError {
                        line: 1,
                        kind: BankErrorKind::MissingField("page"),
                    });
                }
                self.start_question(line, heading).map_err(err)?;
                continue;
            }
            let (key, value) = raw_line
                .split_once(": ")
                .ok_or(err(BankErrorKind::UnexpectedLine))?;
            let value = checked_value(key, value).map_err(err)?;
            match self.draft.as_mut() {
                None => self.set_header_field(key, value).map_err(err)?,
                Some(draft) => draft.set_field(line, key, value).map_err(err)?,
            }
        }
        self.finish_question()?;
        let n_lines = text.lines().count().max(1);
        let mut bank = self.bank.take().ok_or(BankError {
            line: 1,
            kind: BankErrorKind::MissingTitle,
        })?;
        if !self.page_seen {
            return Err(BankError {
                line: 1,
                kind: BankErrorKind::MissingField("page"),
            });
        }
        if self.questions.is_empty() {
            return Err(BankError {
                line: n_lines,
                kind: BankErrorKind::NoQuestions,
            });
        }
        bank.questions = self.questions;
        Ok(bank)
    }

    fn set_header_field(&mut self, key: &str, value: &str) -> Result<(), BankErrorKind> {
        if key == "drafted" {
            let bank = self.bank.as_mut().ok_or(BankErrorKind::MissingTitle)?;
            if bank.drafted.replace(value.to_string()).is_some() {
                return Err(BankErrorKind::RepeatedKey(key.to_string()));
            }
            return Ok(());
        }
        if key != "page" {
            return Err(BankErrorKind::UnknownKey(key.to_string()));
        }
        if self.page_seen {
            return Err(BankErrorKind::RepeatedKey(key.to_string()));
        }
        if value != self.page.id {
            return Err(BankErrorKind::WrongPage(value.to_string()));
        }
        self.page_seen = true;
        if let Some(bank) = self.bank.as_mut() {
            bank.page = value.to_string();
        }
        Ok(())
    }

    fn start_question(&mut self, line: usize, heading: &str) -> Result<(), BankErrorKind> {
        let words: Vec<&str> = heading.split(' ').collect();
        let [id, kind, item] = words[..] else {
            return Err(BankErrorKind::BadHeading);
        };
        if !is_valid_id(id) {
            return Err(BankErrorKind::BadId(id.to_string()));
        }
        let kind =
            Type::from_keyword(kind).ok_or_else(|| BankErrorKind::UnknownType(kind.to_string()))?;
        let item = self
            .page
            .item(item)
            .ok_or_else(|| BankErrorKind::UnknownItem(item.to_string()))?;
        if !self.ids.insert(id.to_string()) {
            return Err(BankErrorKind::DuplicateId(id.to_string()));
        }
        self.draft = Some(Draft {
            line,
            id: id.to_string(),
            kind,
            item,
            prompt: None,
            source: None,
            explanation: None,
            reviewed: None,
            drafted: self
                .bank
                .as_ref()
                .is_some_and(|bank| bank.drafted.is_some()),
            options: Vec::new(),
            answers: Vec::new(),
            accepts: Vec::new(),
            fragments: Vec::new(),
        });
        Ok(())
    }

    fn finish_question(&mut self) -> Result<(), BankError> {
        if let Some(draft) = self.draft.take() {
            let prompt_line = draft.prompt.as_ref().map_or(draft.line, |(line, _)| *line);
            let question = draft.finish()?;
            if !self.prompts.insert(&question.prompt) {
                return Err(BankError {
                    line: prompt_line,
                    kind: BankErrorKind::Fails(Check::PromptNotRepeated, question.prompt),
                });
            }
            self.questions.push(question);
        }
        Ok(())
    }
}

impl Draft<'_> {
    fn set_field(&mut self, line: usize, key: &str, value: &str) -> Result<(), BankErrorKind> {
        let located = (line, value.to_string());
        let single_slot = match key {
            "prompt" => Some(&mut self.prompt),
            "source" => Some(&mut self.source),
            "explanation" => Some(&mut self.explanation),
            "reviewed" => Some(&mut self.reviewed),
            _ => None,
        };
        if let Some(slot) = single_slot {
            if slot.replace(located).is_some() {
                return Err(BankErrorKind::RepeatedKey(key.to_string()));
            }
            return Ok(());
        }
        if !["right", "wrong", "answer", "accept", "order"].contains(&key) {
            return Err(BankErrorKind::UnknownKey(key.to_string()));
        }
        if !self.kind.allows(key) {
            return Err(BankErrorKind::FieldNotForType {
                key: key.to_string(),
                kind: self.kind.keyword(),
            });
        }
        match key {
            "right" | "wrong" => self.options.push((line, located.1, key == "right")),
            "answer" if self.kind == Type::Blank && !self.answers.is_empty() => {
                return Err(BankErrorKind::RepeatedKey(key.to_string()))
            }
            "answer" => self.answers.push(located),
            "accept" => self.accepts.push(located),
            _ => self.fragments.push(located),
        }
        Ok(())
    }

    /// Checks the question once all its lines are read. Errors point at the line of the
    /// field at fault, or at the heading when something is missing or miscounted.
    fn finish(self) -> Result<Question, BankError> {
        let at = |line: usize| move |kind| BankError { line, kind };
        let heading = at(self.line);
        let missing = |field| heading(BankErrorKind::MissingField(field));
        let (_, prompt) = self.prompt.clone().ok_or_else(|| missing("prompt"))?;
        let (source_line, source) = self.source.clone().ok_or_else(|| missing("source"))?;
        let (_, explanation) = self
            .explanation
            .clone()
            .ok_or_else(|| missing("explanation"))?;
        let anchor = find_anchor(self.item, &source).map_err(at(source_line))?;
        let kind = match self.kind {
            Type::Single | Type::Multiple => self.choice_kind()?,
            Type::TrueFalse => self.true_false_kind()?,
            Type::Blank => self.blank_kind(&prompt, &source)?,
            Type::Order => self.order_kind(&source)?,
        };
        let reviewed = match &self.reviewed {
            None => !self.drafted,
            Some((_, value)) if value == YES => true,
            Some((_, value)) if value == NO => false,
            Some((line, value)) => {
                return Err(BankError {
                    line: *line,
                    kind: BankErrorKind::BadReviewed(value.clone()),
                })
            }
        };
        let question = Question {
            id: self.id,
            item: self.item.id.clone(),
            kind,
            prompt,
            source,
            anchor,
            explanation,
            reviewed,
        };
        checks::check_question(&question).map_err(|(check, detail)| BankError {
            line: self.line,
            kind: BankErrorKind::Fails(check, detail),
        })?;
        Ok(question)
    }

    fn error(&self, kind: BankErrorKind) -> BankError {
        BankError {
            line: self.line,
            kind,
        }
    }

    fn choice_kind(&self) -> Result<QuestionKind, BankError> {
        let n_options = self.options.len();
        if n_options < 2 {
            return Err(self.error(BankErrorKind::TooFewOptions(n_options)));
        }
        check_distinct(
            self.options
                .iter()
                .map(|(line, text, _)| (*line, text.as_str())),
        )?;
        let n_right = self.options.iter().filter(|(_, _, right)| *right).count();
        let options: Vec<Choice> = self
            .options
            .iter()
            .map(|(_, text, correct)| Choice {
                text: text.clone(),
                correct: *correct,
            })
            .collect();
        if self.kind == Type::Single {
            if n_right != 1 {
                return Err(self.error(BankErrorKind::SingleNotOneRight(n_right)));
            }
            Ok(QuestionKind::Single { options })
        } else {
            if n_right < 2 {
                return Err(self.error(BankErrorKind::MultipleTooFewRight(n_right)));
            }
            Ok(QuestionKind::Multiple { options })
        }
    }

    fn true_false_kind(&self) -> Result<QuestionKind, BankError> {
        let [(line, value)] = &self.answers[..] else {
            let n_answers = self.answers.len();
            let line = self.answers.get(1).map_or(self.line, |(line, _)| *line);
            return Err(BankError {
                line,
                kind: BankErrorKind::TrueFalseNotOneAnswer(n_answers),
            });
        };
        let answer = match value.as_str() {
            TRUE => true,
            FALSE => false,
            _ => {
                return Err(BankError {
                    line: *line,
                    kind: BankErrorKind::BadTrueFalse(value.clone()),
                })
            }
        };
        Ok(QuestionKind::TrueFalse { answer })
    }

    fn blank_kind(&self, prompt: &str, source: &str) -> Result<QuestionKind, BankError> {
        let Some((answer_line, answer)) = self.answers.first() else {
            return Err(self.error(BankErrorKind::MissingField("answer")));
        };
        let n_gaps = prompt.matches(GAP).count();
        if n_gaps != 1 {
            let prompt_line = self.prompt.as_ref().map_or(self.line, |(line, _)| *line);
            return Err(BankError {
                line: prompt_line,
                kind: BankErrorKind::GapCount(n_gaps),
            });
        }
        let all_answers: Vec<(usize, &str)> = std::iter::once((*answer_line, answer.as_str()))
            .chain(
                self.accepts
                    .iter()
                    .map(|(line, text)| (*line, text.as_str())),
            )
            .collect();
        check_distinct(all_answers.iter().copied())?;
        let source_key = comparison_key(source);
        for (line, text) in &all_answers {
            let key = comparison_key(text);
            if key.is_empty() || !source_key.contains(&key) {
                return Err(BankError {
                    line: *line,
                    kind: BankErrorKind::AnswerNotInSource(text.to_string()),
                });
            }
        }
        let accept: Vec<_> = self.accepts.iter().map(|(_, text)| text.clone()).collect();
        Ok(QuestionKind::Blank {
            answer: answer.clone(),
            accept,
        })
    }

    fn order_kind(&self, source: &str) -> Result<QuestionKind, BankError> {
        let n_fragments = self.fragments.len();
        if !(3..=5).contains(&n_fragments) {
            return Err(self.error(BankErrorKind::FragmentCount(n_fragments)));
        }
        check_distinct(
            self.fragments
                .iter()
                .map(|(line, text)| (*line, text.as_str())),
        )?;
        let mut rest = source;
        for (line, fragment) in &self.fragments {
            let Some(at) = rest.find(fragment.as_str()) else {
                return Err(BankError {
                    line: *line,
                    kind: BankErrorKind::FragmentOutOfOrder(fragment.clone()),
                });
            };
            rest = &rest[at + fragment.len()..];
        }
        let fragments: Vec<_> = self
            .fragments
            .iter()
            .map(|(_, text)| text.clone())
            .collect();
        Ok(QuestionKind::Order { fragments })
    }
}

/// The one place of `item` that holds `source` verbatim.
fn find_anchor(item: &Item, source: &str) -> Result<Anchor, BankErrorKind> {
    let mut places: Vec<(Anchor, Cow<'_, str>)> = Vec::new();
    if let Some(title) = &item.title {
        places.push((Anchor::Title, Cow::Borrowed(title)));
    }
    if let Some(deck) = &item.deck {
        places.push((Anchor::Deck, Cow::Borrowed(deck)));
    }
    for paragraph in item.paragraphs.iter() {
        places.push((
            Anchor::Paragraph(paragraph.id.clone()),
            Cow::Borrowed(&paragraph.text),
        ));
    }
    for quotation in item.quotations.iter() {
        places.push((
            Anchor::Quotation(quotation.id.clone()),
            Cow::Borrowed(&quotation.text),
        ));
        places.push((
            Anchor::Attribution(quotation.id.clone()),
            Cow::Owned(attribution(quotation)),
        ));
    }
    let mut found: Vec<Anchor> = places
        .into_iter()
        .filter(|(_, text)| text.contains(source))
        .map(|(anchor, _)| anchor)
        .collect();
    match found.len() {
        0 => Err(BankErrorKind::SourceNotFound),
        1 => Ok(found.remove(0)),
        _ => Err(BankErrorKind::AmbiguousSource(
            found.iter().map(place_name).collect(),
        )),
    }
}

/// How an error message names a place in an item: `title`, `deck`, `p3`, `q1 attribution`.
fn place_name(anchor: &Anchor) -> String {
    match anchor {
        Anchor::Title => "title".to_string(),
        Anchor::Deck => "deck".to_string(),
        Anchor::Paragraph(id) | Anchor::Quotation(id) => id.to_string(),
        Anchor::Attribution(id) => format!("{id} attribution"),
    }
}

/// Fails on the second of two values that are the same by comparison key.
fn check_distinct<'a>(values: impl Iterator<Item = (usize, &'a str)>) -> Result<(), BankError> {
    let mut seen = HashSet::new();
    for (line, text) in values {
        if !seen.insert(comparison_key(text)) {
            return Err(BankError {
                line,
                kind: BankErrorKind::DuplicateOption(text.to_string()),
            });
        }
    }
    Ok(())
}

fn checked_value<'a>(key: &str, value: &'a str) -> Result<&'a str, BankErrorKind> {
    if value.is_empty() || value.trim() != value {
        return Err(BankErrorKind::BadValue(key.to_string()));
    }
    Ok(value)
}
