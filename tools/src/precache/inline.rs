//! What the first paint waits for, made as small and as near as it can be: the comments go
//! out of the scripts and stylesheet `index.html` loads, and the stylesheet's spaces a browser
//! does not need (their integrity values follow), and
//! the stylesheet and `boot.js` go inside every HTML file, their SHA-256 hashes into its CSP.

use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use sha2::{Digest, Sha256, Sha384};

use super::html::{add_to_policy, attribute_value, element_with, INLINED};
use crate::files::{read, remove, write};

/// Takes the comments out of the scripts and the stylesheet that `index.html` loads (they
/// explain the files in the repository; every first visit downloads them): whole-line `//`
/// comments of a script, `/* */` comments and needless spaces of a stylesheet. Returns each changed file's old
/// and new `integrity` value (Trunk pins every asset with one), for the HTML files. A second
/// run finds nothing to take out.
pub fn strip_comments(dist: &Path) -> Result<Vec<(String, String)>, String> {
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
                minified_css(&text)
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
pub fn without_line_comments(script: &str) -> String {
    script
        .lines()
        .map(str::trim_start)
        .filter(|line| !line.starts_with("//"))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// A stylesheet without its comments and the whitespace a browser does not need: a run of
/// whitespace becomes one space, and none is kept after `{ } ; , :` or before `{ } ; ,`. A
/// space before `:` stays (`a :hover` is not `a:hover`), as do spaces around operators
/// (`calc(1em + 2px)` needs them) and everything inside quotes.
fn minified_css(css: &str) -> String {
    let css = without_block_comments(css);
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars();
    let (mut space, mut quote, mut last) = (false, None, None);
    while let Some(c) = chars.next() {
        if let Some(open) = quote {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == open {
                quote = None;
            }
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let tight_after = last.is_none_or(|last: char| "{};,:".contains(last));
        if std::mem::take(&mut space) && !tight_after && !"{};,".contains(c) {
            out.push(' ');
        }
        if c == '"' || c == '\'' {
            quote = Some(c);
        }
        out.push(c);
        last = Some(c);
    }
    out
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
    format!("sha384-{}", Base64::encode_string(&Sha384::digest(bytes)))
}

/// A CSP source for an inline element: `'sha256-` and the base64 of the SHA-256 of its text.
fn csp_hash(text: &str) -> String {
    format!(
        "'sha256-{}'",
        Base64::encode_string(&Sha256::digest(text.as_bytes()))
    )
}

/// Puts the stylesheet and `boot.js` that `index.html` loads inside every HTML file, in
/// place of their `<link>` and `<script src>`, adds their hashes to each file's CSP
/// (`style-src`, `script-src`), and deletes the two files, which nothing loads any more.
/// They are what the first paint waits for: inside the page, it waits for nothing else. The
/// page's async and deferred scripts (start.js, preflight.js) leave their `<script src>` for
/// `<meta name="xuexi-scripts">`, from which boot.js asks for them once the page has painted,
/// so no request starts before the first paint (Lighthouse's LCP counts every one that does).
/// A second run finds them inlined already and changes nothing.
pub fn inline_critical(dist: &Path, paths: &[String]) -> Result<(), String> {
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
        remove(&file)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::precache::html::inline_scripts;

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
        assert_eq!(
            minified_css("/* a */\nbody { x: 1 } /* b\n c */p{}"),
            "body{x:1}p{}"
        );
        // The SRI of "abc", as `openssl dgst -sha384 -binary | base64` gives it.
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn the_stylesheet_loses_only_the_spaces_a_browser_does_not_need() {
        for (css, minified) in [
            (
                ":root {\n  --a: #fff;\n  font-family: \"PingFang SC\", sans-serif;\n}\n",
                ":root{--a:#fff;font-family:\"PingFang SC\",sans-serif;}",
            ),
            (".card :focus ,  .b > a { margin: 0 0 1rem; }", ".card :focus,.b > a{margin:0 0 1rem;}"),
            (
                "@media (max-width: 30em) and (hover: hover) { p { width: calc(100% - 2 * 1em); } }",
                "@media (max-width:30em) and (hover:hover){p{width:calc(100% - 2 * 1em);}}",
            ),
            (
                "a::after { content: \"  \\\"{ ; }\"; }\nb::before { content: '  x  '; }",
                "a::after{content:\"  \\\"{ ; }\";}b::before{content:'  x  ';}",
            ),
        ] {
            assert_eq!(minified_css(css), minified, "{css}");
        }
    }

    #[test]
    fn inline_hashes_are_the_base64_of_the_sha256() {
        // SHA-256("abc"), base64: `printf abc | openssl dgst -sha256 -binary | base64`.
        assert_eq!(
            csp_hash("abc"),
            "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
        );
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
}
