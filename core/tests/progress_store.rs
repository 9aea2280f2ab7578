//! The stored form of progress: what is saved loads back, unreadable, wrong-typed or
//! future data starts clean and says why, and missing fields take their defaults.

mod common;

use xuexi_core::progress::{
    load, save, FontStep, LoadProblem, Loaded, Progress, ProgressAction, ThemeChoice,
};

/// The common sample with a text size and theme chosen.
fn sample() -> Progress {
    common::progress_sample()
        .apply(ProgressAction::SetFontStep(FontStep::new(3).unwrap()))
        .apply(ProgressAction::SetTheme(ThemeChoice::Sepia))
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

/// Keys are stored as released apps wrote them: progress two earlier releases stored (the
/// end-to-end fixtures) loads, and each keyed record reads back to the same text.
#[test]
fn released_progress_keeps_its_keys_byte_for_byte() {
    let released = [
        include_str!("../../tests/e2e/fixtures/progress-b84fa02.json"),
        include_str!("../../tests/e2e/fixtures/progress-fc8411e.json"),
    ];
    for stored in released {
        let loaded = load(Some(stored));
        assert_eq!(loaded.problem, None);
        let p = &loaded.progress;
        let records = [
            ("reading", serde_json::to_string(&p.reading)),
            ("attempts", serde_json::to_string(&p.attempts)),
            ("best", serde_json::to_string(&p.best)),
            ("questions", serde_json::to_string(&p.questions)),
            ("in_progress", serde_json::to_string(&p.in_progress)),
            ("recite", serde_json::to_string(&p.recite)),
        ];
        for (field, text) in records {
            let text = format!("\"{field}\":{}", text.unwrap());
            assert!(stored.contains(&text), "{text}");
        }
    }
}
