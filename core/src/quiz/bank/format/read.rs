//! The bank file's reader: headings and fields of `quiz.md` read line by line into
//! questions, each checked against its item (see [`super::grounding`]) and the quality
//! rules when its last line is read.

use std::collections::HashSet;

use super::grounding::{self, check_distinct, find_anchor};
use super::{BankError, BankErrorKind, FALSE, NO, TRUE, YES};
use crate::content::format::is_valid_id;
use crate::content::{Item, Page};
use crate::line_format::{self, LineReader};
use crate::quiz::bank::checks::{self, Check, SeenPrompts};
use crate::quiz::bank::model::{Bank, Choice, Question, QuestionKind, GAP};

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

pub(super) struct Parser<'p> {
    page: &'p Page,
    bank: Option<Bank>,
    page_seen: bool,
    questions: Vec<Question>,
    ids: HashSet<String>,
    prompts: SeenPrompts,
    draft: Option<Draft<'p>>,
}

impl<'p> LineReader for Parser<'p> {
    type Kind = BankErrorKind;
    type Output = Bank;

    const MISSING_TITLE: BankErrorKind = BankErrorKind::MissingTitle;
    const UNEXPECTED_LINE: BankErrorKind = BankErrorKind::UnexpectedLine;

    fn bad_value(key: String) -> BankErrorKind {
        BankErrorKind::BadValue(key)
    }

    fn title(&mut self, title: &str) {
        self.bank = Some(Bank {
            page: String::new(),
            title: title.to_string(),
            drafted: None,
            questions: Vec::new(),
        });
    }

    fn heading(&mut self, line: usize, heading: &str) -> Result<(), BankError> {
        self.finish_question()?;
        if !self.page_seen {
            return Err(BankError {
                line: 1,
                kind: BankErrorKind::MissingField("page"),
            });
        }
        self.start_question(line, heading)
            .map_err(|kind| BankError { line, kind })
    }

    fn field(&mut self, line: usize, key: &str, value: &str) -> Result<(), BankErrorKind> {
        let value = line_format::checked_value(key, value, Self::bad_value)?;
        match self.draft.as_mut() {
            None => self.set_header_field(key, value),
            Some(draft) => draft.set_field(line, key, value),
        }
    }

    fn finish(mut self, n_lines: usize) -> Result<Bank, BankError> {
        self.finish_question()?;
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
                line: n_lines.max(1),
                kind: BankErrorKind::NoQuestions,
            });
        }
        bank.questions = self.questions;
        Ok(bank)
    }
}

impl<'p> Parser<'p> {
    pub(super) fn new(page: &'p Page) -> Self {
        Parser {
            page,
            bank: None,
            page_seen: false,
            questions: Vec::new(),
            ids: HashSet::new(),
            prompts: SeenPrompts::default(),
            draft: None,
        }
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
            .chain(lines_and_texts(&self.accepts))
            .collect();
        grounding::check_answers_in_source(&all_answers, source)?;
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
        grounding::check_fragments_in_order(lines_and_texts(&self.fragments), source)?;
        let fragments: Vec<_> = self
            .fragments
            .iter()
            .map(|(_, text)| text.clone())
            .collect();
        Ok(QuestionKind::Order { fragments })
    }
}

fn lines_and_texts(values: &[Located]) -> impl Iterator<Item = (usize, &str)> + Clone {
    values.iter().map(|(line, text)| (*line, text.as_str()))
}
