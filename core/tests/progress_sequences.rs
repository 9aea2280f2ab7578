//! The storage keeper's promise over random sequences of loads, saves, imports, other
//! tabs' writes, other releases' writes and storage failures: nothing it cannot read is
//! removed without a copy, a backup is never changed, readable data is merged, and each
//! notice says what happened.

mod common;

use std::collections::BTreeMap;

use common::browser::{favourite, newer, Browser, Tab, ROOMY};
use xuexi_core::progress::{
    export_json, import, load, merge, save, Progress, ProgressAction, StorageKey, StorageNotice,
};
use xuexi_core::quiz::rng::SplitMix64;

/// The promise, over random sequences: no load, save, import, other tab's write or
/// storage failure ever removes stored data the app cannot read without a copy of it;
/// a backup is never changed; readable data is merged, never replaced; and the notice
/// says what happened.
#[test]
fn no_sequence_loses_what_it_cannot_read() {
    const N_SEQUENCES: u64 = 300;
    const N_STEPS: usize = 60;
    let catalog = common::progress_catalog();
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

fn random_action(rng: &mut SplitMix64, step: u64) -> ProgressAction {
    let item = ["000/a-byfe", "000/a-7n4l"][rng.below(2)];
    let key = common::item_key(item);
    match rng.below(4) {
        0 => ProgressAction::Studied(20_000 + rng.below(30) as i64),
        1 => favourite(&format!("{item}.html"), step),
        2 => ProgressAction::Scrolled {
            key,
            percent: rng.below(101) as u8,
            position: rng.below(1001) as u16,
        },
        _ => ProgressAction::Spent { key, seconds: 15 },
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
