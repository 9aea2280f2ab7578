//! The storage keeper against a model of the browser's storage (a quota, writes that
//! fail, other tabs and other releases writing in between): stored data it cannot read is
//! never replaced without a copy, backups are never overwritten, readable data is merged,
//! and the notice says only what happened. The last test drives random sequences of loads,
//! saves, imports, other tabs' writes and storage failures.

use std::collections::BTreeMap;

use xuexi_core::progress::keeper::{Decision, MAX_BACKUPS};
use xuexi_core::progress::{
    export_json, import, load, merge, save, Catalog, Found, Keeper, LoadProblem, Progress,
    ProgressAction, StorageKey, StorageNotice,
};
use xuexi_core::quiz::rng::SplitMix64;

/// The browser's storage: keys and texts, a quota in UTF-16 units as browsers count it,
/// and whether it can be used at all.
#[derive(Debug, Clone)]
struct Browser {
    items: BTreeMap<String, String>,
    quota: usize,
    available: bool,
}

/// One page of the app: its keeper, its progress in memory, and what it told the reader.
#[derive(Debug, Clone, Default)]
struct Tab {
    keeper: Keeper,
    progress: Progress,
    notices: Vec<StorageNotice>,
}

const ROOMY: usize = 5 * 1024 * 1024;

impl Browser {
    fn with(items: &[(&str, &str)]) -> Browser {
        Browser {
            items: items
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            quota: ROOMY,
            available: true,
        }
    }

    fn get(&self, key: StorageKey) -> Option<&str> {
        self.items.get(&key.name()).map(String::as_str)
    }

    fn used(&self) -> usize {
        self.items.iter().map(|(k, v)| units(k) + units(v)).sum()
    }

    /// `setItem`: refused when storage cannot be used or the quota would be exceeded.
    fn set(&mut self, key: &str, text: &str) -> bool {
        let freed = self.items.get(key).map_or(0, |old| units(key) + units(old));
        if !self.available || self.used() - freed + units(key) + units(text) > self.quota {
            return false;
        }
        self.items.insert(key.to_string(), text.to_string());
        true
    }

    /// Fills storage: only `room` more units fit.
    fn fill(&mut self, room: usize) {
        self.quota = self.used() + room;
    }

    fn found(&self) -> Found {
        if self.available {
            Found::read(|name| self.items.get(name).cloned())
        } else {
            Found::unavailable()
        }
    }
}

fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

impl Tab {
    /// A page opened (or reloaded) now.
    fn open(browser: &mut Browser) -> Tab {
        let mut tab = Tab::default();
        let decision = tab.keeper.load(&browser.found());
        tab.carry_out(decision, browser);
        tab
    }

    /// What the app does after every change: save, merged with what is stored.
    fn save(&mut self, browser: &mut Browser) {
        let decision = self.keeper.save(&browser.found(), &self.progress);
        self.carry_out(decision, browser);
    }

    fn apply(&mut self, action: ProgressAction, browser: &mut Browser) {
        self.progress = self.progress.apply(action);
        self.save(browser);
    }

    /// What `src/ui/store.rs` does with a decision.
    fn carry_out(&mut self, mut decision: Decision, browser: &mut Browser) {
        while let Some((key, text)) = decision.next_write() {
            let ok = browser.set(&key.name(), text);
            decision.written(ok);
        }
        let (keeper, synced) = decision.finish();
        self.keeper = keeper;
        self.progress = synced.progress;
        self.notices.extend(synced.notice);
    }
}

fn favourite(route: &str, at_ms: u64) -> ProgressAction {
    ProgressAction::ToggleFavourite {
        route: route.into(),
        at_ms,
    }
}

/// Progress stored by the next release, whose schema this build does not know.
fn newer(note: &str) -> String {
    format!(
        r#"{{"schema":{},"progress":{{"favourites":["000/a-byfe.html"],"note":"{note}"}}}}"#,
        NEWER
    )
}

const NEWER: u32 = xuexi_core::progress::store::SCHEMA_VERSION + 1;

fn unreadable(why: &str) -> LoadProblem {
    match load(Some(why)).problem {
        Some(problem @ LoadProblem::Unreadable(_)) => problem,
        other => panic!("{why} is not unreadable: {other:?}"),
    }
}

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

/// The promise, over random sequences: no load, save, import, other tab's write or
/// storage failure ever removes stored data the app cannot read without a copy of it;
/// a backup is never changed; readable data is merged, never replaced; and the notice
/// says what happened.
#[test]
fn no_sequence_loses_what_it_cannot_read() {
    const N_SEQUENCES: u64 = 300;
    const N_STEPS: usize = 60;
    let catalog = catalog();
    let mut n_checked = 0;
    // Every kind of notice, to show the sequences reach every state.
    let mut told: BTreeMap<&str, usize> = BTreeMap::new();
    for seed in 0..N_SEQUENCES {
        let mut rng = SplitMix64::new(seed);
        let mut browser = Browser::with(&[]);
        let mut tabs = [Tab::open(&mut browser), Tab::open(&mut browser)];
        let mut log = Vec::new();
        for step in 0..N_STEPS {
            let before = browser.items.clone();
            let idx = rng.below(tabs.len());
            let tab = &mut tabs[idx];
            let n_notices = tab.notices.len();
            let ours = match rng.below(12) {
                0..=2 => {
                    let action = random_action(&mut rng, step as u64);
                    log.push(format!("tab {idx}: {action:?}"));
                    tab.apply(action, &mut browser);
                    true
                }
                3 => {
                    log.push(format!("tab {idx}: reload"));
                    *tab = Tab::open(&mut browser);
                    true
                }
                4 => {
                    let text = random_import(&mut rng);
                    log.push(format!("tab {idx}: import {}", &text[..text.len().min(60)]));
                    if let Ok(merged) = import(&text, &catalog, &tab.progress) {
                        tab.progress = merged;
                        tab.save(&mut browser);
                    }
                    true
                }
                5 => {
                    // The browser tells the tab another tab saved (the `storage` event).
                    log.push(format!("tab {idx}: storage event"));
                    let loaded = load(browser.get(StorageKey::Progress));
                    if loaded.problem.is_none() {
                        tab.progress = merge(&tab.progress, &loaded.progress);
                    }
                    tab.save(&mut browser);
                    true
                }
                6 | 7 => {
                    let text = random_foreign_text(&mut rng, step);
                    log.push(format!(
                        "another release writes {}",
                        &text[..text.len().min(60)]
                    ));
                    browser.items.insert("xuexi.progress".into(), text);
                    false
                }
                8 | 9 => {
                    let room = [0, 10, 100, 1000, 100_000][rng.below(5)];
                    log.push(format!("storage fills: {room} left"));
                    browser.fill(room);
                    false
                }
                10 => {
                    log.push("storage has room".into());
                    browser.quota = ROOMY;
                    false
                }
                _ => {
                    browser.available = !browser.available;
                    log.push(format!("storage available: {}", browser.available));
                    false
                }
            };
            if ours {
                let notice = tabs[idx].notices.get(n_notices..).unwrap_or_default();
                for said in notice {
                    *told.entry(kind_of(said)).or_default() += 1;
                }
                if let Err(why) = check_step(&before, &browser.items, notice) {
                    panic!("seed {seed}, step {step}: {why}\n{}", log.join("\n"));
                }
                n_checked += 1;
            }
        }
    }
    assert!(n_checked > N_SEQUENCES as usize * N_STEPS / 3);
    println!("{n_checked} steps checked; notices: {told:?}");
    assert_eq!(told.len(), 7, "{told:?}");
}

fn kind_of(notice: &StorageNotice) -> &'static str {
    match notice {
        StorageNotice::KeptAside {
            starting_afresh: true,
            ..
        } => "kept aside on load",
        StorageNotice::KeptAside { .. } => "kept aside on save",
        StorageNotice::Newer(_) => "newer",
        StorageNotice::NoRoomForCopy(_) => "no room for a copy",
        StorageNotice::Full => "full",
        StorageNotice::Unavailable => "unavailable",
        StorageNotice::SavingAgain => "saving again",
    }
}

/// What must hold after one of our pages acted, given storage before and after it and
/// what the page said.
fn check_step(
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
    notices: &[StorageNotice],
) -> Result<(), String> {
    let main = StorageKey::Progress.name();
    for (key, text) in before {
        if *key != main && after.get(key) != Some(text) {
            return Err(format!("{key} changed or vanished"));
        }
    }
    if let Some(key) = after.keys().find(|k| StorageKey::parse(k).is_none()) {
        return Err(format!("wrote a key of no known name: {key}"));
    }
    let Some(old) = before.get(&main) else {
        return Ok(());
    };
    let new = after.get(&main);
    let old_loaded = load(Some(old));
    match &old_loaded.problem {
        Some(_) => {
            if new != Some(old) && !after.values().any(|v| v == old) {
                return Err(format!(
                    "replaced unreadable data without a copy: {old:.60}"
                ));
            }
        }
        None => {
            let new_loaded = load(new.map(String::as_str));
            if new_loaded.problem.is_some() || new.is_none() {
                return Err("readable progress became unreadable".into());
            }
            if !old_loaded
                .progress
                .days
                .is_subset(&new_loaded.progress.days)
            {
                return Err("readable progress was replaced, not merged".into());
            }
        }
    }
    for notice in notices {
        match notice {
            StorageNotice::KeptAside { .. } => {
                if old_loaded.problem.is_none() || !after.values().any(|v| v == old) {
                    return Err(format!("said 「{notice}」 but kept no copy"));
                }
                if load(new.map(String::as_str)).problem.is_some() {
                    return Err(format!("said 「{notice}」 but did not save"));
                }
            }
            notice if notice.in_memory_only() && new != Some(old) => {
                return Err(format!("said 「{notice}」 but wrote"));
            }
            _ => {}
        }
    }
    Ok(())
}

fn catalog() -> Catalog {
    let set = |items: &[&str]| items.iter().map(|s| s.to_string()).collect();
    Catalog {
        items: set(&["000/a-byfe", "000/a-7n4l"]),
        questions: set(&["000/a-byfe-1", "000/a-byfe-2"]),
        quizzes: [("000/quiz-a-byfe".to_string(), 2)].into(),
        routes: set(&["000/a-byfe.html", "000/a-7n4l.html"]),
        quotations: set(&["000/q-6sst/q1"]),
    }
}

fn random_action(rng: &mut SplitMix64, step: u64) -> ProgressAction {
    let item = ["000/a-byfe", "000/a-7n4l"][rng.below(2)];
    match rng.below(4) {
        0 => ProgressAction::Studied(20_000 + rng.below(30) as i64),
        1 => favourite(&format!("{item}.html"), step),
        2 => ProgressAction::Scrolled {
            key: item.into(),
            percent: rng.below(101) as u8,
            position: rng.below(1001) as u16,
        },
        _ => ProgressAction::Spent {
            key: item.into(),
            seconds: 15,
        },
    }
}

/// An export of random progress, sometimes damaged, sometimes with an impossible number.
fn random_import(rng: &mut SplitMix64) -> String {
    let mut progress = Progress::default();
    for step in 0..rng.below(5) {
        progress = progress.apply(random_action(rng, step as u64));
    }
    let text = export_json(&progress, 1);
    match rng.below(4) {
        0 => text[..rng.below(text.len())].to_string(),
        1 => text.replace("\"days\": [", "\"days\": [9223372036854775807,"),
        _ => text,
    }
}

/// What another release or a damaged disk may leave under the progress key: a newer
/// schema, garbage of any length (sometimes large), cut-off progress, or plain progress.
fn random_foreign_text(rng: &mut SplitMix64, step: usize) -> String {
    match rng.below(5) {
        0 => newer(&format!("VALUABLE-{step}")),
        1 => format!("garbage-{step}"),
        2 => format!(
            "garbage-{step}-{}",
            "x".repeat(rng.below(70_000) / rng.below(100).max(1))
        ),
        3 => {
            let text = save(&Progress::default().apply(ProgressAction::Studied(step as i64)));
            text[..text.len() / 2].to_string()
        }
        _ => save(&Progress::default().apply(ProgressAction::Studied(step as i64))),
    }
}
