//! The service worker's side of the build: which files of `dist/` it caches, which of them it
//! lists and which it takes at install (the core), and `dist/sw.js` written from the template.

use std::path::Path;

use super::inline::without_line_comments;
use crate::files;

/// The service-worker template; its `BUILD` line is replaced by the build's file list.
pub const SW_TEMPLATE: &str = include_str!("../../../assets/sw.js");
const SW_BUILD_LINE: &str = "const BUILD = { version: 'dev', files: [] };";

/// The id of the current 期: the first page of the catalog the prerender step wrote.
pub fn current_page(dist: &Path) -> Result<String, String> {
    crate::data_files::read_catalog(dist)?
        .current()
        .map(|entry| entry.id.clone())
        .ok_or_else(|| format!("{}: no pages", dist.join("data/catalog.json").display()))
}

/// Whether the service worker's list names a file: the core (see [`is_core`]) and the other
/// files of the app, but neither the route pages (one per item, quiz, quotation… of every
/// page), which it keeps as they are opened, nor the catalog's volumes (cached at install all
/// the same, as `catalog.json` names them) and the earlier pages' data, whose revisions the
/// catalog holds; so the list, downloaded on every first visit and every update, stays the same
/// size however long the archive grows.
pub fn is_listed(path: &str, current_page: &str) -> bool {
    if path.starts_with("data/") {
        return is_core(path, current_page);
    }
    !path.ends_with(".html") || path == "index.html" || path == "shell.html"
}

/// Whether a listed file is cached when the service worker installs: the app's own files, the
/// home page, the offline shell, `catalog.json` and the current 期's data (the worker adds the
/// volumes `catalog.json` names). The rest (each route's
/// page, earlier pages' data) is cached when first used, so the offline copy a reader
/// downloads up front does not grow with the archive.
fn is_core(path: &str, current_page: &str) -> bool {
    if let Some(data) = path.strip_prefix("data/") {
        return data == "catalog.json" || data == format!("{current_page}.json");
    }
    !path.ends_with(".html") || path == "index.html" || path == "shell.html"
}

/// The service worker: the template with the build's version and files, each marked as
/// part of the core or not.
pub fn service_worker(
    version: &str,
    files: &[(String, String)],
    current_page: &str,
) -> Result<String, String> {
    if !SW_TEMPLATE.contains(SW_BUILD_LINE) {
        return Err(format!(
            "assets/sw.js: no line `{SW_BUILD_LINE}` to replace"
        ));
    }
    let quote = |text: &str| serde_json::Value::from(text).to_string();
    let entries: Vec<String> = files
        .iter()
        .map(|(path, revision)| {
            let core = u8::from(is_core(path, current_page));
            format!("    [{}, {}, {core}],", quote(path), quote(revision))
        })
        .collect();
    let build = format!(
        "const BUILD = {{\n  version: {},\n  files: [\n{}\n  ],\n}};",
        quote(version),
        entries.join("\n")
    );
    // The template's comments explain it in the repository; every first visit downloads the
    // worker, so it goes out without them.
    Ok(without_line_comments(SW_TEMPLATE).replacen(SW_BUILD_LINE, &build, 1))
}

/// Every file the service worker caches, as `/`-separated paths relative to `dist`, sorted:
/// all but itself, `version.json` (always asked of the network), source maps, precompressed
/// copies and hidden files and folders.
pub fn site_files(dist: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &str, paths: &mut Vec<String>) -> Result<(), String> {
        for entry in files::entries(dir)? {
            let name = entry
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let path = format!("{prefix}{name}");
            if name.starts_with('.') {
                // Hidden: Trunk's `.stage/` while a build runs, an editor's or a system's files.
                continue;
            }
            if entry.is_dir() {
                walk(&entry, &format!("{path}/"), paths)?;
            } else if is_cached(&path) {
                paths.push(path);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dist, "", &mut paths)?;
    paths.sort();
    Ok(paths)
}

fn is_cached(path: &str) -> bool {
    !(path == "sw.js"
        || path == "version.json"
        || [".map", ".br", ".gz"].iter().any(|ext| path.ends_with(ext)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_sites_own_files_are_cached() {
        for (path, cached) in [
            ("index.html", true),
            ("000/a-byfe.html", true),
            ("icons/icon-192.png", true),
            ("xuexi-1_bg.wasm", true),
            ("xuexi-1_bg.wasm.br", false),
            ("app.css.map", false),
            ("sw.js", false),
            ("version.json", false),
        ] {
            assert_eq!(is_cached(path), cached, "{path}");
        }
    }

    #[test]
    fn hidden_files_and_folders_are_not_listed() {
        let dist = std::env::temp_dir().join(format!("xuexi-precache-{}", std::process::id()));
        for file in [
            "index.html",
            "icons/icon.png",
            ".stage/index.html",
            "icons/.DS_Store",
        ] {
            let path = dist.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let listed = site_files(&dist);
        std::fs::remove_dir_all(&dist).unwrap();
        assert_eq!(listed.unwrap(), ["icons/icon.png", "index.html"]);
    }

    #[test]
    fn the_service_worker_gets_the_build_line() {
        let files = [
            ("index.html".to_string(), "00ff".to_string()),
            ("000/a-byfe.html".to_string(), "0a0b".to_string()),
        ];
        let sw = service_worker("abcd", &files, "000").unwrap();
        assert!(sw.contains("const BUILD = {\n  version: \"abcd\",\n  files: [\n    [\"index.html\", \"00ff\", 1],\n    [\"000/a-byfe.html\", \"0a0b\", 0],\n  ],\n};"), "{sw}");
        assert!(!sw.contains(SW_BUILD_LINE));
        assert!(
            !sw.contains("// "),
            "the worker goes out without its comments"
        );
        assert!(sw.contains("self.addEventListener('fetch'"));
    }

    #[test]
    fn route_pages_and_earlier_data_are_not_listed() {
        for (path, listed) in [
            ("index.html", true),
            ("shell.html", true),
            ("data/catalog.json", true),
            ("data/volume-000.json", false),
            ("data/052.json", true),
            ("data/000.json", false),
            ("xuexi-1_bg.wasm", true),
            ("000/index.html", false),
            ("000/a-byfe.html", false),
            ("record.html", false),
        ] {
            assert_eq!(is_listed(path, "052"), listed, "{path}");
        }
    }

    #[test]
    fn the_core_is_the_app_the_home_page_and_the_current_page() {
        for (path, core) in [
            ("index.html", true),
            ("shell.html", true),
            ("xuexi-1_bg.wasm", true),
            ("app-1.css", true),
            ("icons/icon-192.png", true),
            ("data/catalog.json", true),
            ("data/volume-013.json", false),
            ("data/052.json", true),
            ("data/000.json", false),
            ("052/index.html", false),
            ("000/a-byfe.html", false),
            ("record.html", false),
        ] {
            assert_eq!(is_core(path, "052"), core, "{path}");
        }
    }
}
