//! Reading and rewriting HTML as text, for the precache step: Trunk's loader becomes the app
//! meta, the version meta is set, elements and attribute values are found, and a source joins
//! a directive of the page's Content-Security-Policy.

/// The attribute that marks an element the build put inside the page (so a second run, and
/// the check that the page has no other inline script, know it).
pub const INLINED: &str = "data-inlined";

const VERSION_ATTRIBUTES: &str = "<meta name=\"xuexi-version\" content=\"";

/// The whole start tag (`<tag ...>`) of the first element opened by `open` whose tag holds
/// `needle`.
pub fn element_with(html: &str, open: &str, needle: &str) -> Option<String> {
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
pub fn add_to_policy(html: &str, directive: &str, source: &str) -> Result<String, String> {
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

/// `html` without the comments of its `<head>`, each with its indentation and the line break
/// after it: they explain the template in the repository, and every page would carry them.
/// The body's comments are Yew's hydration marks and stay. A second run finds none.
pub fn without_head_comments(html: &str) -> String {
    let (head, body) = html.split_at(html.find("<body").unwrap_or(html.len()));
    let mut out = String::with_capacity(html.len());
    let mut rest = head;
    while let Some(start) = rest.find("<!--") {
        let Some(len) = rest[start..].find("-->") else {
            break;
        };
        out.push_str(rest[..start].trim_end_matches(' '));
        rest = &rest[start + len + "-->".len()..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out.push_str(body);
    out
}

/// The meta that names the app's JS glue and wasm for `assets/start.js`.
const APP_META: &str = "<meta name=\"xuexi-app\"";

/// `html` without Trunk's loader (the inline module script that imports the JS glue and
/// fetches the wasm, and the preloads of both), and with `<meta name="xuexi-app" data-js
/// data-wasm>` before its first script, so `assets/start.js` finds it whenever it runs. A page
/// already rewritten is returned as it is. Any other inline script is an error: the CSP
/// allows none.
pub fn start_app_on_demand(html: &str) -> Result<String, String> {
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
pub fn set_version(html: &str, version: &str) -> Result<String, String> {
    let (start, end) = attribute_value(html, VERSION_ATTRIBUTES)
        .ok_or("no <meta name=\"xuexi-version\"> (is it in index.html?)")?;
    Ok(format!("{}{version}{}", &html[..start], &html[end..]))
}

/// Every `<script>` without a `src` that the build did not put there itself: the byte range
/// of the whole element and its text.
pub fn inline_scripts(html: &str) -> Vec<(std::ops::Range<usize>, &str)> {
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
pub fn attribute_value(html: &str, prefix: &str) -> Option<(usize, usize)> {
    let start = html.find(prefix)? + prefix.len();
    let len = html[start..].find('"')?;
    Some((start, start + len))
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_heads_comments_go_and_the_bodys_stay() {
        let page = concat!(
            "<head>\n  <meta charset=\"utf-8\">\n  <!-- why\n       more -->\n",
            "  <title>t</title>\n  <!-- x --><link rel=\"icon\">\n</head>\n",
            "<body><div id=\"app\"><!--<[App]>--><p>a</p><!--</[App]>--></div><!--/app--></body>",
        );
        let expected = concat!(
            "<head>\n  <meta charset=\"utf-8\">\n  <title>t</title>\n<link rel=\"icon\">\n</head>\n",
            "<body><div id=\"app\"><!--<[App]>--><p>a</p><!--</[App]>--></div><!--/app--></body>",
        );
        assert_eq!(without_head_comments(page), expected);
        assert_eq!(without_head_comments(expected), expected);
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
}
