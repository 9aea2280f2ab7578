//! The reader's progress and settings, and the actions that change them.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::quiz::{Answer, QuizSession};
use crate::recite::{self, Level, ReciteProgress};
use crate::review::{Day, Deck, Grade};

/// Everything the app remembers for a reader, on the device only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub settings: Settings,
    /// Reading state per item, keyed by `<page>/<item>` (e.g. `000/a-byfe`).
    pub reading: BTreeMap<String, ItemReading>,
    /// Favourite routes (`000/a-byfe.html`, `000/q-6sst-q2.html`), oldest first.
    pub favourites: Vec<String>,
    /// When each route was last added to or taken from the favourites (ms since the
    /// epoch), so merging two copies keeps the later choice, removals included.
    pub favourite_changes: BTreeMap<String, u64>,
    /// Finished quizzes, oldest first (at most [`Progress::MAX_ATTEMPTS`]).
    pub attempts: Vec<Attempt>,
    /// The best percentage per quiz key (`000/quiz-a-byfe`), kept when old attempts go.
    pub best: BTreeMap<String, u32>,
    /// Per question (`000/a-byfe-3`): its last answer and how often it was right or wrong.
    pub questions: BTreeMap<String, QuestionRecord>,
    /// Quizzes in progress by quiz key, restored after a reload or a closed tab.
    pub in_progress: BTreeMap<String, QuizSession>,
    /// The local days (days since 1970-01-01 in the reader's time zone) with study.
    pub days: BTreeSet<i64>,
    /// Recitation per quotation (`000/q-6sst/q2`).
    pub recite: BTreeMap<String, ReciteProgress>,
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
    pub quiz: String,
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
        key: String,
        percent: u8,
        position: u16,
    },
    /// The reader spent `seconds` more on item `key`.
    Spent {
        key: String,
        seconds: u32,
    },
    ToggleFavourite {
        route: String,
        at_ms: u64,
    },
    /// Keep (or with `None` forget) the quiz in progress under `quiz`.
    SaveQuiz {
        quiz: String,
        session: Option<Box<QuizSession>>,
    },
    /// A question (`000/a-byfe-3`) was answered and checked on local day `day`: a wrong
    /// answer makes it a review card, and a card is graded by the answer.
    Answered {
        question: String,
        answer: Answer,
        correct: bool,
        day: i64,
    },
    /// A recitation exercise of quotation `quotation` (`000/q-6sst/q2`) was done; the
    /// quotation becomes a review card, and the first recitation typed from memory is
    /// the card's first grade (100% good, at least 90% hard, else again).
    Recited {
        quotation: String,
        attempt: recite::Attempt,
        day: i64,
    },
    /// A review card was graded.
    Reviewed {
        card: String,
        grade: Grade,
        day: i64,
    },
    /// A quiz was finished: its attempt is recorded. Its session stays saved (the page
    /// saves the finished session, so a reload shows the result).
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
    /// Replace everything, e.g. with progress saved by another tab.
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
                let card = question_card(&question);
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
                next.review.add_card(&quotation, Day(day));
                next.days.insert(day);
                let never_graded = next.review.card(&quotation).is_some_and(|c| c.reviews == 0);
                if let (Level::FromMemory, Some(percent), true) =
                    (attempt.level, attempt.recall_percent, never_graded)
                {
                    let grade = Grade::from_recall_percent(percent);
                    let _ = next.review.grade(&quotation, grade, Day(day));
                }
                let entry = next.recite.entry(quotation).or_default();
                *entry = entry.record(attempt);
            }
            ProgressAction::Reviewed { card, grade, day } => {
                let _ = next.review.grade(&card, grade, Day(day));
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
        let prefix = format!("{page_id}/");
        self.questions
            .iter()
            .filter(|(_, record)| !record.last_correct && record.n_wrong > 0)
            .filter_map(|(key, _)| key.strip_prefix(&prefix).map(str::to_string))
            .collect()
    }

    /// The best percentage reached in quiz `quiz`, if it was ever finished.
    pub fn best_of(&self, quiz: &str) -> Option<u32> {
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
    pub fn reading_of(&self, key: &str) -> ItemReading {
        self.reading.get(key).copied().unwrap_or_default()
    }

    pub fn is_favourite(&self, route: &str) -> bool {
        self.favourites.iter().any(|f| f == route)
    }
}

/// The key of an item in [`Progress::reading`].
pub fn item_key(page_id: &str, item_id: &str) -> String {
    format!("{page_id}/{item_id}")
}

/// The key of a question in [`Progress::questions`].
pub fn question_key(page_id: &str, question_id: &str) -> String {
    format!("{page_id}/{question_id}")
}

/// The review card of a question (`000/a-byfe-3` → `000/quiz/a-byfe-3`).
pub fn question_card(question_key: &str) -> String {
    match question_key.split_once('/') {
        Some((page, question)) => format!("{page}/quiz/{question}"),
        None => format!("quiz/{question_key}"),
    }
}

/// The review card and recitation key of a quotation (`000/q-6sst/q2`).
pub fn quotation_key(page_id: &str, item_id: &str, quotation_id: &str) -> String {
    format!("{page_id}/{item_id}/{quotation_id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrolled(key: &str, percent: u8, position: u16) -> ProgressAction {
        ProgressAction::Scrolled {
            key: key.into(),
            percent,
            position,
        }
    }

    #[test]
    fn reading_moves_forward_and_marks_read_at_the_end() {
        let p = Progress::default()
            .apply(scrolled("000/a", 40, 400))
            .apply(scrolled("000/a", 10, 100));
        assert_eq!(
            p.reading_of("000/a"),
            ItemReading {
                percent: 40,
                read: false,
                position: 100,
                seconds: 0
            }
        );
        let p = p
            .apply(scrolled("000/a", 100, 1000))
            .apply(scrolled("000/a", 5, 50));
        assert!(p.reading_of("000/a").read);
        assert_eq!(p.reading_of("000/a").percent, 100);
        assert_eq!(p.reading_of("000/b"), ItemReading::default());
    }

    #[test]
    fn time_adds_up_and_favourites_toggle() {
        let spent = |s| ProgressAction::Spent {
            key: "000/a".into(),
            seconds: s,
        };
        let p = Progress::default().apply(spent(10)).apply(spent(u32::MAX));
        assert_eq!(p.reading_of("000/a").seconds, u32::MAX);
        let fav = |r: &str| ProgressAction::ToggleFavourite {
            route: r.into(),
            at_ms: 1,
        };
        let p = p.apply(fav("000/a.html")).apply(fav("000/b.html"));
        assert_eq!(p.favourites, ["000/a.html", "000/b.html"]);
        let p = p.apply(fav("000/a.html"));
        assert_eq!(p.favourites, ["000/b.html"]);
        assert!(p.is_favourite("000/b.html") && !p.is_favourite("000/a.html"));
    }

    #[test]
    fn quizzes_keep_best_scores_mistakes_and_sessions() {
        let attempt = |percent| Attempt {
            quiz: "000/quiz-a".into(),
            score: percent / 10,
            total: 10,
            percent,
            time_ms: 1000,
            finished_ms: 5,
        };
        let answered = |q: &str, correct| ProgressAction::Answered {
            question: q.into(),
            answer: Answer::TrueFalse(true),
            correct,
            day: 100,
        };
        let p = Progress::default()
            .apply(attempt_action(attempt(60)))
            .apply(attempt_action(attempt(40)))
            .apply(answered("000/a-1", false))
            .apply(answered("000/a-2", false))
            .apply(answered("000/a-2", true))
            .apply(answered("001/b-1", false));
        assert_eq!(p.best_of("000/quiz-a"), Some(60));
        assert_eq!(p.best_of("000/quiz-b"), None);
        assert_eq!(p.attempts.len(), 2);
        assert_eq!(p.mistakes("000"), ["a-1"]);
        assert_eq!(p.questions["000/a-2"].n_wrong, 1);
        // Wrong answers became review cards; a-1 is due today, a-2 was answered right since.
        let due: Vec<&str> = p
            .review
            .due(Day(100))
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(due, ["000/quiz/a-1", "001/quiz/b-1"]);
        assert_eq!(p.review.len(), 3);
        let mut p = p;
        for _ in 0..Progress::MAX_ATTEMPTS {
            p = p.apply(attempt_action(attempt(10)));
        }
        assert_eq!(p.attempts.len(), Progress::MAX_ATTEMPTS);
        assert_eq!(p.best_of("000/quiz-a"), Some(60));
    }

    fn attempt_action(attempt: Attempt) -> ProgressAction {
        ProgressAction::Finished(attempt)
    }

    #[test]
    fn streaks_count_days_in_a_row() {
        let mut p = Progress::default();
        for day in [10, 11, 12, 14] {
            p = p.apply(ProgressAction::Studied(day));
        }
        assert_eq!(p.streak(14), 1);
        assert_eq!(p.streak(15), 1);
        assert_eq!(p.streak(13), 3);
        assert_eq!(p.streak(16), 0);
    }

    #[test]
    fn font_steps_stay_in_range() {
        let largest = FontStep::new(5).unwrap();
        assert_eq!(largest.percent(), 200);
        assert_eq!(largest.larger(), largest);
        assert_eq!(FontStep::default().smaller(), FontStep::default());
        assert_eq!(FontStep::new(6), None);
        assert_eq!(FontStep::default().larger().percent(), 115);
    }
}
