//! A model of the browser's storage for the keeper's tests: keys and texts under a quota
//! counted as browsers count it, writes that fail, and pages (tabs) that carry out the
//! keeper's decisions as `src/ui/store.rs` does.

use std::collections::BTreeMap;

use xuexi_core::progress::keeper::Decision;
use xuexi_core::progress::{
    load, Found, Keeper, LoadProblem, Progress, ProgressAction, StorageKey, StorageNotice,
};

/// The browser's storage: keys and texts, a quota in UTF-16 units as browsers count it,
/// and whether it can be used at all.
#[derive(Debug, Clone)]
pub struct Browser {
    pub items: BTreeMap<String, String>,
    pub quota: usize,
    pub available: bool,
}

/// One page of the app: its keeper, its progress in memory, and what it told the reader.
#[derive(Debug, Clone, Default)]
pub struct Tab {
    pub keeper: Keeper,
    pub progress: Progress,
    pub notices: Vec<StorageNotice>,
}

pub const ROOMY: usize = 5 * 1024 * 1024;

impl Browser {
    pub fn with(items: &[(&str, &str)]) -> Browser {
        Browser {
            items: items
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            quota: ROOMY,
            available: true,
        }
    }

    pub fn get(&self, key: StorageKey) -> Option<&str> {
        self.items.get(&key.name()).map(String::as_str)
    }

    pub fn used(&self) -> usize {
        self.items.iter().map(|(k, v)| units(k) + units(v)).sum()
    }

    /// `setItem`: refused when storage cannot be used or the quota would be exceeded.
    pub fn set(&mut self, key: &str, text: &str) -> bool {
        let freed = self.items.get(key).map_or(0, |old| units(key) + units(old));
        if !self.available || self.used() - freed + units(key) + units(text) > self.quota {
            return false;
        }
        self.items.insert(key.to_string(), text.to_string());
        true
    }

    /// Fills storage: only `room` more units fit.
    pub fn fill(&mut self, room: usize) {
        self.quota = self.used() + room;
    }

    pub fn found(&self) -> Found {
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
    pub fn open(browser: &mut Browser) -> Tab {
        let mut tab = Tab::default();
        let decision = tab.keeper.load(&browser.found());
        tab.carry_out(decision, browser);
        tab
    }

    /// What the app does after every change: save, merged with what is stored.
    pub fn save(&mut self, browser: &mut Browser) {
        let decision = self.keeper.save(&browser.found(), &self.progress);
        self.carry_out(decision, browser);
    }

    pub fn apply(&mut self, action: ProgressAction, browser: &mut Browser) {
        self.progress = self.progress.apply(action);
        self.save(browser);
    }

    /// What `src/ui/store.rs` does with a decision.
    pub fn carry_out(&mut self, mut decision: Decision, browser: &mut Browser) {
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

pub fn favourite(route: &str, at_ms: u64) -> ProgressAction {
    ProgressAction::ToggleFavourite {
        route: route.into(),
        at_ms,
    }
}

/// Progress stored by the next release, whose schema this build does not know.
pub fn newer(note: &str) -> String {
    format!(
        r#"{{"schema":{},"progress":{{"favourites":["000/a-byfe.html"],"note":"{note}"}}}}"#,
        NEWER
    )
}

pub const NEWER: u32 = xuexi_core::progress::store::SCHEMA_VERSION + 1;

pub fn unreadable(why: &str) -> LoadProblem {
    match load(Some(why)).problem {
        Some(problem @ LoadProblem::Unreadable(_)) => problem,
        other => panic!("{why} is not unreadable: {other:?}"),
    }
}
