//! Export, import and merge of progress: a good export imports back, every bad input is
//! refused with a reason and changes nothing, and merging loses nothing either side has.

use xuexi::progress::model::Attempt;
use xuexi::progress::{
    export_code, export_json, import, merge, Catalog, ImportError, Progress, ProgressAction,
};

fn catalog() -> Catalog {
    let set = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
    Catalog {
        items: set(&["000/a-byfe", "000/a-7n4l"]),
        questions: set(&["000/a-byfe-1", "000/a-byfe-2"]),
        quizzes: set(&["000/quiz-a-byfe", "000/quiz-mixed"]),
        routes: set(&["000/a-byfe.html", "000/a-7n4l.html"]),
        quotations: set(&["000/q-6sst/q1"]),
    }
}

fn sample() -> Progress {
    Progress::default()
        .apply(ProgressAction::Scrolled {
            key: "000/a-byfe".into(),
            percent: 70,
            position: 600,
        })
        .apply(ProgressAction::ToggleFavourite {
            route: "000/a-byfe.html".into(),
            at_ms: 10,
        })
        .apply(ProgressAction::Answered {
            question: "000/a-byfe-1".into(),
            answer: xuexi::quiz::Answer::TrueFalse(true),
            correct: false,
            day: 20_000,
        })
        .apply(ProgressAction::Finished(attempt(80, 100)))
        .apply(ProgressAction::Studied(20_000))
}

fn attempt(percent: u32, finished_ms: u64) -> Attempt {
    Attempt {
        quiz: "000/quiz-a-byfe".into(),
        score: percent / 10,
        total: 10,
        percent,
        time_ms: 60_000,
        finished_ms,
    }
}

fn check_refused(text: &str, expected: fn(&ImportError) -> bool) {
    let current = sample();
    match import(text, &catalog(), &current) {
        Ok(_) => panic!("imported: {}", &text[..text.len().min(80)]),
        Err(err) => {
            assert!(
                expected(&err),
                "{err:?} for {}",
                &text[..text.len().min(80)]
            );
            assert!(!err.to_string().is_empty());
        }
    }
}

#[test]
fn an_export_imports_back_as_file_or_code() {
    let progress = sample();
    for text in [export_json(&progress, 1), export_code(&progress, 1)] {
        assert_eq!(
            import(&text, &catalog(), &Progress::default()),
            Ok(Progress {
                settings: Default::default(),
                ..progress.clone()
            })
        );
    }
    // A code survives the line breaks a chat app may add.
    let code = export_code(&progress, 1);
    let (head, tail) = code.split_at(40);
    assert!(import(
        &format!("{head}\n{tail}\n"),
        &catalog(),
        &Progress::default()
    )
    .is_ok());
    // Regression (fuzzing): a byte-order mark before spaces and the code.
    let marked = format!("\u{feff}  {code}");
    assert!(import(&marked, &catalog(), &Progress::default()).is_ok());
}

#[test]
fn bad_imports_are_refused_and_change_nothing() {
    use ImportError::*;
    let good = export_json(&sample(), 1);
    check_refused("", |e| *e == Empty);
    check_refused("   \n", |e| *e == Empty);
    check_refused(&"x".repeat(20 * 1024 * 1024), |e| {
        matches!(e, TooLarge { .. })
    });
    check_refused("hello, world", |e| matches!(e, NotJson(_)));
    check_refused(&good[..good.len() / 2], |e| matches!(e, NotJson(_)));
    check_refused("XUEXI.@@@@", |e| *e == BadCode);
    check_refused("XUEXI.eyJmb3JtYXQiOi", |e| {
        matches!(e, BadCode | NotJson(_))
    });
    check_refused("[1,2,3]", |e| *e == WrongFormat);
    check_refused(r#"{"format":"other-app","schema":2,"progress":{}}"#, |e| {
        *e == WrongFormat
    });
    check_refused(r#"{"format":"xuexi-progress","progress":{}}"#, |e| {
        *e == WrongFormat
    });
    check_refused(
        r#"{"format":"xuexi-progress","schema":9,"progress":{}}"#,
        |e| *e == FutureVersion(9),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"reading":"lots"}}"#,
        |e| matches!(e, BadShape(_)),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"settings":{"font_step":42}}}"#,
        |e| matches!(e, BadShape(_)),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"favourites":["<script>alert(1)</script>"]}}"#,
        |e| *e == UnknownId("<script>alert(1)</script>".into()),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"reading":{"999/a-none":{"percent":5}}}}"#,
        |e| *e == UnknownId("999/a-none".into()),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"reading":{"000/a-byfe":{"percent":250}}}}"#,
        |e| matches!(e, BadShape(_)),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"review":{"cards":[{"id":"000/quiz/zzz"}]}}}"#,
        |e| *e == UnknownId("000/zzz".into()),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"recite":{"000/q-6sst/q9":{}}}}"#,
        |e| *e == UnknownId("000/q-6sst/q9".into()),
    );
    check_refused(
        r#"{"format":"xuexi-progress","schema":2,"progress":{"attempts":[{"quiz":"000/quiz-x","score":1,"total":1,"percent":100,"time_ms":1,"finished_ms":1}]}}"#,
        |e| *e == UnknownId("000/quiz-x".into()),
    );
}

#[test]
fn an_old_schema_export_is_migrated() {
    let v1 = r#"{"format":"xuexi-progress","schema":1,"exported_ms":1,"progress":{"reading":{"000/a-7n4l":{"percent":100,"read":true}},"favourites":["000/a-7n4l.html"]}}"#;
    let merged = import(v1, &catalog(), &sample()).unwrap();
    assert!(merged.reading_of("000/a-7n4l").read);
    assert!(merged.is_favourite("000/a-7n4l.html") && merged.is_favourite("000/a-byfe.html"));
}

#[test]
fn merging_keeps_everything_either_side_has() {
    let ours = sample();
    let theirs = Progress::default()
        .apply(ProgressAction::Scrolled {
            key: "000/a-byfe".into(),
            percent: 100,
            position: 1000,
        })
        .apply(ProgressAction::Finished(attempt(90, 200)))
        .apply(ProgressAction::Studied(20_001));
    let merged = merge(&ours, &theirs);
    assert!(merged.reading_of("000/a-byfe").read);
    assert_eq!(merged.attempts.len(), 2);
    assert_eq!(merged.best_of("000/quiz-a-byfe"), Some(90));
    assert_eq!(merged.days.len(), 2);
    assert_eq!(merged.mistakes("000"), ["a-byfe-1"]);
    assert!(merged.is_favourite("000/a-byfe.html"));
    assert_eq!(merge(&merged, &merged), merged);
    assert_eq!(merge(&merge(&merged, &theirs), &ours), merged);
}

#[test]
fn a_later_removal_of_a_favourite_wins_the_merge() {
    let kept = sample();
    let removed = kept.apply(ProgressAction::ToggleFavourite {
        route: "000/a-byfe.html".into(),
        at_ms: 20,
    });
    assert!(!merge(&kept, &removed).is_favourite("000/a-byfe.html"));
    assert!(!merge(&removed, &kept).is_favourite("000/a-byfe.html"));
}

/// Regression: the app's catalog once left out the quotations, so an export holding a
/// recited quotation could not be imported on another phone.
#[test]
fn r_the_apps_catalog_knows_every_id_the_app_writes() {
    use xuexi::progress::model::{question_card, quotation_key};
    use xuexi::recite::Attempt as ReciteAttempt;
    let catalog = xuexi::ui::components::backup::catalog();
    let progress = sample()
        .apply(ProgressAction::Recited {
            quotation: quotation_key("000", "q-6sst", "q1"),
            attempt: ReciteAttempt::read(),
            day: 20_000,
        })
        .apply(ProgressAction::ToggleFavourite {
            route: "000/q-6sst-q2.html".into(),
            at_ms: 11,
        });
    assert!(progress
        .review
        .card(&question_card("000/a-byfe-1"))
        .is_some());
    let imported = import(&export_code(&progress, 1), &catalog, &Progress::default());
    assert!(imported.is_ok(), "{imported:?}");
    assert_eq!(catalog.quotations.len(), 3);
    assert_eq!(catalog.items.len(), 9);
}
