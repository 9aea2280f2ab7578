//! The data files the app fetches at run time, written into `dist/data/`: one per page
//! (`<page>.json`: its content and question bank) and the catalog (`catalog.json`: every
//! page, newest first, with what lists and checks need without fetching a page).
//!
//! JSON, because the app already carries `serde_json` for the reader's progress, so reading
//! pages adds no second decoder to the wasm; it compresses well (page 000 with its 64
//! questions: 63 KB of JSON, 13 KB brotli); and a person can read what was shipped. Fields
//! that are empty are left out of the catalog, which every start of the app reads.

use std::path::Path;

use xuexi_core::content::{Catalog, PageData, DATA_VERSION};

use crate::content_dir::PageFiles;
use crate::files;
use crate::revision;

/// The folder of the data files, relative to `dist/`.
pub const DATA_DIR: &str = "data";

/// The data file of one page and the catalog, as bytes, with the catalog listing each
/// page's revision.
pub struct Packed {
    /// `(page id, JSON)`, oldest page first.
    pub pages: Vec<(String, String)>,
    pub catalog: Catalog,
}

/// Packs every page and its bank.
pub fn pack(pages: &[PageFiles]) -> Packed {
    let files: Vec<(String, String)> = pages
        .iter()
        .map(|files| {
            let data = PageData {
                version: DATA_VERSION,
                page: files.page.clone(),
                bank: files.bank.clone(),
            };
            let json = serde_json::to_string(&data).expect("pages always serialise");
            (files.page.id.clone(), json)
        })
        .collect();
    let catalog =
        Catalog::new(pages.iter().zip(&files).map(|(files, (_, json))| {
            (&files.page, files.bank.as_ref(), revision(json.as_bytes()))
        }));
    Packed {
        pages: files,
        catalog,
    }
}

/// Writes the packed files under `dist/data/`, replacing what an earlier build left there;
/// returns how many files were written.
pub fn write(dist: &Path, packed: &Packed) -> Result<usize, String> {
    let dir = dist.join(DATA_DIR);
    files::remove_dir(&dir)?;
    for (id, json) in &packed.pages {
        files::write(&dir.join(format!("{id}.json")), json)?;
    }
    let catalog = serde_json::to_string(&packed.catalog).expect("a catalog always serialises");
    files::write(&dir.join("catalog.json"), catalog)?;
    Ok(packed.pages.len() + 1)
}
