//! The stored form of [`Progress`]: JSON in an envelope with a schema version. Loading
//! never fails: unreadable, wrong-typed or future data yields a clean start plus the
//! problem, so the UI can keep the raw text aside and tell the reader.

use serde::{Deserialize, Serialize};

use std::fmt;

use super::model::Progress;
use crate::review::{Memory, MAX_INTERVAL};

/// The schema this build writes; older versions are migrated on load.
///
/// - 1: settings, reading, favourites.
/// - 2: adds quiz attempts, best scores, answers, quizzes in progress, days studied and
///   favourite change times.
/// - 3: review cards are scheduled by FSRS-6: each card's SM-2 state (`sm2`) becomes its
///   FSRS memory (`memory`), converted as fsrs-rs' `memory_state_from_sm2` does.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::model::{FontStep, ProgressAction, ThemeChoice};

    fn sample() -> Progress {
        Progress::default()
            .apply(ProgressAction::SetFontStep(FontStep::new(3).unwrap()))
            .apply(ProgressAction::SetTheme(ThemeChoice::Sepia))
            .apply(ProgressAction::Scrolled {
                key: "000/a-byfe".into(),
                percent: 60,
                position: 550,
            })
            .apply(ProgressAction::ToggleFavourite {
                route: "000/a-byfe.html".into(),
                at_ms: 7,
            })
    }

    #[test]
    fn saved_progress_loads_back() {
        let loaded = load(Some(&save(&sample())));
        assert_eq!(
            loaded,
            Loaded {
                progress: sample(),
                problem: None
            }
        );
        assert_eq!(
            load(None),
            Loaded {
                progress: Progress::default(),
                problem: None
            }
        );
    }

    #[test]
    fn bad_data_starts_clean_and_says_why() {
        let cases: &[(&str, bool)] = &[
            ("", false),
            ("not json", false),
            (
                "{\"schema\":1,\"progress\":{\"settings\":{\"font_step\":9}}}",
                false,
            ),
            ("{\"schema\":1,\"progress\":{\"reading\":[]}}", false),
            (
                "{\"schema\":1,\"progress\":{\"settings\":{\"theme\":\"neon\"}}}",
                false,
            ),
            ("{\"schema\":\"1\"}", false),
            ("[1,2,3]", false),
            ("{\"schema\":0,\"progress\":{}}", false),
            ("{\"schema\":99,\"whatever\":true}", true),
        ];
        let saved = save(&sample());
        let truncated = &saved[..saved.len() / 2];
        for (text, future) in cases.iter().copied().chain([(truncated, false)]) {
            let loaded = load(Some(text));
            assert_eq!(loaded.progress, Progress::default(), "{text}");
            match loaded.problem {
                Some(LoadProblem::FutureVersion(99)) => assert!(future, "{text}"),
                Some(LoadProblem::Unreadable(_)) => assert!(!future, "{text}"),
                other => panic!("{text}: {other:?}"),
            }
        }
    }

    #[test]
    fn missing_fields_take_their_defaults() {
        let loaded = load(Some("{\"schema\":1,\"progress\":{}}"));
        assert_eq!(
            loaded,
            Loaded {
                progress: Progress::default(),
                problem: None
            }
        );
    }
}
