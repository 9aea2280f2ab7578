//! Reads the content folders (`assets/content/<page>/page.md`, and `quiz.md` beside it
//! where there is one) with the same parsers the tests use; every question is checked
//! against its page. A malformed file is refused with `file:line: what is wrong`.

use std::path::{Path, PathBuf};

use xuexi_core::content::{format, Page};
use xuexi_core::quiz::{self, Bank};

use crate::files;

/// Where the content folders are, relative to the repository root.
pub const CONTENT_DIR: &str = "assets/content";

/// One page of the archive with its question bank.
#[derive(Debug, Clone)]
pub struct PageFiles {
    pub page: Page,
    pub bank: Option<Bank>,
}

/// Every page under `dir`, oldest first (in the order of the folders' names), each with its
/// question bank where it has one.
pub fn read(dir: &Path) -> Result<Vec<PageFiles>, String> {
    let mut page_dirs: Vec<PathBuf> = files::entries(dir)?
        .into_iter()
        .filter(|path| path.is_dir())
        .collect();
    page_dirs.sort();
    let mut pages: Vec<PageFiles> = Vec::new();
    for page_dir in page_dirs {
        let path = page_dir.join("page.md");
        let text = files::read(&path)?;
        let page = format::parse(&text).map_err(|e| e.located(&path.display().to_string()))?;
        if pages.iter().any(|p| p.page.id == page.id) {
            return Err(format!(
                "{}:2: page id `{}` is used twice",
                path.display(),
                page.id
            ));
        }
        let bank_path = page_dir.join("quiz.md");
        let bank = if bank_path.exists() {
            let text = files::read(&bank_path)?;
            Some(
                quiz::bank::format::parse(&text, &page)
                    .map_err(|e| e.located(&bank_path.display().to_string()))?,
            )
        } else {
            None
        };
        pages.push(PageFiles { page, bank });
    }
    if pages.is_empty() {
        return Err(format!("{}: no page folders with a page.md", dir.display()));
    }
    Ok(pages)
}

/// The repository's content folder, found from this crate (so tests and tools work from
/// any working directory).
pub fn repository_content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(CONTENT_DIR)
}
