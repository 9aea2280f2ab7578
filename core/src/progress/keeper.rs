//! What to write to the browser's storage, and what to tell the reader, decided here as a
//! pure state machine so that nothing stored is ever lost: stored data this build cannot
//! read is replaced only once a copy of it is safely stored under a backup key of its own
//! (a backup is never overwritten), and data from a newer release is never replaced at
//! all. When a copy cannot be stored, or storage refuses writes, the page keeps the
//! reader's progress in memory and says so.
//!
//! The browser side only carries the decisions out:
//!
//! ```text
//! let found = Found::read(|key| storage.get_item(key));   // or Found::unavailable()
//! let mut decision = keeper.save(&found, &progress);      // or keeper.load(&found)
//! while let Some((key, text)) = decision.next_write() {
//!     let ok = storage.set_item(&key.name(), text).is_ok();
//!     decision.written(ok);
//! }
//! let (keeper, synced) = decision.finish();               // what to show and to say
//! ```

use std::fmt;

use super::merge::merge;
use super::model::Progress;
use super::store::{load, save, LoadProblem, Loaded};

/// How many backup keys there are; with every one taken, unreadable data stays where it is.
pub const MAX_BACKUPS: u32 = 20;

/// A key of the browser's storage; the one place their names are built and read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StorageKey {
    /// The reader's progress: `xuexi.progress`.
    Progress,
    /// The `n`-th copy (from 1) of stored data a build could not read:
    /// `xuexi.progress.backup`, then `xuexi.progress.backup.2` and so on.
    Backup(u32),
    /// Answers given but not checked yet ([`super::UncheckedAnswers`]), apart from
    /// the progress so typing writes only them: `xuexi.unchecked`.
    UncheckedAnswers,
}

/// What storage holds, read right before a decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Whether storage can be used at all (private browsing may forbid it).
    available: bool,
    /// The text under [`StorageKey::Progress`].
    stored: Option<String>,
    /// What `stored` says.
    loaded: Loaded,
    /// The texts under the backup keys, slot 1 first, `None` where free; read only when
    /// `stored` cannot be read, since only then is a copy needed.
    backups: Vec<Option<String>>,
}

/// Decides every storage write of one page, remembering what it last told the reader so
/// a lasting problem is reported once, not at every save.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keeper {
    holding: Option<Hold>,
}

/// One decision being carried out: the writes still to do, then its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use = "carry out its writes, then finish it"]
pub struct Decision {
    before: Option<Hold>,
    plan: Plan,
    progress: Progress,
    theirs: Option<Progress>,
    writes: Vec<(StorageKey, String)>,
    n_written: usize,
    /// The write that failed, if one did; nothing after it is attempted.
    failed: Option<StorageKey>,
}

/// What a finished decision leaves the page with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synced {
    /// The progress the page goes on with: the stored one after a load, ours with what
    /// another tab stored merged in after a save.
    pub progress: Progress,
    /// What another tab stored that ours lacked, to merge into the page's state.
    pub theirs: Option<Progress>,
    /// What to tell the reader, when something happened to their stored progress.
    pub notice: Option<StorageNotice>,
}

/// What the reader is told; each says only what happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StorageNotice {
    /// Stored data this build cannot read is kept under a backup key, and the progress
    /// key now holds the page's progress (empty right after loading: `starting_afresh`).
    KeptAside {
        problem: LoadProblem,
        starting_afresh: bool,
    },
    /// Stored data comes from a newer release: it stays as it is, and this page's
    /// progress is kept in memory only.
    Newer(u32),
    /// Stored data cannot be read and storage has no room (or no free backup key) for a
    /// copy: it stays as it is, and this page's progress is kept in memory only.
    NoRoomForCopy(LoadProblem),
    /// Storage refused the write (full): progress is kept in memory only.
    Full,
    /// Storage cannot be used at all: progress is kept in memory only.
    Unavailable,
    /// Saving works again after one of the problems above.
    SavingAgain,
}

/// Why the page is keeping progress in memory only.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Hold {
    Newer(u32),
    NoRoomForCopy(LoadProblem),
    Full,
    Unavailable,
}

/// What a decision means to do.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Plan {
    /// Write the progress (after a copy of what it replaces, if that is unreadable).
    Save {
        replaces_unreadable: Option<LoadProblem>,
        starting_afresh: bool,
    },
    /// Write nothing.
    Hold(Hold),
}

impl StorageKey {
    /// The key's name in storage.
    pub fn name(self) -> String {
        match self {
            StorageKey::Progress => "xuexi.progress".to_string(),
            StorageKey::Backup(1) => "xuexi.progress.backup".to_string(),
            StorageKey::Backup(n) => format!("xuexi.progress.backup.{n}"),
            StorageKey::UncheckedAnswers => "xuexi.unchecked".to_string(),
        }
    }

    /// The key named `name`, if it is one of ours.
    pub fn parse(name: &str) -> Option<StorageKey> {
        match name {
            "xuexi.progress" => Some(StorageKey::Progress),
            "xuexi.progress.backup" => Some(StorageKey::Backup(1)),
            "xuexi.unchecked" => Some(StorageKey::UncheckedAnswers),
            _ => {
                let n: u32 = name.strip_prefix("xuexi.progress.backup.")?.parse().ok()?;
                (2..=MAX_BACKUPS)
                    .contains(&n)
                    .then_some(StorageKey::Backup(n))
                    .filter(|key| key.name() == name)
            }
        }
    }
}

impl Found {
    /// Reads what storage holds through `get`, which returns the text under a key name.
    pub fn read(mut get: impl FnMut(&str) -> Option<String>) -> Found {
        let stored = get(&StorageKey::Progress.name());
        let loaded = load(stored.as_deref());
        let backups = match loaded.problem {
            Some(LoadProblem::Unreadable(_)) => (1..=MAX_BACKUPS)
                .map(|n| get(&StorageKey::Backup(n).name()))
                .collect(),
            _ => Vec::new(),
        };
        Found {
            available: true,
            stored,
            loaded,
            backups,
        }
    }

    /// Storage cannot be used at all.
    pub fn unavailable() -> Found {
        Found {
            available: false,
            stored: None,
            loaded: load(None),
            backups: Vec::new(),
        }
    }

    /// Whether a backup key already holds exactly the stored text.
    fn stored_is_kept(&self) -> bool {
        self.backups
            .iter()
            .flatten()
            .any(|b| Some(b) == self.stored.as_ref())
    }

    /// The first backup key that holds nothing.
    fn free_backup(&self) -> Option<StorageKey> {
        let idx = self.backups.iter().position(Option::is_none)?;
        Some(StorageKey::Backup(idx as u32 + 1))
    }
}

impl Keeper {
    /// A page that has not touched storage yet.
    pub fn new() -> Keeper {
        Keeper::default()
    }

    /// Starts the page: the stored progress, or a clean start when there is none or it
    /// cannot be read (kept aside first, or left alone).
    pub fn load(&self, found: &Found) -> Decision {
        match &found.loaded.problem {
            None if found.available => {
                let stored = found.loaded.progress.clone();
                self.decision(Plan::written_fine(), stored, None, Vec::new())
            }
            _ => self.decide(found, &Progress::default(), true),
        }
    }

    /// Saves `ours`, merged with what another tab may have stored since.
    pub fn save(&self, found: &Found, ours: &Progress) -> Decision {
        self.decide(found, ours, false)
    }

    fn decide(&self, found: &Found, ours: &Progress, loading: bool) -> Decision {
        let hold = |hold| self.decision(Plan::Hold(hold), ours.clone(), None, Vec::new());
        if !found.available {
            return hold(Hold::Unavailable);
        }
        match &found.loaded.problem {
            Some(LoadProblem::FutureVersion(v)) => hold(Hold::Newer(*v)),
            Some(problem @ LoadProblem::Unreadable(_)) => {
                let mut writes = Vec::new();
                if !found.stored_is_kept() {
                    let Some(backup) = found.free_backup() else {
                        return hold(Hold::NoRoomForCopy(problem.clone()));
                    };
                    writes.push((backup, found.stored.clone().unwrap_or_default()));
                }
                writes.push((StorageKey::Progress, save(ours)));
                let plan = Plan::Save {
                    replaces_unreadable: Some(problem.clone()),
                    starting_afresh: loading,
                };
                self.decision(plan, ours.clone(), None, writes)
            }
            None => {
                let theirs = found.stored.as_ref().map(|_| &found.loaded.progress);
                let merged = theirs.map_or_else(|| ours.clone(), |theirs| merge(ours, theirs));
                let text = save(&merged);
                let theirs = theirs.filter(|_| merged != *ours).cloned();
                // Writing what is already there would only wake the other tabs.
                let writes = if found.stored.as_ref() == Some(&text) {
                    Vec::new()
                } else {
                    vec![(StorageKey::Progress, text)]
                };
                self.decision(Plan::written_fine(), merged, theirs, writes)
            }
        }
    }

    fn decision(
        &self,
        plan: Plan,
        progress: Progress,
        theirs: Option<Progress>,
        writes: Vec<(StorageKey, String)>,
    ) -> Decision {
        Decision {
            before: self.holding.clone(),
            plan,
            progress,
            theirs,
            writes,
            n_written: 0,
            failed: None,
        }
    }
}

impl Plan {
    fn written_fine() -> Plan {
        Plan::Save {
            replaces_unreadable: None,
            starting_afresh: false,
        }
    }
}

impl Decision {
    /// The next write to carry out: under this key, this text. `None` when done.
    pub fn next_write(&self) -> Option<(StorageKey, &str)> {
        if self.failed.is_some() {
            return None;
        }
        let (key, text) = self.writes.get(self.n_written)?;
        Some((*key, text))
    }

    /// Reports how the write [`Decision::next_write`] gave went; after a failure nothing more
    /// is written.
    pub fn written(&mut self, ok: bool) {
        let Some((key, _)) = self.writes.get(self.n_written) else {
            return;
        };
        if ok {
            self.n_written += 1;
        } else {
            self.failed = Some(*key);
        }
    }

    /// The keeper for the next decision and what this one leaves the page with.
    pub fn finish(self) -> (Keeper, Synced) {
        let hold = match (&self.plan, self.failed) {
            (Plan::Hold(hold), _) => Some(hold.clone()),
            (
                Plan::Save {
                    replaces_unreadable: Some(problem),
                    ..
                },
                Some(StorageKey::Backup(_)),
            ) => Some(Hold::NoRoomForCopy(problem.clone())),
            (Plan::Save { .. }, Some(_)) => Some(Hold::Full),
            (Plan::Save { .. }, None) => None,
        };
        let notice = match (&hold, &self.plan) {
            (Some(hold), _) if self.before.as_ref() == Some(hold) => None,
            (Some(hold), _) => Some(hold.notice()),
            (
                None,
                Plan::Save {
                    replaces_unreadable: Some(problem),
                    starting_afresh,
                },
            ) => Some(StorageNotice::KeptAside {
                problem: problem.clone(),
                starting_afresh: *starting_afresh,
            }),
            (None, _) if self.before.is_some() => Some(StorageNotice::SavingAgain),
            (None, _) => None,
        };
        let keeper = Keeper { holding: hold };
        let synced = Synced {
            progress: self.progress,
            theirs: self.theirs,
            notice,
        };
        (keeper, synced)
    }
}

impl Hold {
    fn notice(&self) -> StorageNotice {
        match self {
            Hold::Newer(v) => StorageNotice::Newer(*v),
            Hold::NoRoomForCopy(problem) => StorageNotice::NoRoomForCopy(problem.clone()),
            Hold::Full => StorageNotice::Full,
            Hold::Unavailable => StorageNotice::Unavailable,
        }
    }
}

impl StorageNotice {
    /// Whether the page is now keeping progress in memory only.
    pub fn in_memory_only(&self) -> bool {
        matches!(
            self,
            StorageNotice::Newer(_)
                | StorageNotice::NoRoomForCopy(_)
                | StorageNotice::Full
                | StorageNotice::Unavailable
        )
    }
}

impl fmt::Display for StorageNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MEMORY_ONLY: &str = "本页的学习记录暂时只保存在本页，关闭后会丢失";
        match self {
            StorageNotice::KeptAside {
                problem,
                starting_afresh: true,
            } => write!(f, "{problem}。原数据已另存为备份，现在从头开始记录。"),
            StorageNotice::KeptAside {
                problem,
                starting_afresh: false,
            } => write!(f, "{problem}。原数据已另存为备份，本页的学习记录照常保存。"),
            StorageNotice::Newer(v) => write!(
                f,
                "保存的学习记录来自更新的版本（第 {v} 版），本版本无法读取，已原样保留。\
                 {MEMORY_ONLY}：请刷新页面，换用新版本。"
            ),
            StorageNotice::NoRoomForCopy(problem) => write!(
                f,
                "{problem}，存储空间也不够另存备份：原数据已原样保留，{MEMORY_ONLY}。"
            ),
            StorageNotice::Full => write!(f, "存储空间已满或不可用：{MEMORY_ONLY}。"),
            StorageNotice::Unavailable => write!(
                f,
                "本浏览器不允许保存数据（可能是无痕模式）：学习记录只保存在本页。"
            ),
            StorageNotice::SavingAgain => write!(f, "学习记录又能保存在本机了。"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_names_round_trip() {
        let cases = [
            (StorageKey::Progress, "xuexi.progress"),
            (StorageKey::Backup(1), "xuexi.progress.backup"),
            (StorageKey::Backup(2), "xuexi.progress.backup.2"),
            (StorageKey::Backup(20), "xuexi.progress.backup.20"),
        ];
        for (key, name) in cases {
            assert_eq!(key.name(), name);
            assert_eq!(StorageKey::parse(name), Some(key));
        }
        for name in [
            "xuexi.progress.backup.1",
            "xuexi.progress.backup.02",
            "xuexi.progress.backup.21",
            "xuexi.progress.backup.",
            "xuexi.theme",
        ] {
            assert_eq!(StorageKey::parse(name), None, "{name}");
        }
    }
}
