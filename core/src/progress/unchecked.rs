//! Answers given but not checked yet, stored apart from the progress: each keystroke in a
//! blank (or each pick) writes this small record of the quiz being answered instead of all
//! the progress, and a tab closed before 提交答案 loses nothing. Checking saves the session
//! with its answer in the progress, and the unchecked answer is then forgotten.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::QuizKey;
use crate::quiz::{Action, Bank, QuizSession};

/// Each quiz's session as it stands with an answer not checked yet, by quiz key
/// (`000/quiz-a-byfe`): two tabs typing in two quizzes keep both. (The same map as
/// [`super::Progress::in_progress`], read and written as that is, so the wasm needs no
/// reader of its own for it.)
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UncheckedAnswers(BTreeMap<QuizKey, QuizSession>);

impl UncheckedAnswers {
    /// Reads the stored form; nothing stored, or text this build cannot read (it only
    /// ever holds answers not yet checked), is no unchecked answer. Read through a JSON
    /// value, as the progress is.
    pub fn parse(stored: Option<&str>) -> UncheckedAnswers {
        stored
            .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
            .and_then(|value| serde_json::from_value(value).ok())
            .unwrap_or_default()
    }

    /// The stored form.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("sessions always serialise")
    }

    /// Keeps `session` as quiz `quiz`'s when its current question has an answer not
    /// checked yet, and otherwise forgets the quiz's unchecked answer.
    pub fn keep(&mut self, quiz: &QuizKey, session: &QuizSession) {
        let unchecked = session
            .current_slot()
            .is_some_and(|slot| slot.answer.is_some() && slot.correct.is_none());
        if unchecked {
            self.0.insert(quiz.clone(), session.clone());
        } else {
            self.0.remove(quiz);
        }
    }

    /// `saved`, quiz `quiz`'s session, with its unchecked answer back in place when that
    /// was given in the same attempt at the question `saved` is asking, still unchecked;
    /// otherwise `saved` as it is. The answer goes through [`QuizSession::apply`], so one
    /// that no longer fits the question is dropped.
    pub fn restore(&self, quiz: &QuizKey, bank: &Bank, saved: QuizSession) -> QuizSession {
        let Some(unchecked) = self.0.get(quiz) else {
            return saved;
        };
        let (Some(slot), Some(then)) = (saved.current_slot(), unchecked.current_slot()) else {
            return saved;
        };
        let same_place = (saved.seed, saved.attempt, saved.current)
            == (unchecked.seed, unchecked.attempt, unchecked.current)
            && slot.question == then.question
            && slot.correct.is_none();
        match &then.answer {
            Some(answer) if same_place => saved.apply(bank, Action::Answer(answer.clone())).0,
            _ => saved,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
