//! House rules checked on the source tree: the pure core can name no browser crate and reads
//! no clock, no text is inserted as HTML, the app's wasm cannot depend on the content, and
//! every Rust file opens with a `//!` line saying what it is for.

use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 5] = ["yew", "web-sys", "gloo", "wasm-bindgen", "js-sys"];

/// The repository root (this test belongs to the app crate at the root).
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_core_crate_depends_on_no_browser_crate() {
    // The core's own manifest is what makes purity a compile error: a browser crate named
    // in its code does not resolve. This keeps the manifest that way.
    let manifest = std::fs::read_to_string(root().join("core/Cargo.toml")).unwrap();
    for line in manifest
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
    {
        for name in BROWSER_CRATES {
            let named = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .any(|word| word == name || word == name.replace('-', "_"));
            assert!(!named, "core/Cargo.toml names `{name}`: {line}");
        }
    }
}

#[test]
fn the_core_reads_no_clock() {
    for file in rust_files(&root().join("core/src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (idx, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for clock in ["SystemTime", "Instant::now", "Date::now", "UNIX_EPOCH"] {
                assert!(
                    !code.contains(clock),
                    "{}:{}: the core reads a clock (`{clock}`); time comes in as an argument",
                    file.display(),
                    idx + 1
                );
            }
        }
    }
}

#[test]
fn nothing_is_inserted_as_html() {
    for dir in ["src", "core/src"] {
        for file in rust_files(&root().join(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (idx, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                assert!(
                    !code.contains("inner_html") && !code.contains("Html::from_html_unchecked"),
                    "{}:{}: text goes in as text nodes",
                    file.display(),
                    idx + 1
                );
            }
        }
    }
}

#[test]
fn the_app_cannot_depend_on_the_content() {
    // The wasm is built by Trunk from the app crate alone: no build script, no file of the
    // app crate includes anything from assets/, and Trunk copies no content folder. So adding
    // or editing a page changes no byte of the wasm; the benchmark builds with 1 and 52 pages
    // and compares the two wasm files.
    assert!(
        !root().join("build.rs").exists(),
        "the app has no build script"
    );
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for macro_name in ["include_str!", "include_bytes!", "include!"] {
            assert!(
                !text.contains(macro_name),
                "{}: the app includes a file ({macro_name})",
                file.display()
            );
        }
    }
    let index = std::fs::read_to_string(root().join("index.html")).unwrap();
    assert!(
        !index.contains("assets/content"),
        "index.html must not have Trunk copy the content into the build"
    );
}

#[test]
fn every_rust_file_says_what_it_is_for() {
    let mut files = Vec::new();
    for dir in [
        "src",
        "tests",
        "core/src",
        "core/tests",
        "tools/src",
        "tools/tests",
        "fuzz/fuzz_targets",
    ] {
        files.extend(rust_files(&root().join(dir)));
    }
    assert!(files.len() > 50, "{} files found", files.len());
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
