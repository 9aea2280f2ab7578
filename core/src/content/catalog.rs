//! The archive's catalog: every page the build carries, newest first, with what the app
//! needs without fetching the page itself — its date and 期号, item headings and ids,
//! quotation and question ids — for the archive list, records that span pages, and
//! checking an import. It travels to the app as data: `data/catalog.json` names the newest
//! pages and the volumes (`data/volume-<first page>.json`) that hold the older ones, so a week's
//! new page changes one small file, not a list that grows every week.

use serde::{Deserialize, Serialize};

use super::model::{IsoDate, ItemKind, Page, Text};
use crate::quiz::Bank;

/// The version of the data files (`catalog.json`, its volumes, `<page>.json`) this build
/// reads and writes; a build refuses data of another version instead of misreading it.
pub const DATA_VERSION: u32 = 2;

/// How many pages a volume of the catalog holds: a quarter of weekly pages. Fewer would mean
/// more files for the app to fetch at its start; more, a larger file changed every week.
pub const VOLUME_PAGES: usize = 13;

/// Every page of the archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub version: u32,
    /// Newest first: the first page is the current 期.
    pub pages: Vec<PageEntry>,
}

/// A file of the catalog as shipped, its pages newest first: `catalog.json` holds the pages no
/// volume holds yet (the newest, fewer than a volume's worth) and names the volumes of the
/// older pages, newest first; a volume holds consecutive older pages and names none, and
/// changes only when one of them does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogPart {
    pub version: u32,
    pub pages: Vec<PageEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub volumes: Vec<VolumeRef>,
}

/// Where a volume is (`data/<file>`) and the revision of its bytes, so a cached copy that no
/// longer matches is fetched again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VolumeRef {
    pub file: Text,
    pub revision: Text,
}

/// One page of the archive, as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageEntry {
    pub id: Text,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<IsoDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<Text>,
    pub items: Vec<ItemEntry>,
    /// The ids of the page's questions, empty when it has no bank. Shipped as runs: the ids
    /// `a-byfe-1` … `a-byfe-7` as `a-byfe-1..7` (see [`question_runs`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty", with = "question_runs")]
    pub questions: Vec<Text>,
    /// The revision of the page's data file (a hash of its bytes), so a cached copy that
    /// no longer matches is fetched again.
    pub revision: Text,
}

/// One item of a page, as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemEntry {
    pub id: Text,
    pub kind: ItemKind,
    pub heading: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotations: Vec<Text>,
}

/// A page's data file (`data/<page>.json`): its content and its question bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageData {
    pub version: u32,
    pub page: Page,
    #[serde(default)]
    pub bank: Option<Bank>,
}

impl Catalog {
    /// The catalog of `pages` (with their banks), given oldest first as the content folders
    /// are named; `revision` names each page's data file version.
    pub fn new<'a>(
        pages: impl IntoIterator<Item = (&'a Page, Option<&'a Bank>, String)>,
    ) -> Catalog {
        let mut entries: Vec<PageEntry> = pages
            .into_iter()
            .map(|(page, bank, revision)| PageEntry::new(page, bank, revision))
            .collect();
        entries.reverse();
        Catalog {
            version: DATA_VERSION,
            pages: entries,
        }
    }

    /// The catalog as shipped: volumes of `size` pages each, counted from the oldest page, and
    /// the newest pages that do not fill one. Returns those pages and each volume with its
    /// file name (`volume-<its oldest page>.json`), both newest first.
    pub fn volumes(&self, size: usize) -> (Vec<PageEntry>, Vec<(Text, CatalogPart)>) {
        let size = size.max(1);
        let oldest_first: Vec<&PageEntry> = self.pages.iter().rev().collect();
        let mut volumes: Vec<(Text, CatalogPart)> = oldest_first
            .chunks_exact(size)
            .map(|chunk| {
                let name = format!("volume-{}.json", chunk[0].id);
                let pages = chunk.iter().rev().map(|&page| page.clone()).collect();
                let volume = CatalogPart {
                    version: self.version,
                    pages,
                    volumes: Vec::new(),
                };
                (name, volume)
            })
            .collect();
        volumes.reverse();
        let in_volumes = volumes.len() * size;
        let newest = self.pages[..self.pages.len() - in_volumes].to_vec();
        (newest, volumes)
    }

    /// The current 期: the newest page.
    pub fn current(&self) -> Option<&PageEntry> {
        self.pages.first()
    }

    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&PageEntry> {
        self.pages.iter().find(|page| page.id == id)
    }
}

impl CatalogPart {
    /// The whole catalog: this file's pages, then those of `volumes`, the volumes this file
    /// names, in its order.
    pub fn join(self, volumes: impl IntoIterator<Item = CatalogPart>) -> Catalog {
        let mut pages = self.pages;
        for volume in volumes {
            pages.extend(volume.pages);
        }
        Catalog {
            version: self.version,
            pages,
        }
    }
}

impl PageEntry {
    fn new(page: &Page, bank: Option<&Bank>, revision: String) -> PageEntry {
        PageEntry {
            id: page.id.clone(),
            title: page.title.clone(),
            date: page.date,
            issue: page.issue.clone(),
            items: page
                .items
                .iter()
                .map(|item| ItemEntry {
                    id: item.id.clone(),
                    kind: item.kind,
                    heading: item.heading().to_string(),
                    quotations: item.quotations.iter().map(|q| q.id.clone()).collect(),
                })
                .collect(),
            questions: bank
                .map(|bank| bank.questions.iter().map(|q| q.id.clone()).collect())
                .unwrap_or_default(),
            revision,
        }
    }

    /// How the page is named in lists: its 期号 and date where known, else its title.
    pub fn label(&self) -> String {
        match (&self.issue, self.date) {
            (Some(issue), Some(date)) => format!("{issue} · {}", date.chinese()),
            (Some(issue), None) => issue.clone(),
            (None, Some(date)) => date.chinese(),
            (None, None) => format!("{}（{}）", self.title, self.id),
        }
    }

    /// The item with this id.
    pub fn item(&self, id: &str) -> Option<&ItemEntry> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The items a reader reads (every item counts, the quotation box included).
    pub fn n_items(&self) -> usize {
        self.items.len()
    }
}

/// Question ids as the catalog ships them: a run of ids that differ only in a last number
/// counting up by one (`a-byfe-1`, `a-byfe-2`, `a-byfe-3`, as the drafter and hand-written
/// banks number them) is written once, `a-byfe-1..3`; any other id as it is. An id never holds
/// `.` (ids are lowercase letters, digits and `-`), so the two cannot be confused. A volume of
/// 13 pages is a third smaller, and a sixth smaller in brotli, for every start of the app and
/// the week a volume closes.
pub mod question_runs {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// The most ids one run may stand for, so a damaged file cannot ask for millions.
    const LONGEST_RUN: u32 = 10_000;

    /// `ids` as runs.
    pub fn runs(ids: &[String]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut run: Option<(&str, u32, u32)> = None;
        for id in ids {
            let numbered = id
                .rsplit_once('-')
                .and_then(|(stem, n)| Some((stem, numbered_part(n)?)));
            match (run, numbered) {
                (Some((stem, first, last)), Some((s, n)))
                    if s == stem && Some(n) == last.checked_add(1) =>
                {
                    run = Some((stem, first, n));
                }
                (_, Some((stem, n))) => {
                    push_run(run.take(), &mut out);
                    run = Some((stem, n, n));
                }
                (_, None) => {
                    push_run(run.take(), &mut out);
                    out.push(id.clone());
                }
            }
        }
        push_run(run, &mut out);
        out
    }

    /// Writes a run of one id as the id, a longer one as `stem-first..last`.
    fn push_run(run: Option<(&str, u32, u32)>, out: &mut Vec<String>) {
        match run {
            Some((stem, first, last)) if first == last => out.push(format!("{stem}-{first}")),
            Some((stem, first, last)) => out.push(format!("{stem}-{first}..{last}")),
            None => {}
        }
    }

    /// The ids `runs` stand for, or what is wrong with a run.
    pub fn ids(runs: Vec<String>) -> Result<Vec<String>, String> {
        let mut out = Vec::with_capacity(runs.len());
        for run in runs {
            let Some((head, last)) = run.split_once("..") else {
                out.push(run);
                continue;
            };
            let range = head.rsplit_once('-').and_then(|(stem, first)| {
                let (first, last) = (numbered_part(first)?, numbered_part(last)?);
                (first < last && last - first < LONGEST_RUN).then_some((stem, first, last))
            });
            let Some((stem, first, last)) = range else {
                return Err(format!("question ids `{run}`: not a run like a-byfe-1..7"));
            };
            out.extend((first..=last).map(|n| format!("{stem}-{n}")));
        }
        Ok(out)
    }

    /// A run's number: decimal digits with no leading zero (so `q-01` stays an id of its own).
    fn numbered_part(text: &str) -> Option<u32> {
        let plain = !text.is_empty()
            && text.bytes().all(|b| b.is_ascii_digit())
            && !(text.len() > 1 && text.starts_with('0'));
        if plain {
            text.parse().ok()
        } else {
            None
        }
    }

    pub fn serialize<S: Serializer>(ids: &[String], serializer: S) -> Result<S::Ok, S::Error> {
        runs(ids).serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Vec<String>, D::Error> {
        ids(Vec::<String>::deserialize(deserializer)?).map_err(D::Error::custom)
    }
}
