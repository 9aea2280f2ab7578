//! The backup reminder: what is worth keeping, when a backup is due (a month without one,
//! never twice a week), the actions that record both, and old data without the fields.

mod common;

use common::{item_key, quiz_key, quotation_key};
use xuexi_core::progress::reminder::{BACKUP_FRESH_MS, REMIND_AT_MOST_EVERY_MS};
use xuexi_core::progress::{
    backup_due, load, merge, worth_keeping, Attempt, Progress, ProgressAction,
};

const DAY: u64 = 86_400_000;
const NOW: u64 = 1_796_000_000_000;

fn with_quiz() -> Progress {
    Progress::default().apply(ProgressAction::Finished(Attempt {
        quiz: quiz_key("000/quiz-a-byfe"),
        score: 6,
        total: 7,
        percent: 86,
        time_ms: 3_000,
        finished_ms: NOW - 40 * DAY,
    }))
}

#[test]
fn what_is_worth_keeping() {
    let cases: Vec<(&str, Progress, bool)> = vec![
        ("nothing", Progress::default(), false),
        (
            "settings only",
            Progress::default().apply(ProgressAction::SetTheme(
                xuexi_core::progress::ThemeChoice::Dark,
            )),
            false,
        ),
        (
            "half an item read",
            Progress::default().apply(ProgressAction::Scrolled {
                key: item_key("000/a-byfe"),
                percent: 50,
                position: 500,
            }),
            false,
        ),
        (
            "an item read to its end",
            Progress::default().apply(ProgressAction::Scrolled {
                key: item_key("000/a-byfe"),
                percent: 100,
                position: 1000,
            }),
            true,
        ),
        (
            "a favourite",
            Progress::default().apply(ProgressAction::ToggleFavourite {
                route: "000/a-byfe.html".into(),
                at_ms: NOW,
            }),
            true,
        ),
        ("a finished quiz", with_quiz(), true),
        (
            "a review card",
            Progress::default().apply(ProgressAction::Reviewed {
                card: quotation_key("000/q-6sst/q1").card(),
                grade: xuexi_core::review::Grade::Good,
                day: 1,
            }),
            // Grading an unknown card adds nothing.
            false,
        ),
    ];
    for (what, progress, expected) in cases {
        assert_eq!(worth_keeping(&progress), expected, "{what}");
    }
}

/// (backed up, reminded, now) → due, for a reader with a finished quiz.
#[test]
fn a_backup_is_due_after_a_month_and_reminded_at_most_weekly() {
    let cases: [(Option<u64>, Option<u64>, u64, bool); 9] = [
        (None, None, NOW, true),
        (Some(NOW - DAY), None, NOW, false),
        (Some(NOW - 29 * DAY), None, NOW, false),
        (Some(NOW - BACKUP_FRESH_MS), None, NOW, true),
        (None, Some(NOW - 6 * DAY), NOW, false),
        (None, Some(NOW - REMIND_AT_MOST_EVERY_MS), NOW, true),
        (Some(NOW - 60 * DAY), Some(NOW - 3 * DAY), NOW, false),
        // A clock set back before the last backup or reminder: not due.
        (Some(NOW + DAY), None, NOW, false),
        (None, Some(NOW + DAY), NOW, false),
    ];
    for (backed_up_ms, reminded_ms, now, due) in cases {
        let progress = Progress {
            backed_up_ms,
            reminded_ms,
            ..with_quiz()
        };
        assert_eq!(
            backup_due(&progress, now),
            due,
            "backed up {backed_up_ms:?}, reminded {reminded_ms:?}"
        );
    }
    // Nothing worth keeping: never due.
    assert!(!backup_due(&Progress::default(), NOW));
}

#[test]
fn reminding_and_backing_up_are_recorded() {
    let progress = with_quiz();
    assert!(backup_due(&progress, NOW));
    // Reminded now: not again for a week, then again.
    let reminded = progress.apply(ProgressAction::Reminded { at_ms: NOW });
    assert_eq!(reminded.reminded_ms, Some(NOW));
    assert!(!backup_due(&reminded, NOW + 6 * DAY));
    assert!(backup_due(&reminded, NOW + 7 * DAY));
    // Backed up: not due for a month, whatever the reminders.
    let backed_up = reminded.apply(ProgressAction::BackedUp { at_ms: NOW + DAY });
    assert_eq!(backed_up.backed_up_ms, Some(NOW + DAY));
    assert!(!backup_due(&backed_up, NOW + 30 * DAY));
    assert!(backup_due(&backed_up, NOW + 31 * DAY));
    // Times only move forward (another tab's older record does not undo a backup).
    let older = backed_up.apply(ProgressAction::BackedUp { at_ms: NOW - DAY });
    assert_eq!(older.backed_up_ms, Some(NOW + DAY));
    // Merging two copies keeps the later of each.
    let other = Progress {
        backed_up_ms: Some(NOW + 2 * DAY),
        reminded_ms: None,
        ..Progress::default()
    };
    let merged = merge(&backed_up, &other);
    assert_eq!(
        (merged.backed_up_ms, merged.reminded_ms),
        (Some(NOW + 2 * DAY), Some(NOW))
    );
}

#[test]
fn data_stored_before_the_reminder_reads() {
    let loaded = load(Some(
        r#"{"schema":2,"progress":{"favourites":["000/a-byfe.html"]}}"#,
    ));
    assert_eq!(loaded.problem, None);
    assert_eq!(
        (loaded.progress.backed_up_ms, loaded.progress.reminded_ms),
        (None, None)
    );
    let loaded = load(Some(
        r#"{"schema":3,"progress":{"backed_up_ms":5,"reminded_ms":7}}"#,
    ));
    assert_eq!(
        (loaded.progress.backed_up_ms, loaded.progress.reminded_ms),
        (Some(5), Some(7))
    );
}
