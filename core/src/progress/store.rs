//! The stored form of [`Progress`]: JSON in an envelope with a schema version. Loading
//! never fails: unreadable, wrong-typed or future data yields a clean start plus the
//! problem, so the UI can keep the raw text aside and tell the reader.

use serde::{Deserialize, Serialize};

use std::fmt;

use super::model::Progress;
use crate::review::{Memory, MAX_INTERVAL};

/// The schema this build writes; older versions are migrated on load. A field added
/// without a new version reads as empty when missing (`#[serde(default)]`), so what an
/// earlier release of the same version stored still loads.
///
/// - 1: settings, reading, favourites.
/// - 2: adds quiz attempts, best scores, answers, quizzes in progress, days studied and
///   favourite change times (the migration adds them empty); later releases of 2 added
///   recitation (`recite`) and review cards on SM-2 (`review`).
/// - 3: review cards are scheduled by FSRS-6: each card's SM-2 state (`sm2`) becomes its
///   FSRS memory (`memory`), converted as fsrs-rs' `memory_state_from_sm2` does; later
///   releases of 3 added when the reader last made a backup code and was reminded to
///   (`backed_up_ms`, `reminded_ms`).
///
/// Every key is the text of its [`super::key`] type (`000/a-byfe`, `000/quiz-mixed`…),
/// as each version has written it.
pub const SCHEMA_VERSION: u32 = 3;

/// What [`load`] found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub progress: Progress,
    /// Why stored data could not be used, if it could not; the caller keeps it aside.
    pub problem: Option<LoadProblem>,
}

/// Why stored progress could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadProblem {
    /// The text is not JSON, is truncated, or has the wrong shape or types.
    Unreadable(String),
    /// The data was written by a newer version of the app.
    FutureVersion(u32),
}

/// Reads stored progress; `None` (nothing stored) is a clean start without a problem.
pub fn load(stored: Option<&str>) -> Loaded {
    let Some(text) = stored else {
        return Loaded {
            progress: Progress::default(),
            problem: None,
        };
    };
    match parse(text) {
        Ok(progress) => Loaded {
            progress,
            problem: None,
        },
        Err(problem) => Loaded {
            progress: Progress::default(),
            problem: Some(problem),
        },
    }
}

/// The stored form of `progress`.
pub fn save(progress: &Progress) -> String {
    serde_json::to_string(&Envelope {
        schema: SCHEMA_VERSION,
        progress: progress.clone(),
    })
    .expect("progress always serialises")
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadProblem::Unreadable(why) => write!(f, "保存的学习记录无法读取（{why}）"),
            LoadProblem::FutureVersion(v) => {
                write!(
                    f,
                    "保存的学习记录来自更新的版本（第 {v} 版），本版本无法读取"
                )
            }
        }
    }
}

#[derive(Serialize)]
struct Envelope {
    schema: u32,
    progress: Progress,
}

/// Only the version, read first so a future schema is recognised whatever its shape.
#[derive(Deserialize)]
struct VersionOnly {
    schema: u32,
}

/// Brings the `progress` object of schema `from` up to [`SCHEMA_VERSION`], one step at a
/// time; an error says what does not fit.
pub fn migrate(mut progress: serde_json::Value, from: u32) -> Result<serde_json::Value, String> {
    if from == 0 || from > SCHEMA_VERSION {
        return Err(format!("unknown schema {from}"));
    }
    let object = progress
        .as_object_mut()
        .ok_or_else(|| "progress is not an object".to_string())?;
    if from < 2 {
        // 1 → 2: the quiz and study records start empty.
        for key in [
            "attempts",
            "favourite_changes",
            "best",
            "questions",
            "in_progress",
            "days",
        ] {
            let empty = if matches!(key, "attempts" | "days") {
                serde_json::Value::Array(Vec::new())
            } else {
                serde_json::Value::Object(serde_json::Map::new())
            };
            object.entry(key).or_insert(empty);
        }
    }
    if from < 3 {
        migrate_sm2_cards(object)?;
    }
    Ok(progress)
}

/// 2 → 3: every review card's `sm2` state becomes its FSRS `memory`, from its E-Factor
/// and last interval ([`Memory::from_sm2`]); a card SM-2 never scheduled stays new. Its
/// due day, grades and lapses stay as they were, so nothing falls due earlier or later.
fn migrate_sm2_cards(
    object: &mut serde_json::Map<String, serde_json::Value>,
) -> Result<(), String> {
    let Some(cards) = object
        .get_mut("review")
        .and_then(|review| review.get_mut("cards"))
        .and_then(serde_json::Value::as_array_mut)
    else {
        return Ok(());
    };
    for card in cards {
        let card = card
            .as_object_mut()
            .ok_or_else(|| "a review card is not an object".to_string())?;
        let Some(sm2) = card.remove("sm2") else {
            continue;
        };
        let number = |key: &str, default: f64| -> Result<f64, String> {
            match sm2.get(key) {
                None => Ok(default),
                Some(value) => value
                    .as_f64()
                    .ok_or_else(|| format!("a review card's sm2.{key} is not a number")),
            }
        };
        let ease_factor = number("ease_hundredths", 250.0)? / 100.0;
        let interval = number("interval_days", 0.0)?;
        let graded = card
            .get("reviews")
            .and_then(serde_json::Value::as_u64)
            .is_some_and(|reviews| reviews > 0);
        // A graded SM-2 card has an interval of at least a day.
        let interval_days = if graded {
            interval.clamp(1.0, f64::from(MAX_INTERVAL)) as u32
        } else {
            0
        };
        if let Some(memory) = Memory::from_sm2(ease_factor, interval_days) {
            let memory = serde_json::to_value(memory).map_err(|e| e.to_string())?;
            card.insert("memory".to_string(), memory);
        }
    }
    Ok(())
}

fn parse(text: &str) -> Result<Progress, LoadProblem> {
    let unreadable = |e: serde_json::Error| LoadProblem::Unreadable(e.to_string());
    let version: VersionOnly = serde_json::from_str(text).map_err(unreadable)?;
    if version.schema > SCHEMA_VERSION {
        return Err(LoadProblem::FutureVersion(version.schema));
    }
    let envelope: serde_json::Value = serde_json::from_str(text).map_err(unreadable)?;
    let progress = envelope
        .get("progress")
        .cloned()
        .ok_or_else(|| LoadProblem::Unreadable("no progress".to_string()))?;
    let progress = migrate(progress, version.schema).map_err(LoadProblem::Unreadable)?;
    serde_json::from_value(progress).map_err(unreadable)
}
