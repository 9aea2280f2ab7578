//! House rules checked on the source tree, each an invariant ARCHITECTURE.md lists: the pure
//! core names no browser crate and reads no clock; no text is inserted as HTML; browser APIs
//! are called only by the modules that own them; the app's wasm cannot depend on the content,
//! its code holds no article text and its manifest has no parser or router crate; index.html's CSP allows nothing from
//! elsewhere and no inline code; precache is the build's last step; the service worker never
//! activates itself; and every Rust file opens with a `//!` line and is at most 500 lines.

use std::path::{Path, PathBuf};

const BROWSER_CRATES: [&str; 5] = ["yew", "web-sys", "gloo", "wasm-bindgen", "js-sys"];

/// What reads the time in Rust, natively or in the browser.
const CLOCKS: [&str; 7] = [
    "SystemTime",
    "Instant::now",
    "std::time::Instant",
    "UNIX_EPOCH",
    "Date::now",
    "Utc::now",
    "Local::now",
];

/// How many characters of a page's text in the app's code count as article text.
const ARTICLE_RUN: usize = 12;

/// The longest a Rust file may be; a longer one is split along its seams.
const MAX_LINES: usize = 500;

/// Folders that hold no source of ours: build output, installed packages, git's own.
const NOT_SOURCE: [&str; 4] = ["target", "node_modules", "dist", "corpus"];

/// Browser APIs (the call that reaches them) and the only modules that may call them, as
/// ARCHITECTURE.md's code map says.
const API_OWNERS: [(&str, &str, &[&str]); 4] = [
    (
        "localStorage",
        "local_storage(",
        &["src/ui/store.rs", "src/ui/branch_store.rs"],
    ),
    (
        "sessionStorage",
        "session_storage(",
        &["src/ui/branch_store.rs", "src/ui/platform.rs"],
    ),
    (
        "fetch",
        ".fetch_with",
        &["src/ui/library.rs", "src/ui/service_worker.rs"],
    ),
    (
        "speechSynthesis",
        "speech_synthesis(",
        &["src/ui/speech.rs"],
    ),
];

/// Crates the wasm deliberately does without: content arrives as JSON data, parsed and
/// checked at build time, and a handful of route shapes are parsed by a pure function.
const ABSENT_FROM_THE_APP: [&str; 6] = [
    "regex",
    "pulldown-cmark",
    "nom",
    "pest",
    "chrono",
    "yew-router",
];

/// The only sources index.html's CSP may name: the site itself, inline images, wasm.
const CSP_SOURCES: [&str; 4] = ["'self'", "'none'", "data:", "'wasm-unsafe-eval'"];

/// The repository root (this test belongs to the app crate at the root).
fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_core_crate_depends_on_no_browser_crate() {
    // The core's own manifest is what makes purity a compile error: a browser crate named
    // in its code does not resolve. This keeps the manifest that way.
    let names = crates_named(&read("core/Cargo.toml"), &BROWSER_CRATES);
    assert_none("core/Cargo.toml names a browser crate", names);
}

#[test]
fn the_core_reads_no_clock() {
    let found = code_containing(&rust_files(&root().join("core/src")), &CLOCKS);
    assert_none(
        "the core reads a clock (time comes in as an argument)",
        found,
    );
}

#[test]
fn nothing_is_inserted_as_html() {
    let mut files = rust_files(&root().join("src"));
    files.extend(rust_files(&root().join("core/src")));
    let found = code_containing(&files, &["inner_html", "Html::from_html_unchecked"]);
    assert_none("text goes in as text nodes", found);
}

#[test]
fn browser_apis_are_called_only_by_the_modules_that_own_them() {
    let files = rust_files(&root().join("src"));
    let mut found = Vec::new();
    for (api, call, owners) in API_OWNERS {
        let others: Vec<PathBuf> = files
            .iter()
            .filter(|file| !owners.iter().any(|owner| file.ends_with(owner)))
            .cloned()
            .collect();
        found.extend(
            code_containing(&others, &[call])
                .into_iter()
                .map(|place| format!("{place} ({api} belongs to {})", owners.join(", "))),
        );
    }
    assert_none("a browser API is called outside its module", found);
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
    let found = code_containing(
        &rust_files(&root().join("src")),
        &["include_str!", "include_bytes!", "include!"],
    );
    assert_none("the app includes a file", found);
    assert!(
        !read("index.html").contains("assets/content"),
        "index.html must not have Trunk copy the content into the build"
    );
}

#[test]
fn the_apps_code_holds_no_article_text() {
    // Content is data: no run of any page's paragraphs or quotations stands in the app's code.
    let mut runs = std::collections::HashSet::new();
    for entry in std::fs::read_dir(root().join("assets/content")).unwrap() {
        let file = entry.unwrap().path().join("page.md");
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let page = xuexi_core::content::format::parse(&text).unwrap();
        for item in &page.items {
            let texts = item.paragraphs.iter().map(|p| &p.text);
            for text in texts.chain(item.quotations.iter().map(|q| &q.text)) {
                runs.extend(char_runs(text));
            }
        }
    }
    assert!(runs.len() > 1000, "the content is read");
    let mut found = Vec::new();
    for file in rust_files(&root().join("src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        for (idx, line) in text.lines().enumerate() {
            if char_runs(line).any(|run| runs.contains(&run)) {
                found.push(format!("{}:{}: {}", relative(&file), idx + 1, line.trim()));
            }
        }
    }
    assert_none("the app's code holds article text", found);
}

/// Every run of [`ARTICLE_RUN`] characters of `text`.
fn char_runs(text: &str) -> impl Iterator<Item = String> {
    let chars: Vec<char> = text.chars().collect();
    let n_runs = (chars.len() + 1).saturating_sub(ARTICLE_RUN);
    (0..n_runs).map(move |at| chars[at..at + ARTICLE_RUN].iter().collect())
}

#[test]
fn the_app_has_no_text_parser_regex_or_router_crate() {
    let manifest = read("Cargo.toml");
    // Every `[…dependencies]` table but the tests' own.
    let app = manifest
        .split("\n[")
        .filter(|table| {
            let header = table.split(']').next().unwrap_or_default();
            header.ends_with("dependencies") && header != "dev-dependencies"
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(
        app.contains("serde_json"),
        "the app's dependencies are read"
    );
    let names = crates_named(&app, &ABSENT_FROM_THE_APP);
    assert_none("Cargo.toml gives the app a crate it does without", names);
}

#[test]
fn the_csp_allows_nothing_from_elsewhere_and_no_inline_code() {
    let index = read("index.html");
    let prefix = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let start = index.find(prefix).expect("index.html has a CSP meta") + prefix.len();
    let policy = &index[start..start + index[start..].find('"').unwrap()];
    let mut found = Vec::new();
    let mut directives = Vec::new();
    for directive in policy.split(';').map(str::trim) {
        let mut words = directive.split_whitespace();
        directives.extend(words.next());
        found.extend(
            words
                .filter(|source| !CSP_SOURCES.contains(source))
                .map(|source| format!("{directive}: {source}")),
        );
    }
    assert_none("index.html's CSP allows a source it must not", found);
    assert!(directives.contains(&"default-src"), "{policy}");
    // Inline code would need 'unsafe-inline' (or a hash the build does not make).
    let scripts_without_src = index
        .split("<script")
        .skip(1)
        .filter(|tag| !tag[..tag.find('>').unwrap_or(tag.len())].contains(" src="))
        .count();
    assert_eq!(scripts_without_src, 0, "index.html has an inline script");
    for inline in ["<style", " style=\"", " onclick=", " onload="] {
        assert!(
            !index.contains(inline),
            "index.html has inline code: {inline}"
        );
    }
}

#[test]
fn no_request_leaves_the_origin() {
    // No CDN, web font or analytics: nothing the site ships names another host. (The SVG
    // namespace is a name, not a request.)
    let mut files = rust_files(&root().join("src"));
    files.push(root().join("index.html"));
    for entry in std::fs::read_dir(root().join("assets")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            files.push(path);
        }
    }
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (idx, line) in text.lines().enumerate() {
            let other_host = ["http://", "https://", "url(//", "src=\"//", "href=\"//"]
                .iter()
                .any(|url| line.replace("http://www.w3.org/", "").contains(url));
            if other_host {
                found.push(format!("{}:{}: {}", relative(file), idx + 1, line.trim()));
            }
        }
    }
    assert_none("the site names another host", found);
}

#[test]
fn precache_is_the_last_step_of_every_build() {
    // It hashes the final files: a later step may only add `.br`/`.gz` copies.
    let mut builds = 0;
    for entry in std::fs::read_dir(root().join("scripts")).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let lines: Vec<&str> = text
            .lines()
            .filter(|line| !line.trim_start().starts_with('#'))
            .collect();
        let Some(at) = lines
            .iter()
            .position(|line| line.contains("--bin precache"))
        else {
            continue;
        };
        builds += 1;
        for line in &lines[at + 1..] {
            assert!(
                !["trunk ", "cargo run", "--bin "]
                    .iter()
                    .any(|step| line.contains(step)),
                "{}: `{}` runs after precache",
                relative(&path),
                line.trim()
            );
        }
    }
    assert!(builds >= 2, "build.sh and build-content.sh run precache");
}

#[test]
fn the_service_worker_never_activates_itself() {
    // A new version waits until the reader taps 「有新版本，点击更新」, which sends the
    // message; nothing else may call skipWaiting.
    let worker = read("assets/sw.js");
    let calls: Vec<&str> = worker
        .lines()
        .filter(|line| !line.trim_start().starts_with("//") && line.contains("skipWaiting("))
        .collect();
    assert!(
        !calls.is_empty(),
        "sw.js skips waiting when the reader asks"
    );
    for call in calls {
        assert!(
            call.contains("'SKIP_WAITING'"),
            "sw.js activates itself: {call}"
        );
    }
}

#[test]
fn every_rust_file_says_what_it_is_for() {
    let files = rust_files(root());
    assert!(files.len() > 50, "{} files found", files.len());
    let found = files
        .iter()
        .filter(|file| !std::fs::read_to_string(file).unwrap().starts_with("//!"))
        .map(|file| relative(file))
        .collect();
    assert_none("these files do not open with a `//!` line", found);
}

#[test]
fn no_rust_file_is_over_500_lines() {
    let found = rust_files(root())
        .iter()
        .map(|file| (file, std::fs::read_to_string(file).unwrap().lines().count()))
        .filter(|(_, lines)| *lines > MAX_LINES)
        .map(|(file, lines)| format!("{} ({lines} lines)", relative(file)))
        .collect();
    assert_none(
        &format!("these files are over {MAX_LINES} lines: split them along their seams"),
        found,
    );
}

/// Fails with `what` and every place found, one a line, unless there is none.
fn assert_none(what: &str, found: Vec<String>) {
    assert!(found.is_empty(), "{what}:\n  {}", found.join("\n  "));
}

/// The text of a file of the repository.
fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// `path` relative to the repository root, for messages.
fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Each of `names` (crates, `-` or `_` alike) that a line of `manifest` names, with the line.
fn crates_named(manifest: &str, names: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for line in manifest
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
    {
        for name in names {
            let named = line
                .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
                .any(|word| word == *name || word == name.replace('-', "_"));
            if named {
                found.push(format!("`{name}`: {line}"));
            }
        }
    }
    found
}

/// Every `file:line: code` of `files` whose code (a line up to its `//` comment) holds one
/// of `needles`.
fn code_containing(files: &[PathBuf], needles: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).unwrap();
        for (idx, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if needles.iter().any(|needle| code.contains(needle)) {
                found.push(format!("{}:{}: {}", relative(file), idx + 1, line.trim()));
            }
        }
    }
    found
}

/// Every Rust file under `dir`, sorted, but for build output, installed packages and
/// hidden folders.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files = Vec::new();
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if path.is_dir() {
            if !name.starts_with('.') && !NOT_SOURCE.contains(&name.as_ref()) {
                files.extend(rust_files(&path));
            }
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}
