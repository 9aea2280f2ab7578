//! Compiles the content files under `assets/content/` into the app as static data, with
//! the same parsers the importer and the tests use: each page (`page.md`) and its question
//! bank (`quiz.md`, checked against the page). A malformed file fails the build with
//! `file:line: what is wrong`.

use std::path::{Path, PathBuf};

#[path = "src/content/mod.rs"]
#[allow(dead_code, unused_imports)]
mod content;

#[path = "src/text.rs"]
#[allow(dead_code)]
mod text;

/// Only the question bank of `src/quiz`: sessions and grading derive serde, which a build
/// script does not have, and the build needs none of them.
#[path = "src/quiz"]
#[allow(dead_code, unused_imports)]
mod quiz {
    pub mod bank;
}

const CONTENT_DIR: &str = "assets/content";

fn main() {
    println!("cargo:rerun-if-changed={CONTENT_DIR}");
    println!("cargo:rerun-if-changed=src/content");
    println!("cargo:rerun-if-changed=src/quiz/bank");
    println!("cargo:rerun-if-changed=src/text.rs");
    // The benchmark builds once without content to measure what the content adds.
    println!("cargo:rerun-if-env-changed=XUEXI_NO_CONTENT");
    let (pages, banks) = if std::env::var_os("XUEXI_NO_CONTENT").is_some() {
        (Vec::new(), Vec::new())
    } else {
        match read_content(Path::new(CONTENT_DIR)) {
            Ok(content) => content,
            Err(message) => {
                eprintln!("error: {message}");
                std::process::exit(1);
            }
        }
    };
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let source = content::codegen::pages_source(&pages);
    std::fs::write(out_dir.join("bundled.rs"), source).expect("OUT_DIR is writable");
    let source = quiz::bank::codegen::banks_source(&banks);
    std::fs::write(out_dir.join("quizzes.rs"), source).expect("OUT_DIR is writable");
}

/// Every `<page>/page.md` under `dir`, in the order of the page folders' names, and the
/// question bank next to it (`<page>/quiz.md`) where there is one, checked against the page.
fn read_content(dir: &Path) -> Result<(Vec<content::Page>, Vec<quiz::bank::Bank>), String> {
    let mut page_dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.is_dir())
        .collect();
    page_dirs.sort();
    let mut pages: Vec<content::Page> = Vec::new();
    let mut banks: Vec<quiz::bank::Bank> = Vec::new();
    for page_dir in page_dirs {
        let path = page_dir.join("page.md");
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let page =
            content::format::parse(&text).map_err(|e| e.located(&path.display().to_string()))?;
        if pages.iter().any(|p| p.id == page.id) {
            return Err(format!(
                "{}:2: page id `{}` is used twice",
                path.display(),
                page.id
            ));
        }
        let bank_path = page_dir.join("quiz.md");
        if bank_path.exists() {
            let located = |e: quiz::bank::BankError| e.located(&bank_path.display().to_string());
            let text = std::fs::read_to_string(&bank_path)
                .map_err(|e| format!("{}: {e}", bank_path.display()))?;
            banks.push(quiz::bank::format::parse(&text, &page).map_err(located)?);
        }
        pages.push(page);
    }
    if pages.is_empty() {
        return Err(format!("{}: no page folders with a page.md", dir.display()));
    }
    Ok((pages, banks))
}
