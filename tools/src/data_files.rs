//! The data files the app fetches at run time, written into `dist/data/`: one per page
//! (`<page>.json`: its content and question bank) and the catalog (every page, newest first,
//! with what lists and checks need without fetching a page), shipped as `catalog.json` with the
//! newest pages and the volumes (`volume-<page>.json`) of the older ones.
//!
//! JSON, because the app already carries `serde_json` for the reader's progress, so reading
//! pages adds no second decoder to the wasm; it compresses well (page 000 with its 64
//! questions: 63 KB of JSON, 13 KB brotli); and a person can read what was shipped. Fields
//! that are empty are left out of the catalog, which every start of the app reads.

use std::path::Path;

use xuexi_core::content::{Catalog, CatalogPart, PageData, VolumeRef, DATA_VERSION};

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
    /// The whole catalog, as the app holds it once the volumes are read.
    pub catalog: Catalog,
    /// `catalog.json`: the newest pages and the volumes, each with its revision.
    pub file: CatalogPart,
    /// `(file name, JSON)` of each volume, newest first.
    pub volumes: Vec<(String, String)>,
}

/// Packs every page and its bank, the catalog in volumes of `volume_pages` pages.
pub fn pack(pages: &[PageFiles], volume_pages: usize) -> Packed {
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
    let (newest, volumes) = catalog.volumes(volume_pages);
    let volumes: Vec<(String, String)> = volumes
        .into_iter()
        .map(|(name, volume)| {
            let json = serde_json::to_string(&volume).expect("a volume always serialises");
            (name, json)
        })
        .collect();
    let file = CatalogPart {
        version: DATA_VERSION,
        pages: newest,
        volumes: volumes
            .iter()
            .map(|(name, json)| VolumeRef {
                file: name.clone(),
                revision: revision(json.as_bytes()),
            })
            .collect(),
    };
    Packed {
        pages: files,
        catalog,
        file,
        volumes,
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
    for (name, json) in &packed.volumes {
        files::write(&dir.join(name), json)?;
    }
    let catalog = serde_json::to_string(&packed.file).expect("a catalog always serialises");
    files::write(&dir.join("catalog.json"), catalog)?;
    Ok(packed.pages.len() + packed.volumes.len() + 1)
}

/// The whole catalog a build wrote under `dist/data/`: `catalog.json` joined with its volumes.
pub fn read_catalog(dist: &Path) -> Result<Catalog, String> {
    let dir = dist.join(DATA_DIR);
    let path = dir.join("catalog.json");
    let file: CatalogPart = serde_json::from_str(&files::read(&path)?)
        .map_err(|e| format!("{}: {e} (run prerender first)", path.display()))?;
    let volumes = file
        .volumes
        .iter()
        .map(|volume| {
            let path = dir.join(&volume.file);
            serde_json::from_str::<CatalogPart>(&files::read(&path)?)
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(file.join(volumes))
}
