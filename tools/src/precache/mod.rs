//! The last build step, after prerender: takes the comments out of every HTML file's head;
//! replaces Trunk's eager loader in every HTML file (an inline module script that fetches the
//! app at once, plus preloads) with a meta naming the app's files, which `assets/start.js`
//! fetches when the page needs the app; puts the stylesheet (its spaces a browser does not
//! need taken out) and `boot.js` inside every HTML file (each hashed into the CSP, so the
//! first paint waits for no other request and no `'unsafe-inline'` is needed) and deletes
//! their files, and names the async and deferred scripts in a meta for boot.js to load after
//! the first paint; stamps the build's version into every HTML file but the offline shell;
//! and writes the service worker (`dist/sw.js`, with every file of `dist/` and its revision)
//! and `dist/version.json`.
//!
//! The version is the hash of every file's path and content, taken while the version meta
//! is blank, plus the service-worker template; so it changes exactly when something the
//! reader downloads changes, and a second run over its own output writes the same bytes.
//! A file's revision is the hash of its final content. Any step that changes a file after
//! this one invalidates both (precompressed `.br`/`.gz` copies are fine: they are skipped).
//!
//! [`html`] reads and rewrites the pages as text, [`inline`] puts the critical stylesheet and
//! script inside them, [`worker`] decides what the service worker caches and writes it; the
//! command is `tools/src/bin/precache.rs`.

pub mod html;
pub mod inline;
pub mod worker;

use std::path::Path;

use crate::files::{read, read_bytes, write};
use crate::revision;
use html::{set_version, start_app_on_demand, without_head_comments};
use inline::{inline_critical, strip_comments};
use worker::{current_page, is_listed, service_worker, site_files, SW_TEMPLATE};

/// Whether an HTML file gets the build's version. Not the offline shell: it serves every build
/// alike (the app on it, like a development build's, registers and checks nothing: offline it
/// could not), so a weekly build leaves its bytes as they were and a returning reader's worker
/// copies it instead of downloading it again.
fn is_stamped(path: &str) -> bool {
    path.ends_with(".html") && path != "shell.html"
}

/// Rewrites the HTML files, then writes `sw.js` and `version.json`; returns the version and
/// the number of files the service worker caches.
pub fn run(dist: &Path) -> Result<(String, usize), String> {
    let paths = site_files(dist)?;
    if !paths.iter().any(|path| path == "index.html") {
        return Err(format!(
            "{}: no index.html (run trunk build and prerender first)",
            dist.display()
        ));
    }
    // 1. The page's own scripts and stylesheet without their comments, and every HTML file
    // without those of its head, with their new integrity, the app on demand and its version
    // blank.
    let integrity = strip_comments(dist)?;
    for path in paths.iter().filter(|path| path.ends_with(".html")) {
        let file = dist.join(path);
        let html = without_head_comments(&read(&file)?);
        let html = start_app_on_demand(&html).map_err(|e| format!("{}: {e}", file.display()))?;
        let html = set_version(&html, "").map_err(|e| format!("{}: {e}", file.display()))?;
        let html = integrity
            .iter()
            .fold(html, |html, (old, new)| html.replace(old, new));
        write(&file, html.as_bytes())?;
    }
    // The stylesheet and boot.js inside every page, hashed into its CSP; their files go.
    inline_critical(dist, &paths)?;
    let paths = site_files(dist)?;
    // 2. The version.
    let mut listing = String::new();
    for path in &paths {
        listing.push_str(&format!(
            "{path} {}\n",
            revision(&read_bytes(&dist.join(path))?)
        ));
    }
    listing.push_str(&format!("sw.js {}\n", revision(SW_TEMPLATE.as_bytes())));
    let version = revision(listing.as_bytes());
    // 3. The version in every HTML file; then every listed file's final revision.
    let current = current_page(dist)?;
    let mut files = Vec::new();
    for path in &paths {
        let file = dist.join(path);
        if is_stamped(path) {
            let html = set_version(&read(&file)?, &version)
                .map_err(|e| format!("{}: {e}", file.display()))?;
            write(&file, html.as_bytes())?;
        }
        if is_listed(path, &current) {
            files.push((path.clone(), revision(&read_bytes(&file)?)));
        }
    }
    // 4. The service worker and the version file.
    write(
        &dist.join("sw.js"),
        service_worker(&version, &files, &current)?.as_bytes(),
    )?;
    let version_json = serde_json::json!({ "version": version }).to_string() + "\n";
    write(&dist.join("version.json"), version_json.as_bytes())?;
    Ok((version, files.len()))
}
