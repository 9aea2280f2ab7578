//! The stored form of [`Progress`]: JSON in an envelope with a schema version. Loading
//! never fails: unreadable, wrong-typed or future data yields a clean start plus the
//! problem, so the UI can keep the raw text aside and tell the reader.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::model::Progress;

/// The schema this build writes; older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 1;

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

#[derive(Serialize, Deserialize)]
struct Envelope {
    schema: u32,
    progress: Progress,
}

/// Only the version, read first so a future schema is recognised whatever its shape.
#[derive(Deserialize)]
struct VersionOnly {
    schema: u32,
}

fn parse(text: &str) -> Result<Progress, LoadProblem> {
    let unreadable = |e: serde_json::Error| LoadProblem::Unreadable(e.to_string());
    let version: VersionOnly = serde_json::from_str(text).map_err(unreadable)?;
    match version.schema {
        SCHEMA_VERSION => {
            let envelope: Envelope = serde_json::from_str(text).map_err(unreadable)?;
            Ok(envelope.progress)
        }
        v if v > SCHEMA_VERSION => Err(LoadProblem::FutureVersion(v)),
        v => Err(LoadProblem::Unreadable(format!("unknown schema {v}"))),
    }
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
            .apply(ProgressAction::ToggleFavourite("000/a-byfe.html".into()))
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
