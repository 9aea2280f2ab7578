//! The last build step, after prerender: replaces Trunk's eager loader in every HTML file
//! (an inline module script that fetches the app at once, plus preloads) with a meta naming
//! the app's files, which `assets/start.js` fetches when the page needs the app; puts the
//! stylesheet and `boot.js` inside every HTML file (each hashed into the CSP, so the first
//! paint waits for no other request and no `'unsafe-inline'` is needed) and deletes their
//! files, and names the async and deferred scripts in a meta for boot.js to load after the
//! first paint; stamps the build's version into every HTML file; and writes the service worker
//! (`dist/sw.js`, with every file of `dist/` and its revision) and `dist/version.json`.
//!
//! Usage: `cargo run --bin precache -- [dist]`
//!
//! The version is the hash of every file's path and content, taken while the version meta
//! is blank, plus the service-worker template; so it changes exactly when something the
//! reader downloads changes, and a second run over its own output writes the same bytes.
//! A file's revision is the hash of its final content. Any step that changes a file after
//! this one invalidates both (precompressed `.br`/`.gz` copies are fine: they are skipped).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xuexi_tools::revision;

/// The service-worker template; its `BUILD` line is replaced by the build's file list.
const SW_TEMPLATE: &str = include_str!("../../../assets/sw.js");
const SW_BUILD_LINE: &str = "const BUILD = { version: 'dev', files: [] };";
const VERSION_ATTRIBUTES: &str = "<meta name=\"xuexi-version\" content=\"";

fn main() -> ExitCode {
    let dist = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "dist".to_string()),
    );
    match run(&dist) {
        Ok((version, n_files)) => {
            println!(
                "precache: build {version}, {n_files} files in {}/sw.js",
                dist.display()
            );
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("precache: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Rewrites the HTML files, then writes `sw.js` and `version.json`; returns the version and
/// the number of files the service worker caches.
fn run(dist: &Path) -> Result<(String, usize), String> {
    let paths = site_files(dist)?;
    if !paths.iter().any(|path| path == "index.html") {
        return Err(format!(
            "{}: no index.html (run trunk build and prerender first)",
            dist.display()
        ));
    }
    // 1. The page's own scripts and stylesheet without their comments, and every HTML file
    // with their new integrity, the app on demand and its version blank.
    let integrity = strip_comments(dist)?;
    for path in paths.iter().filter(|path| path.ends_with(".html")) {
        let file = dist.join(path);
        let html = read(&file)?;
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
        if path.ends_with(".html") {
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

/// Takes the comments out of the scripts and the stylesheet that `index.html` loads (they
/// explain the files in the repository; every first visit downloads them): whole-line `//`
/// comments of a script, `/* */` comments of a stylesheet. Returns each changed file's old
/// and new `integrity` value (Trunk pins every asset with one), for the HTML files. A second
/// run finds nothing to take out.
fn strip_comments(dist: &Path) -> Result<Vec<(String, String)>, String> {
    let index = read(&dist.join("index.html"))?;
    let mut changed = Vec::new();
    let value = |element: &'_ str, name: &str| -> Option<String> {
        let (start, end) = attribute_value(element, &format!("{name}=\""))?;
        Some(element[start..end].to_string())
    };
    for (tag, attribute) in [("<script ", "src"), ("<link rel=\"stylesheet\" ", "href")] {
        for element in index.split(tag).skip(1) {
            let element = &element[..element.find('>').unwrap_or(element.len())];
            let (Some(name), Some(old)) = (value(element, attribute), value(element, "integrity"))
            else {
                continue;
            };
            let file = dist.join(name.trim_start_matches("./"));
            let text = read(&file)?;
            let stripped = if name.ends_with(".css") {
                without_block_comments(&text)
            } else {
                without_line_comments(&text)
            };
            if stripped != text {
                write(&file, stripped.as_bytes())?;
                changed.push((old, sri(stripped.as_bytes())));
            }
        }
    }
    Ok(changed)
}

/// A script without its whole-line `//` comments and its indentation (our scripts have no
/// string that spans lines, where leading spaces would count).
fn without_line_comments(script: &str) -> String {
    script
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

fn without_block_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start..].find("*/") {
            Some(end) => rest = &rest[start + end + 2..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// A subresource-integrity value: `sha384-` and the base64 of the SHA-384.
fn sri(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha384};
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

/// A CSP source for an inline element: `'sha256-` and the base64 of the SHA-256 of its text.
fn csp_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    format!("'sha256-{}'", base64(&Sha256::digest(text.as_bytes())))
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for group in bytes.chunks(3) {
        let byte = |i: usize| u32::from(group.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= group.len() {
                out.push(char::from(ALPHABET[((n >> shift) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The attribute that marks an element the build put inside the page (so a second run, and
/// the check that the page has no other inline script, know it).
const INLINED: &str = "data-inlined";

/// Puts the stylesheet and `boot.js` that `index.html` loads inside every HTML file, in
/// place of their `<link>` and `<script src>`, adds their hashes to each file's CSP
/// (`style-src`, `script-src`), and deletes the two files, which nothing loads any more.
/// They are what the first paint waits for: inside the page, it waits for nothing else. The
/// page's async and deferred scripts (start.js, preflight.js) leave their `<script src>` for
/// `<meta name="xuexi-scripts">`, from which boot.js asks for them once the page has painted,
/// so no request starts before the first paint (Lighthouse's LCP counts every one that does).
/// A second run finds them inlined already and changes nothing.
fn inline_critical(dist: &Path, paths: &[String]) -> Result<(), String> {
    let index = read(&dist.join("index.html"))?;
    let Some(stylesheet) = element_with(&index, "<link ", "rel=\"stylesheet\"") else {
        return if index.contains(&format!("<style {INLINED}")) {
            Ok(())
        } else {
            Err("index.html: no stylesheet to put inside the page".to_string())
        };
    };
    let boot = element_with(&index, "<script ", "/boot-")
        .ok_or("index.html: no boot script to put inside the page")?;
    let file_of = |element: &str, attribute: &str| -> Result<PathBuf, String> {
        let (start, end) = attribute_value(element, &format!(" {attribute}=\""))
            .ok_or_else(|| format!("index.html: no {attribute} in {element}"))?;
        Ok(dist.join(element[start..end].trim_start_matches("./")))
    };
    let css_file = file_of(&stylesheet, "href")?;
    let boot_file = file_of(&boot, "src")?;
    let css = read(&css_file)?;
    let script = read(&boot_file)?;
    for text in [&css, &script] {
        if text.contains("</") {
            return Err("a stylesheet or script to inline holds `</`".to_string());
        }
    }
    let boot_element = format!("{boot}</script>");
    // The other scripts (start.js async, preflight.js defer), which boot.js asks for once the
    // page has painted: named in a meta before it instead of loaded by <script src>.
    let mut later = Vec::new();
    let mut later_srcs = Vec::new();
    let mut from = 0;
    while let Some(element) = element_with(&index[from..], "<script ", " src=\"") {
        from += index[from..].find(&element).unwrap_or(0) + element.len();
        if element.contains(" async") || element.contains(" defer") {
            let (start, end) =
                attribute_value(&element, " src=\"").ok_or("a script without src")?;
            later_srcs.push(element[start..end].to_string());
            later.push(format!("{element}</script>"));
        }
    }
    let style = format!("<style {INLINED}>{css}</style>");
    let inline_script = format!(
        "<meta name=\"xuexi-scripts\" content=\"{}\">\n  <script {INLINED}>{script}</script>",
        later_srcs.join(" ")
    );
    let (css_hash, script_hash) = (csp_hash(&css), csp_hash(&script));
    for path in paths.iter().filter(|path| path.ends_with(".html")) {
        let file = dist.join(path);
        let html = read(&file)?;
        if !html.contains(&stylesheet) || !html.contains(&boot_element) {
            return Err(format!(
                "{}: not the stylesheet and boot script of index.html",
                file.display()
            ));
        }
        let mut html =
            html.replacen(&stylesheet, &style, 1)
                .replacen(&boot_element, &inline_script, 1);
        for element in &later {
            if !html.contains(element.as_str()) {
                return Err(format!("{}: not the scripts of index.html", file.display()));
            }
            // The element and the line break after it.
            html = html
                .replacen(&format!("{element}\n"), "", 1)
                .replacen(element.as_str(), "", 1);
        }
        let html = add_to_policy(&html, "style-src", &css_hash)
            .and_then(|html| add_to_policy(&html, "script-src", &script_hash))
            .map_err(|e| format!("{}: {e}", file.display()))?;
        write(&file, html.as_bytes())?;
    }
    for file in [css_file, boot_file] {
        std::fs::remove_file(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

/// The whole start tag (`<tag ...>`) of the first element opened by `open` whose tag holds
/// `needle`.
fn element_with(html: &str, open: &str, needle: &str) -> Option<String> {
    let mut from = 0;
    while let Some(offset) = html[from..].find(open) {
        let start = from + offset;
        let end = start + html[start..].find('>')? + 1;
        if html[start..end].contains(needle) {
            return Some(html[start..end].to_string());
        }
        from = end;
    }
    None
}

/// `html` with `source` added to `directive` of its `<meta http-equiv="Content-Security-Policy">`.
fn add_to_policy(html: &str, directive: &str, source: &str) -> Result<String, String> {
    let (start, end) = attribute_value(
        html,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"",
    )
    .ok_or("no Content-Security-Policy meta")?;
    let policy = &html[start..end];
    let mut found = false;
    let rewritten: Vec<String> = policy
        .split(';')
        .map(|part| {
            let trimmed = part.trim();
            if trimmed.split_whitespace().next() == Some(directive) {
                found = true;
                let lead = &part[..part.len() - part.trim_start().len()];
                format!("{lead}{trimmed} {source}")
            } else {
                part.to_string()
            }
        })
        .collect();
    if !found {
        return Err(format!("the CSP has no {directive}"));
    }
    Ok(format!(
        "{}{}{}",
        &html[..start],
        rewritten.join(";"),
        &html[end..]
    ))
}

/// The meta that names the app's JS glue and wasm for `assets/start.js`.
const APP_META: &str = "<meta name=\"xuexi-app\"";

/// `html` without Trunk's loader (the inline module script that imports the JS glue and
/// fetches the wasm, and the preloads of both), and with `<meta name="xuexi-app" data-js
/// data-wasm>` before its first script, so `assets/start.js` finds it whenever it runs. A page
/// already rewritten is returned as it is. Any other inline script is an error: the CSP
/// allows none.
fn start_app_on_demand(html: &str) -> Result<String, String> {
    let scripts = inline_scripts(html);
    if scripts.is_empty() {
        return if html.contains(APP_META) {
            Ok(html.to_string())
        } else {
            Err("neither Trunk's loader nor <meta name=\"xuexi-app\"> (is the rust link in index.html?)".to_string())
        };
    }
    let [(range, body)] = scripts.as_slice() else {
        return Err(format!(
            "{} inline scripts; the CSP allows none",
            scripts.len()
        ));
    };
    let glue = quoted_after(body, "from ").ok_or("the loader imports no JS glue")?;
    let wasm = quoted_after(body, "module_or_path: ").ok_or("the loader names no wasm")?;
    let mut page = format!("{}{}", &html[..range.start], &html[range.end..]);
    for href in [glue, wasm] {
        let (start, end) = preload_link(&page, href)
            .ok_or_else(|| format!("no preload link for {href} after the loader"))?;
        page.replace_range(start..end, "");
    }
    let first_script = page
        .find("<script")
        .ok_or("no <script> for the app's meta to precede")?;
    page.insert_str(
        first_script,
        &format!("{APP_META} data-js=\"{glue}\" data-wasm=\"{wasm}\">\n  "),
    );
    Ok(page)
}

/// The text in single quotes right after `prefix` in `text`.
fn quoted_after<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let start = text.find(&format!("{prefix}'"))? + prefix.len() + 1;
    let len = text[start..].find('\'')?;
    Some(&text[start..start + len])
}

/// The byte range of the `<link rel="modulepreload">` or `<link rel="preload">` of `href`.
fn preload_link(html: &str, href: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(offset) = html[from..].find("<link ") {
        let start = from + offset;
        let end = start + html[start..].find('>')? + 1;
        let tag = &html[start..end];
        let preload = tag.contains("rel=\"modulepreload\"") || tag.contains("rel=\"preload\"");
        if preload && tag.contains(&format!("href=\"{href}\"")) {
            return Some((start, end));
        }
        from = end;
    }
    None
}

/// `html` with `version` in its `<meta name="xuexi-version">`.
fn set_version(html: &str, version: &str) -> Result<String, String> {
    let (start, end) = attribute_value(html, VERSION_ATTRIBUTES)
        .ok_or("no <meta name=\"xuexi-version\"> (is it in index.html?)")?;
    Ok(format!("{}{version}{}", &html[..start], &html[end..]))
}

/// Every `<script>` without a `src` that the build did not put there itself: the byte range
/// of the whole element and its text.
fn inline_scripts(html: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut scripts = Vec::new();
    let mut from = 0;
    while let Some(offset) = html[from..].find("<script") {
        let open = from + offset;
        let Some(tag_len) = html[open..].find('>') else {
            break;
        };
        let body_start = open + tag_len + 1;
        let Some(body_len) = html[body_start..].find("</script>") else {
            break;
        };
        let end = body_start + body_len + "</script>".len();
        let tag = &html[open..body_start];
        if !tag.contains(" src=") && !tag.contains(INLINED) {
            scripts.push((open..end, &html[body_start..body_start + body_len]));
        }
        from = end;
    }
    scripts
}

/// The byte range of the value of the attribute that `prefix` (ending in `content="`) opens.
fn attribute_value(html: &str, prefix: &str) -> Option<(usize, usize)> {
    let start = html.find(prefix)? + prefix.len();
    let len = html[start..].find('"')?;
    Some((start, start + len))
}

/// The id of the current 期: the first page of the catalog the prerender step wrote.
fn current_page(dist: &Path) -> Result<String, String> {
    let path = dist.join("data/catalog.json");
    let catalog: xuexi_core::content::Catalog = serde_json::from_str(&read(&path)?)
        .map_err(|e| format!("{}: {e} (run prerender first)", path.display()))?;
    catalog
        .current()
        .map(|entry| entry.id.clone())
        .ok_or_else(|| format!("{}: no pages", path.display()))
}

/// Whether the service worker's list names a file: the core (see [`is_core`]) and the other
/// files of the app, but neither the route pages (one per item, quiz, quotation… of every
/// page), which it keeps as they are opened, nor the earlier pages' data, whose revisions the
/// catalog holds; so the list, downloaded on every first visit and every update, stays the same
/// size however long the archive grows.
fn is_listed(path: &str, current_page: &str) -> bool {
    if path.starts_with("data/") {
        return is_core(path, current_page);
    }
    !path.ends_with(".html") || path == "index.html" || path == "shell.html"
}

/// Whether a file is cached when the service worker installs: the app's own files, the home
/// page, the offline shell, the catalog and the current 期's data. The rest (each route's
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
fn service_worker(
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
fn site_files(dist: &Path) -> Result<Vec<String>, String> {
    fn walk(dir: &Path, prefix: &str, paths: &mut Vec<String>) -> Result<(), String> {
        let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| format!("{}: {e}", dir.display()))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{prefix}{name}");
            if name.starts_with('.') {
                // Hidden: Trunk's `.stage/` while a build runs, an editor's or a system's files.
                continue;
            }
            if entry.path().is_dir() {
                walk(&entry.path(), &format!("{path}/"), paths)?;
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

fn read(file: &Path) -> Result<String, String> {
    std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))
}

fn read_bytes(file: &Path) -> Result<Vec<u8>, String> {
    std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))
}

fn write(file: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(file, bytes).map_err(|e| format!("{}: {e}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_taken_out_and_integrity_follows() {
        assert_eq!(
            without_line_comments("// what\nvar a = 1; // kept\n  // indented\n  b();\n"),
            "var a = 1; // kept\nb();\n"
        );
        assert_eq!(
            without_block_comments("/* a */\nbody { x: 1 } /* b\n c */p{}"),
            "\nbody { x: 1 } p{}"
        );
        // The SRI of "abc", as `openssl dgst -sha384 -binary | base64` gives it.
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn inline_hashes_are_the_base64_of_the_sha256() {
        // SHA-256("abc"), base64: `printf abc | openssl dgst -sha256 -binary | base64`.
        assert_eq!(
            csp_hash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
    }

    #[test]
    fn a_source_joins_its_directive_of_the_policy() {
        let page = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'\">";
        let page = add_to_policy(page, "script-src", "'sha256-A='").unwrap();
        let page = add_to_policy(&page, "style-src", "'sha256-B='").unwrap();
        assert_eq!(
            page,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-A='; style-src 'self' 'sha256-B='\">"
        );
        assert!(add_to_policy(&page, "img-src", "x").is_err());
        assert!(add_to_policy("<head></head>", "style-src", "x").is_err());
    }

    #[test]
    fn the_stylesheet_and_boot_script_go_inside_every_page() {
        let dist = std::env::temp_dir().join(format!("xuexi-inline-{}", std::process::id()));
        let head = concat!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self'; style-src 'self'\">",
            "<link rel=\"stylesheet\" href=\"./app-1.css\" integrity=\"sha384-x\">",
            "<script src=\"./boot-2.js\" integrity=\"sha384-y\"></script>",
            "<script src=\"./start-3.js\" async></script>",
        );
        std::fs::create_dir_all(dist.join("000")).unwrap();
        for (file, text) in [
            ("index.html", head),
            ("000/a.html", head),
            ("app-1.css", "body{color:red}"),
            ("boot-2.js", "var a=1;\n"),
        ] {
            std::fs::write(dist.join(file), text).unwrap();
        }
        let paths = vec!["000/a.html".to_string(), "index.html".to_string()];
        inline_critical(&dist, &paths).unwrap();
        let expected = format!(
            concat!(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'self' {}; style-src 'self' {}\">",
                "<style data-inlined>body{{color:red}}</style>",
                "<meta name=\"xuexi-scripts\" content=\"./start-3.js\">\n  ",
                "<script data-inlined>var a=1;\n</script>",
            ),
            csp_hash("var a=1;\n"),
            csp_hash("body{color:red}"),
        );
        let pages: Vec<String> = ["index.html", "000/a.html"]
            .iter()
            .map(|file| std::fs::read_to_string(dist.join(file)).unwrap())
            .collect();
        let files_left = (
            dist.join("app-1.css").exists(),
            dist.join("boot-2.js").exists(),
        );
        // A second run changes nothing, and the inlined script is not taken for a stray one.
        let again = inline_critical(&dist, &paths);
        let after_again = std::fs::read_to_string(dist.join("index.html")).unwrap();
        std::fs::remove_dir_all(&dist).unwrap();
        assert_eq!(pages, [expected.clone(), expected.clone()]);
        assert_eq!(files_left, (false, false));
        assert_eq!((again, after_again), (Ok(()), expected.clone()));
        assert!(inline_scripts(&expected).is_empty());
    }

    #[test]
    fn revisions_are_the_start_of_the_sha256() {
        // SHA-256("abc") = ba7816bf8f01cfea…
        assert_eq!(revision(b"abc"), "ba7816bf8f01cfea");
    }

    /// Trunk's loader as Trunk 0.21 writes it, shortened.
    const PAGE: &str = concat!(
        "<head><meta name=\"xuexi-version\" content=\"\">",
        "<script src=\"./boot.js\"></script>\n",
        "<script type=\"module\">\nimport init, * as bindings from './x-1.js';\n",
        "const wasm = await init({ module_or_path: './x-1_bg.wasm' });\n</script>\n",
        "<link rel=\"modulepreload\" href=\"./x-1.js\" crossorigin=\"anonymous\">",
        "<link rel=\"preload\" href=\"./x-1_bg.wasm\" crossorigin=\"anonymous\" as=\"fetch\" type=\"application/wasm\"></head>",
    );

    #[test]
    fn trunks_loader_becomes_the_app_meta() {
        let page = start_app_on_demand(PAGE).unwrap();
        assert_eq!(
            page,
            concat!(
                "<head><meta name=\"xuexi-version\" content=\"\">",
                "<meta name=\"xuexi-app\" data-js=\"./x-1.js\" data-wasm=\"./x-1_bg.wasm\">\n  ",
                "<script src=\"./boot.js\"></script>\n\n</head>",
            )
        );
        assert_eq!(
            start_app_on_demand(&page).unwrap(),
            page,
            "a second run changes nothing"
        );
    }

    #[test]
    fn a_page_without_a_loader_or_with_another_inline_script_is_an_error() {
        assert!(start_app_on_demand("<head></head>").is_err());
        let extra = PAGE.replace("</head>", "<script>alert(1)</script></head>");
        assert!(start_app_on_demand(&extra).is_err());
        let no_preload = PAGE.replace("rel=\"preload\"", "rel=\"stylesheet\"");
        assert!(start_app_on_demand(&no_preload).is_err());
    }

    #[test]
    fn the_version_meta_is_set_and_blanked() {
        let stamped = set_version(PAGE, "0123456789abcdef").unwrap();
        assert!(stamped.contains("<meta name=\"xuexi-version\" content=\"0123456789abcdef\">"));
        assert_eq!(set_version(&stamped, "").unwrap(), PAGE);
    }

    #[test]
    fn a_page_without_the_metas_is_an_error() {
        assert!(set_version("<head></head>", "1").is_err());
    }

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
