//! The archive's catalog: every page the build carries, newest first, with what the app
//! needs without fetching the page itself — its date and 期号, item headings and ids,
//! quotation and question ids — for the archive list, records that span pages, and
//! checking an import. It travels to the app as data (`data/catalog.json`).

use serde::{Deserialize, Serialize};

use super::model::{IsoDate, ItemKind, Page, Text};
use crate::quiz::Bank;

/// The version of the data files (`catalog.json`, `<page>.json`) this build reads and
/// writes; a build refuses data of another version instead of misreading it.
pub const DATA_VERSION: u32 = 1;

/// Every page of the archive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Catalog {
    pub version: u32,
    /// Newest first: the first page is the current 期.
    pub pages: Vec<PageEntry>,
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
    /// The ids of the page's questions, empty when it has no bank.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
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

    /// The current 期: the newest page.
    pub fn current(&self) -> Option<&PageEntry> {
        self.pages.first()
    }

    /// The page with this id.
    pub fn page(&self, id: &str) -> Option<&PageEntry> {
        self.pages.iter().find(|page| page.id == id)
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
