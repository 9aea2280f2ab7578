//! The reader's progress and settings, and the actions that change them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::key::{CardKey, ItemKey, QuestionKey, QuizKey, QuotationKey};
use crate::quiz::{Answer, QuizSession};
use crate::recite::{self, Level, ReciteProgress};
use crate::review::{Day, Deck, Grade};

/// Everything the app remembers for a reader, on the device only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub settings: Settings,
    /// Reading state per item, keyed by `<page>/<item>` (e.g. `000/a-byfe`).
    pub reading: BTreeMap<ItemKey, ItemReading>,
    /// Favourite routes (`000/a-byfe.html`, `000/q-6sst-q2.html`), oldest first.
    pub favourites: Vec<String>,
    /// When each route was last added to or taken from the favourites (ms since the
    /// epoch), so merging two copies keeps the later choice, removals included.
    pub favourite_changes: BTreeMap<String, u64>,
    /// Finished quizzes, oldest first (at most [`Progress::MAX_ATTEMPTS`]).
    pub attempts: Vec<Attempt>,
    /// The best percentage per quiz key (`000/quiz-a-byfe`), kept when old attempts go.
    pub best: BTreeMap<QuizKey, u32>,
    /// Per question (`000/a-byfe-3`): its last answer and how often it was right or wrong.
    pub questions: BTreeMap<QuestionKey, QuestionRecord>,
    /// Quizzes in progress by quiz key, restored after a reload or a closed tab.
    pub in_progress: BTreeMap<QuizKey, QuizSession>,
    /// The local days (days since 1970-01-01 in the reader's time zone) with study.
    pub days: BTreeSet<i64>,
    /// Recitation per quotation (`000/q-6sst/q2`).
    pub recite: BTreeMap<QuotationKey, ReciteProgress>,
    /// Spaced review: every quotation practised and every question answered wrong
    /// (`000/quiz/a-byfe-3`).
    pub review: Deck,
    /// When the reader last made a backup code (ms since the epoch), if ever.
    pub backed_up_ms: Option<u64>,
    /// When the reader was last reminded to make one, if ever (see [`super::reminder`]).
    pub reminded_ms: Option<u64>,
}

/// One finished quiz.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// Which quiz: `000/quiz-a-byfe`, `000/quiz-weekly`, `000/quiz-mixed`, `000/mistakes`.
    pub quiz: QuizKey,
    pub score: u32,
    pub total: u32,
    pub percent: u32,
    pub time_ms: u64,
    /// When it was finished, in milliseconds since the epoch.
    pub finished_ms: u64,
}

/// How a reader has done on one question.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionRecord {
    pub last_answer: Option<Answer>,
    pub last_correct: bool,
    pub n_right: u32,
    pub n_wrong: u32,
}

/// How the reader wants the text shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub font_step: FontStep,
    pub theme: ThemeChoice,
}

/// One of the text sizes, from 100% to 200%.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct FontStep(u8);

/// The colour theme; `System` follows the device until the reader chooses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeChoice {
    #[default]
    System,
    Light,
    Dark,
    /// 护眼: warm paper tones.
    Sepia,
}

/// How far a reader got in one item.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemReading {
    /// The furthest point reached, 0–100.
    pub percent: u8,
    /// Whether the end of the item was reached once.
    pub read: bool,
    /// Where the reader last was, in thousandths of the item's height, to restore.
    pub position: u16,
    /// Time spent reading, in seconds.
    pub seconds: u32,
}

/// A change to the progress.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressAction {
    SetFontStep(FontStep),
    SetTheme(ThemeChoice),
    /// The reader is at `position` (thousandths) of item `key`, having seen `percent`.
    Scrolled {
        key: ItemKey,
        percent: u8,
        position: u16,
    },
    /// The reader spent `seconds` more on item `key`.
    Spent {
        key: ItemKey,
        seconds: u32,
    },
    ToggleFavourite {
        route: String,
        at_ms: u64,
    },
    /// Keep (or with `None` forget) the quiz in progress under `quiz`.
    SaveQuiz {
        quiz: QuizKey,
        session: Option<Box<QuizSession>>,
    },
    /// A question (`000/a-byfe-3`) was answered and checked on local day `day`: a wrong
    /// answer makes it a review card, and a card is graded by the answer.
    Answered {
        question: QuestionKey,
        answer: Answer,
        correct: bool,
        day: i64,
    },
    /// A recitation exercise of quotation `quotation` (`000/q-6sst/q2`) was done; the
    /// quotation becomes a review card, and the first recitation typed from memory is
    /// the card's first grade (100% good, at least 90% hard, else again).
    Recited {
        quotation: QuotationKey,
        attempt: recite::Attempt,
        day: i64,
    },
    /// A review card was graded.
    Reviewed {
        card: CardKey,
        grade: Grade,
        day: i64,
    },
    /// A quiz was finished: its attempt is recorded and its saved session forgotten.
    Finished(Attempt),
    /// The reader studied on this local day.
    Studied(i64),
    /// The reader made a backup code at `at_ms`.
    BackedUp {
        at_ms: u64,
    },
    /// The reader was reminded to make a backup at `at_ms`.
    Reminded {
        at_ms: u64,
    },
    /// Replace everything with this progress: an import already merged into the page's own
    /// (another tab's progress is merged into ours, never put in its place).
    Replace(Box<Progress>),
}

impl FontStep {
    /// The text sizes offered, in percent of the base size.
    pub const PERCENTS: [u16; 6] = [100, 115, 130, 150, 175, 200];

    /// The step at `index`, if there is one.
    pub fn new(index: u8) -> Option<FontStep> {
        (usize::from(index) < Self::PERCENTS.len()).then_some(FontStep(index))
    }

    pub fn index(self) -> u8 {
        self.0
    }

    pub fn percent(self) -> u16 {
        Self::PERCENTS[usize::from(self.0)]
    }

    /// The next larger step, or this one at the largest.
    pub fn larger(self) -> FontStep {
        FontStep::new(self.0 + 1).unwrap_or(self)
    }

    /// The next smaller step, or this one at the smallest.
    pub fn smaller(self) -> FontStep {
        FontStep(self.0.saturating_sub(1))
    }
}

impl TryFrom<u8> for FontStep {
    type Error = String;

    fn try_from(index: u8) -> Result<FontStep, String> {
        FontStep::new(index).ok_or_else(|| format!("font step {index} is out of range"))
    }
}

impl From<FontStep> for u8 {
    fn from(step: FontStep) -> u8 {
        step.0
    }
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 4] = [
        ThemeChoice::System,
        ThemeChoice::Light,
        ThemeChoice::Dark,
        ThemeChoice::Sepia,
    ];

    /// The name shown to the reader.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "跟随系统",
            ThemeChoice::Light => "白天",
            ThemeChoice::Dark => "夜间",
            ThemeChoice::Sepia => "护眼",
        }
    }

    /// The value of `<html data-theme>`; `None` lets the system decide.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            ThemeChoice::System => None,
            ThemeChoice::Light => Some("light"),
            ThemeChoice::Dark => Some("dark"),
            ThemeChoice::Sepia => Some("sepia"),
        }
    }
}

impl Progress {
    /// How many finished quizzes are kept in the history.
    pub const MAX_ATTEMPTS: usize = 200;

    /// The progress after `action`; the reading state only ever moves forward.
    pub fn apply(&self, action: ProgressAction) -> Progress {
        const END_PERCENT: u8 = 98;
        let mut next = self.clone();
        match action {
            ProgressAction::SetFontStep(step) => next.settings.font_step = step,
            ProgressAction::SetTheme(theme) => next.settings.theme = theme,
            ProgressAction::Scrolled {
                key,
                percent,
                position,
            } => {
                let reading = next.reading.entry(key).or_default();
                let percent = percent.min(100);
                reading.percent = reading.percent.max(percent);
                reading.read |= percent >= END_PERCENT;
                reading.position = position.min(1000);
            }
            ProgressAction::Spent { key, seconds } => {
                let reading = next.reading.entry(key).or_default();
                reading.seconds = reading.seconds.saturating_add(seconds);
            }
            ProgressAction::ToggleFavourite { route, at_ms } => {
                match next.favourites.iter().position(|f| *f == route) {
                    Some(idx) => {
                        next.favourites.remove(idx);
                    }
                    None => next.favourites.push(route.clone()),
                }
                next.favourite_changes.insert(route, at_ms);
            }
            ProgressAction::SaveQuiz { quiz, session } => match session {
                Some(session) => {
                    next.in_progress.insert(quiz, *session);
                }
                None => {
                    next.in_progress.remove(&quiz);
                }
            },
            ProgressAction::Answered {
                question,
                answer,
                correct,
                day,
            } => {
                let card = question.card().to_string();
                if !correct {
                    next.review.add_card(&card, Day(day));
                }
                let _ = next
                    .review
                    .grade(&card, Grade::from_right(correct), Day(day));
                let record = next.questions.entry(question).or_default();
                record.last_answer = Some(answer);
                record.last_correct = correct;
                if correct {
                    record.n_right = record.n_right.saturating_add(1);
                } else {
                    record.n_wrong = record.n_wrong.saturating_add(1);
                }
            }
            ProgressAction::Finished(attempt) => {
                next.in_progress.remove(&attempt.quiz);
                let best = next.best.entry(attempt.quiz.clone()).or_default();
                *best = (*best).max(attempt.percent);
                next.attempts.push(attempt);
                let excess = next.attempts.len().saturating_sub(Self::MAX_ATTEMPTS);
                next.attempts.drain(..excess);
            }
            ProgressAction::Studied(day) => {
                next.days.insert(day);
            }
            ProgressAction::Recited {
                quotation,
                attempt,
                day,
            } => {
                let card = quotation.card().to_string();
                next.review.add_card(&card, Day(day));
                next.days.insert(day);
                let never_graded = next.review.card(&card).is_some_and(|c| c.reviews == 0);
                if let (Level::FromMemory, Some(percent), true) =
                    (attempt.level, attempt.recall_percent, never_graded)
                {
                    let grade = Grade::from_recall_percent(percent);
                    let _ = next.review.grade(&card, grade, Day(day));
                }
                let entry = next.recite.entry(quotation).or_default();
                *entry = entry.record(attempt);
            }
            ProgressAction::Reviewed { card, grade, day } => {
                let _ = next.review.grade(&card.to_string(), grade, Day(day));
                next.days.insert(day);
            }
            ProgressAction::BackedUp { at_ms } => {
                next.backed_up_ms = next.backed_up_ms.max(Some(at_ms));
            }
            ProgressAction::Reminded { at_ms } => {
                next.reminded_ms = next.reminded_ms.max(Some(at_ms));
            }
            ProgressAction::Replace(progress) => next = *progress,
        }
        next
    }

    /// The questions of page `page_id` last answered wrong (错题本), by question id.
    pub fn mistakes(&self, page_id: &str) -> Vec<String> {
        self.questions
            .iter()
            .filter(|(key, record)| {
                key.page() == page_id && !record.last_correct && record.n_wrong > 0
            })
            .map(|(key, _)| key.question().to_string())
            .collect()
    }

    /// The best percentage reached in quiz `quiz`, if it was ever finished.
    pub fn best_of(&self, quiz: &QuizKey) -> Option<u32> {
        self.best.get(quiz).copied()
    }

    /// Days studied in a row, ending today or yesterday (a streak is not lost before
    /// the day is over).
    pub fn streak(&self, today: i64) -> u32 {
        let mut day = if self.days.contains(&today) {
            today
        } else {
            today - 1
        };
        let mut n = 0;
        while self.days.contains(&day) {
            n += 1;
            day -= 1;
        }
        n
    }

    /// Total reading time over every item, in seconds.
    pub fn total_reading_seconds(&self) -> u64 {
        self.reading.values().map(|r| u64::from(r.seconds)).sum()
    }

    /// The reading state of item `key`, unread if never opened.
    pub fn reading_of(&self, key: &ItemKey) -> ItemReading {
        self.reading.get(key).copied().unwrap_or_default()
    }

    pub fn is_favourite(&self, route: &str) -> bool {
        self.favourites.iter().any(|f| f == route)
    }
}
