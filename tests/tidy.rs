//! House rules checked on the source tree: the pure core never touches browser APIs,
//! and every Rust file opens with a `//!` line saying what it is for.

use std::path::{Path, PathBuf};

const PURE_DIRS: [&str; 6] = [
    "src/content",
    "src/quiz",
    "src/search",
    "src/progress",
    "src/recite",
    "src/review",
];
const BROWSER_CRATES: [&str; 5] = ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"];

#[test]
fn the_pure_core_uses_no_browser_api() {
    for dir in PURE_DIRS {
        for file in rust_files(Path::new(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (idx, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                for name in BROWSER_CRATES {
                    let used = code
                        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                        .any(|word| word == name || word.starts_with(&format!("{name}::")));
                    assert!(
                        !used,
                        "{}:{}: pure code names `{name}`",
                        file.display(),
                        idx + 1
                    );
                }
            }
        }
    }
}

#[test]
fn every_rust_file_says_what_it_is_for() {
    let mut files = rust_files(Path::new("src"));
    files.extend(rust_files(Path::new("tests")));
    files.push(PathBuf::from("build.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} does not open with a `//!` line",
            file.display()
        );
    }
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}
