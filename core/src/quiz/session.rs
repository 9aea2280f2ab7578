//! A quiz in progress as a pure state machine: `QuizSession::apply(bank, action)` returns
//! the next state and what happened ([`QuizEvent`]s, for the caller to record), and an
//! action that does not fit the state returns it unchanged with no events. Time comes in
//! with the actions (milliseconds), so the core has no clock.
//!
//! ```text
//!        Start          Answer* → Check → Next … Answer* → Check → Finish
//! Ready ───────▶ Running ─────────────────────────────────────────────▶ Finished
//!                   │ TimeUp (a meeting's time limit) ────────────────────▶ │
//!                   ▲                       Retry (new seed)                │
//!                   └───────────────────────────────────────────────────────┘
//! ```
//!
//! A session is serde-serializable (the UI saves it across reloads); it names questions
//! by id and options by their original index, and [`QuizSession::validate`] says whether a
//! restored session still fits the bank.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::bank::{Bank, Question, QuestionKind};
use super::grade::{fits, grade, is_distinct_below, right_answer, Answer};
use super::rng::{derive_seed, permutation};
use super::select::{select, QuizKind};

/// A quiz being taken: its questions (slots), where the reader is, and the clock readings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizSession {
    /// The id of the page whose bank the questions come from.
    pub page: String,
    pub kind: QuizKind,
    /// The seed of this attempt: it fixed the draw and every option order.
    pub seed: u64,
    /// 1 for the first attempt, one more for each retry.
    pub attempt: u32,
    pub phase: Phase,
    /// The questions in the order asked; a 错题本 quiz appends a slot for each mistake.
    pub slots: Vec<Slot>,
    /// The index of the slot being asked.
    pub current: usize,
    /// When `Start` (or `Retry`) happened, in the caller's milliseconds.
    pub started_ms: Option<u64>,
    /// When `Finish` happened.
    pub finished_ms: Option<u64>,
}

/// Where a session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Drawn, not started: the clock has not begun.
    Ready,
    /// Questions are being asked and answered.
    Running,
    /// Every slot is checked; the result is ready.
    Finished,
}

/// One question as asked in this session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// The question's id in the bank.
    pub question: String,
    /// The order to show the options (or fragments, as the ordering starts out) in, as
    /// original indices; empty for true/false and blanks.
    pub order: Vec<usize>,
    /// The reader's answer so far; it may change until the slot is checked.
    pub answer: Option<Answer>,
    /// Whether the answer was right, once checked; the answer is then locked.
    pub correct: Option<bool>,
}

/// What a reader (or the UI's clock) does to a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Begin answering; starts the clock. Only when `Ready`.
    Start { now_ms: u64 },
    /// Set (or, with an empty answer, clear) the current question's answer. Only before
    /// it is checked, and only with an answer that fits the question.
    Answer(Answer),
    /// Lock the current answer and reveal right or wrong and the explanation. Only when
    /// the current question has an answer.
    Check,
    /// Go on to the next question. Only once the current one is checked and is not last.
    Next,
    /// End the quiz. Only once the last question is checked (in a 错题本 quiz, once every
    /// mistake has been answered right).
    Finish { now_ms: u64 },
    /// The time limit of a 现场测验 is over: every question not yet checked counts as
    /// wrong and the quiz ends. Only when running a meeting's quiz with a time limit, at or
    /// after its end.
    TimeUp { now_ms: u64 },
    /// Start over with a new seed: options are reshuffled and a 综合测验 draws anew. Only
    /// once started.
    Retry { seed: u64, now_ms: u64 },
}

/// What an action did, returned by [`QuizSession::apply`] with the new state so the caller
/// records from these instead of comparing states. An action may say several things (time
/// up checks every open slot, then finishes); they come in the order they happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizEvent {
    /// Attempt `attempt` began: the clock started (`Start`, or `Retry` with a new draw).
    Started { attempt: u32 },
    /// Slot `slot`'s answer was set, or cleared (`None`); it is not checked yet.
    AnswerChanged { slot: usize, answer: Option<Answer> },
    /// Slot `slot`, asking `question`, was checked: its answer was right or wrong. The
    /// answer is `None` only for a question the time limit ended unanswered.
    Checked {
        slot: usize,
        question: String,
        answer: Option<Answer>,
        correct: bool,
    },
    /// The reader went on to slot `slot`.
    WentOn { slot: usize },
    /// The quiz ended; its result is ready.
    Finished,
}

/// A finished quiz's score and review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuizResult {
    /// Questions answered right at the first try.
    pub score: usize,
    /// Distinct questions asked.
    pub total: usize,
    /// `score / total` as a whole percentage, rounded half up.
    pub percent: u32,
    /// From start to finish.
    pub time_ms: u64,
    /// One entry per distinct question, in the order first asked.
    pub review: Vec<Review>,
}

/// How one question went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub question: String,
    /// The reader's first answer, the one scored.
    pub answer: Option<Answer>,
    pub right_answer: Answer,
    /// Whether the first answer was right.
    pub correct: bool,
    /// How many times the question was checked: more than 1 only in a 错题本 quiz.
    pub tries: u32,
}

/// Why a session cannot be made, or a restored one does not fit the bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuizError {
    /// The quiz would have no questions: the item has none, there is no quotation box, or
    /// none of the 错题本's ids are in the bank.
    NoQuestions,
    /// A restored session is about another page than the bank's (the page it names).
    WrongPage(String),
    /// A restored session names a question the bank no longer has.
    UnknownQuestion(String),
    /// A restored session's slot for this question has an option order or an answer that
    /// does not fit the question (the bank changed under it).
    BadSlot(String),
    /// A restored session's phase, position or clock readings contradict its slots.
    BadState,
}

impl QuizSession {
    /// A new session, `Ready` to start: the questions of `kind` and, from `seed`, their
    /// option orders. The same seed always gives the same session.
    pub fn new(bank: &Bank, kind: QuizKind, seed: u64) -> Result<QuizSession, QuizError> {
        let questions = select(bank, &kind, seed);
        if questions.is_empty() {
            return Err(QuizError::NoQuestions);
        }
        let slots = questions
            .iter()
            .enumerate()
            .map(|(idx, question)| Slot::new(question, seed, idx))
            .collect();
        Ok(QuizSession {
            page: bank.page.to_string(),
            kind,
            seed,
            attempt: 1,
            phase: Phase::Ready,
            slots,
            current: 0,
            started_ms: None,
            finished_ms: None,
        })
    }

    /// The state after `action` and what happened; the same state and no events when the
    /// action does not fit it.
    pub fn apply(&self, bank: &Bank, action: Action) -> (QuizSession, Vec<QuizEvent>) {
        self.try_apply(bank, action)
            .unwrap_or_else(|| (self.clone(), Vec::new()))
    }

    /// Whether `action` would change anything (for enabling buttons).
    pub fn allows(&self, bank: &Bank, action: &Action) -> bool {
        self.try_apply(bank, action.clone()).is_some()
    }

    /// The slot being asked.
    pub fn current_slot(&self) -> Option<&Slot> {
        self.slots.get(self.current)
    }

    /// The question being asked.
    pub fn current_question<'b>(&self, bank: &'b Bank) -> Option<&'b Question> {
        bank.question(&self.current_slot()?.question)
    }

    /// How many slots are checked, and how many there are (a 错题本 quiz grows).
    pub fn progress(&self) -> (usize, usize) {
        let n_checked = self.slots.iter().filter(|s| s.correct.is_some()).count();
        (n_checked, self.slots.len())
    }

    /// The score and review, once finished; `None` before, or if the bank no longer has
    /// one of the questions.
    pub fn result(&self, bank: &Bank) -> Option<QuizResult> {
        if self.phase != Phase::Finished {
            return None;
        }
        let mut review: Vec<Review> = Vec::new();
        for slot in &self.slots {
            if let Some(seen) = review.iter_mut().find(|r| r.question == slot.question) {
                seen.tries += u32::from(slot.correct.is_some());
                continue;
            }
            let question = bank.question(&slot.question)?;
            review.push(Review {
                question: slot.question.clone(),
                answer: slot.answer.clone(),
                right_answer: right_answer(question),
                correct: slot.correct == Some(true),
                tries: u32::from(slot.correct.is_some()),
            });
        }
        let score = review.iter().filter(|r| r.correct).count();
        let total = review.len();
        Some(QuizResult {
            score,
            total,
            percent: percent(score, total),
            time_ms: self
                .finished_ms
                .unwrap_or_default()
                .saturating_sub(self.started_ms.unwrap_or_default()),
            review,
        })
    }

    /// Whether a session restored from storage still fits `bank`: the same page, known
    /// questions, option orders and answers of the right shape, and a consistent phase.
    pub fn validate(&self, bank: &Bank) -> Result<(), QuizError> {
        if self.page != bank.page {
            return Err(QuizError::WrongPage(self.page.clone()));
        }
        if self.slots.is_empty() {
            return Err(QuizError::NoQuestions);
        }
        for (idx, slot) in self.slots.iter().enumerate() {
            let question = bank
                .question(&slot.question)
                .ok_or_else(|| QuizError::UnknownQuestion(slot.question.clone()))?;
            let bad = || QuizError::BadSlot(slot.question.clone());
            if !order_fits(question, &slot.order) {
                return Err(bad());
            }
            if slot.answer.as_ref().is_some_and(|a| !fits(question, a)) {
                return Err(bad());
            }
            let checked = slot.correct.is_some();
            let should_be_checked = idx < self.current || self.phase == Phase::Finished;
            let may_be_checked = idx <= self.current && self.phase != Phase::Ready;
            if (should_be_checked && !checked) || (checked && !may_be_checked) {
                return Err(QuizError::BadState);
            }
            if checked && slot.answer.is_none() && !self.timed_out() {
                return Err(bad());
            }
        }
        let clock_fits = match self.phase {
            Phase::Ready => self.current == 0 && self.started_ms.is_none(),
            Phase::Running => self.started_ms.is_some() && self.finished_ms.is_none(),
            Phase::Finished => {
                self.started_ms.is_some()
                    && self.finished_ms.is_some()
                    && self.current + 1 == self.slots.len()
            }
        };
        if self.current >= self.slots.len() || !clock_fits {
            return Err(QuizError::BadState);
        }
        Ok(())
    }

    /// When a meeting's time limit ends, once started; `None` without a limit.
    pub fn deadline_ms(&self) -> Option<u64> {
        let QuizKind::Meeting { code } = &self.kind else {
            return None;
        };
        let limit = crate::branch::MeetingCode::parse(code)
            .ok()?
            .time_limit_ms()?;
        Some(self.started_ms?.saturating_add(limit))
    }

    /// Whether the quiz ended because its time was up (some question was never answered).
    pub fn timed_out(&self) -> bool {
        self.phase == Phase::Finished
            && self.deadline_ms().is_some()
            && self
                .slots
                .iter()
                .any(|s| s.answer.is_none() && s.correct == Some(false))
    }

    fn try_apply(&self, bank: &Bank, action: Action) -> Option<(QuizSession, Vec<QuizEvent>)> {
        let mut next = self.clone();
        let slot_idx = self.current;
        let events = match (self.phase, action) {
            (Phase::Ready, Action::Start { now_ms }) => {
                next.phase = Phase::Running;
                next.started_ms = Some(now_ms);
                vec![QuizEvent::Started {
                    attempt: next.attempt,
                }]
            }
            (Phase::Running, Action::Answer(answer)) => {
                let question = self.current_question(bank)?;
                let slot = next.slots.get_mut(slot_idx)?;
                if slot.correct.is_some() {
                    return None;
                }
                if answer.is_empty() {
                    slot.answer = None;
                } else if fits(question, &answer) {
                    slot.answer = Some(answer);
                } else {
                    return None;
                }
                if next.slots == self.slots {
                    return None;
                }
                vec![QuizEvent::AnswerChanged {
                    slot: slot_idx,
                    answer: next.slots[slot_idx].answer.clone(),
                }]
            }
            (Phase::Running, Action::Check) => {
                let question = self.current_question(bank)?;
                let slot = next.slots.get_mut(slot_idx)?;
                if slot.correct.is_some() {
                    return None;
                }
                let correct = grade(question, slot.answer.as_ref()?);
                slot.correct = Some(correct);
                let checked = QuizEvent::checked(slot_idx, slot);
                if !correct && matches!(self.kind, QuizKind::Mistakes { .. }) {
                    let again = Slot::new(question, self.seed, next.slots.len());
                    next.slots.push(again);
                }
                vec![checked]
            }
            (Phase::Running, Action::Next) => {
                self.current_slot()?.correct?;
                if slot_idx + 1 >= self.slots.len() {
                    return None;
                }
                next.current += 1;
                vec![QuizEvent::WentOn { slot: next.current }]
            }
            (Phase::Running, Action::Finish { now_ms }) => {
                self.current_slot()?.correct?;
                if slot_idx + 1 != self.slots.len() {
                    return None;
                }
                next.phase = Phase::Finished;
                next.finished_ms = Some(now_ms);
                vec![QuizEvent::Finished]
            }
            (Phase::Running, Action::TimeUp { now_ms }) => {
                let deadline = self.deadline_ms()?;
                if now_ms < deadline {
                    return None;
                }
                let mut events = Vec::new();
                for (idx, slot) in next.slots.iter_mut().enumerate() {
                    if slot.correct.is_none() {
                        slot.correct = Some(false);
                        events.push(QuizEvent::checked(idx, slot));
                    }
                }
                next.current = next.slots.len() - 1;
                next.phase = Phase::Finished;
                next.finished_ms = Some(now_ms);
                events.push(QuizEvent::Finished);
                events
            }
            (Phase::Running | Phase::Finished, Action::Retry { seed, now_ms }) => {
                next = QuizSession::new(bank, self.kind.clone(), seed).ok()?;
                next.attempt = self.attempt.saturating_add(1);
                next.phase = Phase::Running;
                next.started_ms = Some(now_ms);
                vec![QuizEvent::Started {
                    attempt: next.attempt,
                }]
            }
            _ => return None,
        };
        Some((next, events))
    }
}

impl QuizEvent {
    /// Slot `idx` was checked; `slot` holds its verdict.
    fn checked(idx: usize, slot: &Slot) -> QuizEvent {
        QuizEvent::Checked {
            slot: idx,
            question: slot.question.clone(),
            answer: slot.answer.clone(),
            correct: slot.correct == Some(true),
        }
    }
}

impl Slot {
    /// A slot for `question` at position `idx` of a session with `seed`: options shuffled,
    /// and an ordering's fragments never shown already in the right order.
    pub fn new(question: &Question, seed: u64, idx: usize) -> Slot {
        let slot_seed = derive_seed(seed, &question.id, idx as u64);
        let order = match &question.kind {
            QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
                permutation(options.len(), slot_seed)
            }
            QuestionKind::Order { fragments } => {
                let mut order = permutation(fragments.len(), slot_seed);
                if order.len() >= 2 && order.iter().enumerate().all(|(i, f)| i == *f) {
                    order.rotate_left(1);
                }
                order
            }
            QuestionKind::TrueFalse { .. } | QuestionKind::Blank { .. } => Vec::new(),
        };
        Slot {
            question: question.id.to_string(),
            order,
            answer: None,
            correct: None,
        }
    }
}

/// `score / total` as a whole percentage, rounded half up; 0 for an empty quiz.
pub fn percent(score: usize, total: usize) -> u32 {
    if total == 0 {
        return 0;
    }
    ((score.min(total) * 200 + total) / (2 * total)) as u32
}

impl fmt::Display for QuizError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuizError::NoQuestions => write!(f, "there are no questions for this quiz"),
            QuizError::WrongPage(page) => write!(f, "the saved quiz is about page `{page}`"),
            QuizError::UnknownQuestion(id) => write!(f, "question `{id}` is no longer in the bank"),
            QuizError::BadSlot(id) => {
                write!(f, "the saved quiz does not fit question `{id}` any more")
            }
            QuizError::BadState => write!(f, "the saved quiz is inconsistent"),
        }
    }
}

impl std::error::Error for QuizError {}

/// Whether a slot's display order fits its question: a rearrangement of every option or
/// fragment, or empty for questions without any.
fn order_fits(question: &Question, order: &[usize]) -> bool {
    let n = question.n_choices();
    order.len() == n && is_distinct_below(order, n)
}
