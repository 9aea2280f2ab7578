//! Export, import and merge of progress: a good export imports back, every bad input is
//! refused with a reason and changes nothing, and merging loses nothing either side has.

mod common;

use common::{
    item_key, progress_catalog as catalog, progress_sample as sample, quiz_key, quotation_key,
};
use xuexi_core::progress::{
    export_code, export_json, import, merge, Attempt, Catalog, ImportError, Progress,
    ProgressAction,
};

fn attempt(percent: u32, finished_ms: u64) -> Attempt {
    Attempt {
        quiz: quiz_key("000/quiz-a-byfe"),
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
    assert!(merged.reading_of(&item_key("000/a-7n4l")).read);
    assert!(merged.is_favourite("000/a-7n4l.html") && merged.is_favourite("000/a-byfe.html"));
}

#[test]
fn merging_keeps_everything_either_side_has() {
    let ours = sample();
    let theirs = Progress::default()
        .apply(ProgressAction::Scrolled {
            key: item_key("000/a-byfe"),
            percent: 100,
            position: 1000,
        })
        .apply(ProgressAction::Finished(attempt(90, 200)))
        .apply(ProgressAction::Studied(20_001));
    let merged = merge(&ours, &theirs);
    assert!(merged.reading_of(&item_key("000/a-byfe")).read);
    assert_eq!(merged.attempts.len(), 2);
    assert_eq!(merged.best_of(&quiz_key("000/quiz-a-byfe")), Some(90));
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
    use xuexi_core::recite::Attempt as ReciteAttempt;
    let archive = xuexi_core::content::Catalog::new([(
        common::page(),
        Some(common::bank()),
        "rev".to_string(),
    )]);
    let catalog = Catalog::of(&archive);
    let progress = sample()
        .apply(ProgressAction::Recited {
            quotation: quotation_key("000/q-6sst/q1"),
            attempt: ReciteAttempt::read(),
            day: 20_000,
        })
        .apply(ProgressAction::ToggleFavourite {
            route: "000/q-6sst-q2.html".into(),
            at_ms: 11,
        });
    assert!(progress
        .review
        .card(&common::question_key("000/a-byfe-1").card().to_string())
        .is_some());
    let imported = import(&export_code(&progress, 1), &catalog, &Progress::default());
    assert!(imported.is_ok(), "{imported:?}");
    assert_eq!(catalog.quotations.len(), 3);
    assert_eq!(catalog.items.len(), 9);
    // Each quiz can ask at most the page's questions, a 综合测验 at most ten.
    let n_questions = common::bank().questions.len() as u32;
    assert_eq!(catalog.quizzes[&quiz_key("000/quiz-mixed")], 10);
    assert_eq!(catalog.quizzes[&quiz_key("000/quiz-a-byfe")], n_questions);
    assert_eq!(catalog.quizzes[&quiz_key("000/mistakes")], n_questions);
}

/// Regression (issue 18): an import with impossible numbers was accepted, and home showed
/// 「测验最好 4294967295%」 and 「阅读时间 644245094 分钟」. Each is refused with its reason.
#[test]
fn r18_imports_with_impossible_numbers_are_refused() {
    use xuexi_core::progress::transfer::Field::*;
    use ImportError::*;
    let attempt = |score: u32, total: u32, percent: u32, time_ms: u64, finished_ms: u64| {
        format!(
            r#""attempts":[{{"quiz":"000/quiz-a-byfe","score":{score},"total":{total},"percent":{percent},"time_ms":{time_ms},"finished_ms":{finished_ms}}}]"#
        )
    };
    let card =
        |fields: &str| format!(r#""review":{{"cards":[{{"id":"000/q-6sst/q1",{fields}}}]}}"#);
    let quiz = || "000/quiz-a-byfe".to_string();
    let cases: Vec<(String, ImportError)> = vec![
        (
            r#""best":{"000/quiz-a-byfe":4294967295}"#.into(),
            PercentOver100 {
                field: BestScore,
                key: quiz(),
                percent: u32::MAX,
            },
        ),
        (
            r#""best":{"000/quiz-a-byfe":101}"#.into(),
            PercentOver100 {
                field: BestScore,
                key: quiz(),
                percent: 101,
            },
        ),
        (
            attempt(99, 1, 150, 1000, 1),
            ScoreAboveTotal {
                quiz: quiz(),
                score: 99,
                total: 1,
            },
        ),
        (
            attempt(0, 0, 0, 1000, 1),
            TotalOutOfRange {
                quiz: quiz(),
                total: 0,
                size: 10,
            },
        ),
        (
            attempt(11, 11, 100, 1000, 1),
            TotalOutOfRange {
                quiz: quiz(),
                total: 11,
                size: 10,
            },
        ),
        (
            attempt(1, 1, 150, 1000, 1),
            PercentOver100 {
                field: AttemptScore,
                key: quiz(),
                percent: 150,
            },
        ),
        (
            attempt(1, 3, 34, 1000, 1),
            PercentNotScore {
                quiz: quiz(),
                score: 1,
                total: 3,
                percent: 34,
            },
        ),
        (
            attempt(1, 1, 100, u64::MAX, 1),
            TooLong {
                field: QuizTime,
                key: quiz(),
                seconds: u64::MAX / 1000,
            },
        ),
        (
            attempt(1, 1, 100, 1000, u64::MAX),
            MomentOutOfRange {
                field: QuizFinished,
                key: quiz(),
                ms: u64::MAX,
            },
        ),
        (
            r#""recite":{"000/q-6sst/q1":{"best_recall_percent":255}}"#.into(),
            PercentOver100 {
                field: RecallPercent,
                key: "000/q-6sst/q1".into(),
                percent: 255,
            },
        ),
        (
            r#""reading":{"000/a-byfe":{"seconds":4294967295}}"#.into(),
            TooLong {
                field: ReadingTime,
                key: "000/a-byfe".into(),
                seconds: u64::from(u32::MAX),
            },
        ),
        (
            r#""reading":{"000/a-byfe":{"percent":250}}"#.into(),
            PercentOver100 {
                field: ReadingPercent,
                key: "000/a-byfe".into(),
                percent: 250,
            },
        ),
        (
            r#""reading":{"000/a-byfe":{"position":1001}}"#.into(),
            PositionPastEnd {
                key: "000/a-byfe".into(),
                position: 1001,
            },
        ),
        (
            r#""days":[9223372036854775807]"#.into(),
            DayOutOfRange {
                field: StudyDay,
                key: String::new(),
                day: i64::MAX,
            },
        ),
        (
            r#""days":[-9223372036854775808]"#.into(),
            DayOutOfRange {
                field: StudyDay,
                key: String::new(),
                day: i64::MIN,
            },
        ),
        (
            r#""favourite_changes":{"000/a-byfe.html":18446744073709551615}"#.into(),
            MomentOutOfRange {
                field: FavouriteChanged,
                key: "000/a-byfe.html".into(),
                ms: u64::MAX,
            },
        ),
        (
            r#""questions":{"000/a-byfe-1":{"n_wrong":4294967295}}"#.into(),
            TooMany {
                field: Answers,
                key: "000/a-byfe-1".into(),
                count: u32::MAX,
            },
        ),
        (
            card(r#""added":20000,"due":-9223372036854775808"#),
            DayOutOfRange {
                field: ReviewDay,
                key: "000/q-6sst/q1".into(),
                day: i64::MIN,
            },
        ),
        (
            card(r#""added":20000,"due":20000,"reviews":1,"lapses":2"#),
            TooMany {
                field: Lapses,
                key: "000/q-6sst/q1".into(),
                count: 2,
            },
        ),
    ];
    let memory = |memory: &str| {
        card(&format!(
            r#""added":20000,"due":20000,"reviews":1,"memory":{memory}"#
        ))
    };
    let impossible_schedules = [
        memory(r#"{"stability":0.0,"difficulty":5.0}"#),
        memory(r#"{"stability":-3.0,"difficulty":5.0}"#),
        memory(r#"{"stability":1e300,"difficulty":5.0}"#),
        memory(r#"{"stability":2.0,"difficulty":0.5}"#),
        memory(r#"{"stability":2.0,"difficulty":10.5}"#),
        card(
            r#""added":20000,"due":20000,"reviews":0,"memory":{"stability":2.0,"difficulty":5.0}"#,
        ),
        card(r#""added":20000,"due":20000,"reviews":2"#),
    ]
    .into_iter()
    .map(|fields| {
        let error = ImpossibleSchedule {
            card: "000/q-6sst/q1".into(),
        };
        (fields, error)
    });
    for (fields, expected) in cases.into_iter().chain(impossible_schedules) {
        let text = format!(r#"{{"format":"xuexi-progress","schema":3,"progress":{{{fields}}}}}"#);
        let current = sample();
        assert_eq!(
            import(&text, &catalog(), &current),
            Err(expected.clone()),
            "{fields}"
        );
        let message = expected.to_string();
        assert!(message.starts_with("学习记录里有不可能的数字"), "{message}");
    }
    assert_eq!(
        PercentOver100 {
            field: BestScore,
            key: quiz(),
            percent: u32::MAX
        }
        .to_string(),
        "学习记录里有不可能的数字：000/quiz-a-byfe的最好成绩是 4294967295%，超过了 100%"
    );
}

/// The largest numbers the app itself writes are accepted.
#[test]
fn numbers_at_their_limits_import() {
    let text = r#"{"format":"xuexi-progress","schema":2,"progress":{
        "reading":{"000/a-byfe":{"percent":100,"read":true,"position":1000,"seconds":3600000}},
        "attempts":[{"quiz":"000/quiz-a-byfe","score":10,"total":10,"percent":100,"time_ms":31622400000,"finished_ms":253402300799999},
                    {"quiz":"000/quiz-a-byfe","score":2,"total":3,"percent":67,"time_ms":0,"finished_ms":0}],
        "best":{"000/quiz-a-byfe":100},
        "days":[-1,2932897],
        "recite":{"000/q-6sst/q1":{"best_recall_percent":100}},
        "review":{"cards":[{"id":"000/q-6sst/q1","added":0,"due":2969397,"reviews":3,"lapses":3,
                            "sm2":{"repetitions":3,"interval_days":36500,"ease_hundredths":130}}]}
    }}"#;
    let imported = import(text, &catalog(), &Progress::default());
    assert!(imported.is_ok(), "{imported:?}");
    let text = r#"{"format":"xuexi-progress","schema":3,"progress":{
        "review":{"cards":[{"id":"000/q-6sst/q1","added":0,"due":2969397,"reviews":3,"lapses":3,
                            "memory":{"stability":1e6,"difficulty":10.0}},
                           {"id":"000/quiz/a-byfe-1","added":0,"due":0,"reviews":1,
                            "memory":{"stability":0.001,"difficulty":1.0}}]}
    }}"#;
    let imported = import(text, &catalog(), &Progress::default());
    assert!(imported.is_ok(), "{imported:?}");
}
