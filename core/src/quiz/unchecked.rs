//! Answers given but not checked yet, stored apart from the progress: each keystroke in a
//! blank (or each pick) writes this small record instead of all the progress, and a tab
//! closed before 提交答案 loses nothing. Checking saves the session with its answer, and
//! the unchecked answer is then forgotten.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bank::Bank;
use super::grade::Answer;
use super::session::{Action, QuizSession};

/// Every quiz's unchecked answer, by quiz key (`000/quiz-a-byfe`): two tabs typing in two
/// quizzes keep both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UncheckedAnswers(BTreeMap<String, UncheckedAnswer>);

/// The answer to one slot of one attempt, not checked yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UncheckedAnswer {
    /// The attempt's seed and number: a retry's slots are other slots.
    pub seed: u64,
    pub attempt: u32,
    /// The slot answered, and the question it asks.
    pub slot: usize,
    pub question: String,
    pub answer: Answer,
}

impl UncheckedAnswer {
    /// The answer given to `session`'s current question and not checked yet, if there is one.
    pub fn of(session: &QuizSession) -> Option<UncheckedAnswer> {
        let slot = session.current_slot()?;
        if slot.correct.is_some() {
            return None;
        }
        Some(UncheckedAnswer {
            seed: session.seed,
            attempt: session.attempt,
            slot: session.current,
            question: slot.question.clone(),
            answer: slot.answer.clone()?,
        })
    }

    /// `session` with this answer back in its slot when it is the same attempt, still at
    /// that slot and the slot still unchecked; otherwise `session` as it is. The answer goes
    /// through [`QuizSession::apply`], so one that no longer fits the question is dropped.
    pub fn restore(&self, bank: &Bank, session: QuizSession) -> QuizSession {
        let same_place = session.seed == self.seed
            && session.attempt == self.attempt
            && session.current == self.slot
            && session
                .current_slot()
                .is_some_and(|slot| slot.question == self.question && slot.correct.is_none());
        if !same_place {
            return session;
        }
        session.apply(bank, Action::Answer(self.answer.clone())).0
    }
}

impl UncheckedAnswers {
    /// Reads the stored form; nothing stored, or text this build cannot read (it only
    /// ever holds answers not yet checked), is no unchecked answer.
    pub fn parse(stored: Option<&str>) -> UncheckedAnswers {
        stored
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default()
    }

    /// The stored form.
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("answers always serialise")
    }

    /// Quiz `quiz`'s unchecked answer.
    pub fn get(&self, quiz: &str) -> Option<&UncheckedAnswer> {
        self.0.get(quiz)
    }

    /// Keeps `answer` as quiz `quiz`'s unchecked answer, or with `None` forgets it.
    pub fn set(&mut self, quiz: &str, answer: Option<UncheckedAnswer>) {
        match answer {
            Some(answer) => self.0.insert(quiz.to_string(), answer),
            None => self.0.remove(quiz),
        };
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
