//! The storage keeper against a model of the browser's storage (a quota, writes that
//! fail, other tabs and other releases writing in between): stored data it cannot read is
//! never replaced without a copy, backups are never overwritten, readable data is merged,
//! and the notice says only what happened. `progress_sequences.rs` drives random
//! sequences of all of these.

mod common;

use common::browser::{favourite, newer, unreadable, Browser, Tab, NEWER, ROOMY};
use xuexi_core::progress::keeper::MAX_BACKUPS;
use xuexi_core::progress::{load, Progress, ProgressAction, StorageKey, StorageNotice};

/// Regression (issue 18, case 1): a second unreadable copy destroyed the first, and the
/// notice said it had been saved.
#[test]
fn r18_a_newer_releases_data_is_never_overwritten_nor_a_backup() {
    let mut browser = Browser::with(&[("xuexi.progress", "garbage-1")]);
    let mut tab = Tab::open(&mut browser);
    assert_eq!(browser.get(StorageKey::Backup(1)), Some("garbage-1"));
    assert_eq!(
        tab.notices,
        [StorageNotice::KeptAside {
            problem: unreadable("garbage-1"),
            starting_afresh: true
        }]
    );
    tab.apply(favourite("000/a-byfe.html", 1), &mut browser);
    assert!(load(browser.get(StorageKey::Progress))
        .progress
        .is_favourite("000/a-byfe.html"));

    // A newer release writes; this page reloads.
    browser.set("xuexi.progress", &newer("VALUABLE"));
    let mut tab = Tab::open(&mut browser);
    assert_eq!(tab.notices, [StorageNotice::Newer(NEWER)]);
    let said = tab.notices[0].to_string();
    assert!(
        said.contains(&format!("第 {NEWER} 版")) && said.contains("原样保留"),
        "{said}"
    );
    assert!(!said.contains("备份"), "{said}");
    tab.apply(favourite("000/a-7n4l.html", 2), &mut browser);
    assert_eq!(
        browser.get(StorageKey::Progress),
        Some(newer("VALUABLE").as_str())
    );
    assert_eq!(browser.get(StorageKey::Backup(1)), Some("garbage-1"));
    assert_eq!(tab.notices.len(), 1, "a lasting problem is told once");

    // A second unreadable text gets a backup key of its own.
    browser.set("xuexi.progress", "garbage-2");
    let tab = Tab::open(&mut browser);
    assert_eq!(browser.get(StorageKey::Backup(1)), Some("garbage-1"));
    assert_eq!(browser.get(StorageKey::Backup(2)), Some("garbage-2"));
    assert_eq!(
        load(browser.get(StorageKey::Progress)).progress,
        Progress::default()
    );
    assert!(matches!(tab.notices[..], [StorageNotice::KeptAside { .. }]));
}

/// Regression (issue 18, case 1): a tab in the middle of a quiz wrote the older schema over
/// what a newer release had stored in another tab.
#[test]
fn r18_a_tab_never_writes_over_another_tabs_newer_release() {
    let mut browser = Browser::with(&[]);
    let mut older = Tab::open(&mut browser);
    older.apply(ProgressAction::Studied(20_000), &mut browser);
    browser.set("xuexi.progress", &newer("VALUABLE"));
    older.apply(ProgressAction::Studied(20_001), &mut browser);
    older.apply(ProgressAction::Studied(20_002), &mut browser);
    assert_eq!(
        browser.get(StorageKey::Progress),
        Some(newer("VALUABLE").as_str())
    );
    assert_eq!(older.notices, [StorageNotice::Newer(NEWER)]);
    assert!(older.notices[0].in_memory_only());
    // The page still has everything in memory.
    assert_eq!(older.progress.days.len(), 3);
}

/// Regression (issue 18, case 2): with storage full, the backup failed and the smaller
/// empty progress was then written over the unreadable original.
#[test]
fn r18_with_storage_full_unreadable_data_stays_until_its_copy_is_stored() {
    let original = format!("{{\"schema\":2,\"progress\":{}", "x".repeat(68_000));
    let mut browser = Browser::with(&[("xuexi.progress", &original)]);
    browser.fill(100);
    let mut tab = Tab::open(&mut browser);
    assert_eq!(browser.get(StorageKey::Progress), Some(original.as_str()));
    assert_eq!(browser.get(StorageKey::Backup(1)), None);
    let problem = unreadable(&original);
    assert_eq!(tab.notices, [StorageNotice::NoRoomForCopy(problem.clone())]);
    tab.apply(favourite("000/a-byfe.html", 1), &mut browser);
    assert_eq!(browser.get(StorageKey::Progress), Some(original.as_str()));
    assert_eq!(tab.notices.len(), 1);

    // Room again: the copy is stored first, then the page's progress.
    browser.quota = ROOMY;
    tab.apply(favourite("000/a-7n4l.html", 2), &mut browser);
    assert_eq!(browser.get(StorageKey::Backup(1)), Some(original.as_str()));
    let stored = load(browser.get(StorageKey::Progress)).progress;
    assert!(stored.is_favourite("000/a-byfe.html") && stored.is_favourite("000/a-7n4l.html"));
    assert_eq!(
        tab.notices[1..],
        [StorageNotice::KeptAside {
            problem,
            starting_afresh: false
        }]
    );
}

#[test]
fn each_storage_failure_is_told_once_and_its_end_too() {
    let mut browser = Browser::with(&[]);
    let mut tab = Tab::open(&mut browser);
    browser.fill(0);
    for day in 0..3 {
        tab.apply(ProgressAction::Studied(20_000 + day), &mut browser);
    }
    browser.quota = ROOMY;
    tab.apply(ProgressAction::Studied(20_010), &mut browser);
    browser.available = false;
    tab.apply(ProgressAction::Studied(20_011), &mut browser);
    browser.available = true;
    tab.apply(ProgressAction::Studied(20_012), &mut browser);
    assert_eq!(
        tab.notices,
        [
            StorageNotice::Full,
            StorageNotice::SavingAgain,
            StorageNotice::Unavailable,
            StorageNotice::SavingAgain
        ]
    );
    assert_eq!(
        load(browser.get(StorageKey::Progress)).progress.days.len(),
        6
    );
}

#[test]
fn backups_already_stored_are_not_copied_again_and_every_key_taken_means_holding() {
    // A copy from an earlier load whose progress write failed: replaced without a second copy.
    let mut browser = Browser::with(&[
        ("xuexi.progress", "garbage"),
        ("xuexi.progress.backup", "older garbage"),
        ("xuexi.progress.backup.2", "garbage"),
    ]);
    Tab::open(&mut browser);
    assert_eq!(browser.items.len(), 3);
    assert_eq!(load(browser.get(StorageKey::Progress)).problem, None);

    let mut full: Vec<(String, String)> = (1..=MAX_BACKUPS)
        .map(|n| (StorageKey::Backup(n).name(), format!("old {n}")))
        .collect();
    full.push(("xuexi.progress".into(), "garbage".into()));
    let pairs: Vec<(&str, &str)> = full.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let mut browser = Browser::with(&pairs);
    let tab = Tab::open(&mut browser);
    assert_eq!(browser.get(StorageKey::Progress), Some("garbage"));
    assert!(matches!(tab.notices[..], [StorageNotice::NoRoomForCopy(_)]));
}

#[test]
fn two_tabs_merge_and_an_unchanged_save_writes_nothing() {
    let mut browser = Browser::with(&[]);
    let mut a = Tab::open(&mut browser);
    let mut b = Tab::open(&mut browser);
    a.apply(ProgressAction::Studied(1), &mut browser);
    b.apply(ProgressAction::Studied(2), &mut browser);
    a.apply(ProgressAction::Studied(3), &mut browser);
    let stored = load(browser.get(StorageKey::Progress)).progress;
    assert_eq!(stored.days.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
    browser.fill(0);
    a.save(&mut browser);
    assert!(a.notices.is_empty(), "nothing to write, nothing refused");
}
