//! The page as it was printed: renders a page back to the press text, split into the
//! words of the content and the structural markers (□, ★, ——…) the layout added.
//! The importer's nothing-lost proof compares this rendering with the raw input.

use std::collections::BTreeMap;

use super::model::{Item, ItemKind, Page, Role};

/// A run of press text: words of the content, or a marker of the page's structure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    pub is_marker: bool,
}

/// What the proof established: how many characters of the input are content and how
/// many are structural markers, by marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proof {
    pub content_chars: usize,
    pub marker_chars: usize,
    pub markers: BTreeMap<String, usize>,
}

/// Where the rendering and the input part ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// 1-based line of the input where they differ (the last line when the input ended).
    pub line: usize,
    /// What the input has there (up to a few characters), or empty at its end.
    pub input: String,
    /// What the content files would print there, or empty at their end.
    pub rendered: String,
}

/// The page as printed, line by line; whitespace is not significant.
pub fn render(page: &Page) -> Vec<Segment> {
    let mut out = Vec::new();
    for item in page.items.iter() {
        render_item(item, &mut out);
    }
    out
}

/// Proves that every non-whitespace character of `input` is, in order, a character of
/// the page's content or of a structural marker, and that nothing was added.
pub fn prove(input: &str, page: &Page) -> Result<Proof, Mismatch> {
    let segments = render(page);
    let rendered: Vec<(char, Option<&str>)> = segments
        .iter()
        .flat_map(|segment| {
            let marker = segment.is_marker.then_some(segment.text.as_str());
            segment.text.chars().map(move |c| (c, marker))
        })
        .filter(|(c, _)| !c.is_whitespace())
        .collect();
    let mut proof = Proof {
        content_chars: 0,
        marker_chars: 0,
        markers: BTreeMap::new(),
    };
    let input_chars = non_whitespace_with_lines(input);
    for (idx, &(c, line)) in input_chars.iter().enumerate() {
        match rendered.get(idx) {
            Some(&(r, _)) if r != c => return Err(mismatch_at(&input_chars, &rendered, idx, line)),
            None => return Err(mismatch_at(&input_chars, &rendered, idx, line)),
            Some((_, Some(_))) => proof.marker_chars += 1,
            Some((_, None)) => proof.content_chars += 1,
        }
    }
    if rendered.len() > input_chars.len() {
        let line = input.lines().count().max(1);
        return Err(mismatch_at(
            &input_chars,
            &rendered,
            input_chars.len(),
            line,
        ));
    }
    for segment in segments.into_iter().filter(|s| s.is_marker) {
        *proof.markers.entry(segment.text).or_default() += 1;
    }
    Ok(proof)
}

fn render_item(item: &Item, out: &mut Vec<Segment>) {
    let content = |out: &mut Vec<Segment>, text: &str| {
        out.push(Segment {
            text: format!("{text}\n"),
            is_marker: false,
        })
    };
    let marker = |out: &mut Vec<Segment>, text: &str| {
        out.push(Segment {
            text: text.to_string(),
            is_marker: true,
        })
    };
    if let Some(column) = &item.column {
        content(out, column);
    }
    match item.kind {
        ItemKind::Article => {
            if let Some(deck) = &item.deck {
                content(out, deck);
            }
            content(out, item.title.as_deref().unwrap_or_default());
            if !item.bylines.is_empty() {
                marker(out, "□");
                content(out, &item.byline_text());
            }
            for paragraph in item.paragraphs.iter() {
                content(out, &paragraph.text);
            }
        }
        ItemKind::PhotoNews => {
            content(out, item.title.as_deref().unwrap_or_default());
            for paragraph in item.paragraphs.iter() {
                content(out, &paragraph.text);
            }
            let credited = item.bylines.iter().any(|b| b.role == Role::Photographer);
            if credited {
                if item.bylines.iter().any(|b| b.label.is_some()) {
                    marker(out, "□");
                }
                content(out, &item.byline_text());
                marker(out, "摄");
            }
        }
        ItemKind::Quotations => {
            for quotation in item.quotations.iter() {
                marker(out, "★");
                content(out, &quotation.text);
                marker(out, "——");
                content(out, &quotation.date.chinese());
                marker(out, "，");
                content(out, &quotation.speaker);
                content(out, &quotation.occasion);
            }
            if let Some(source) = &item.source {
                marker(out, "(来源：");
                content(out, source);
                marker(out, ")");
            }
        }
    }
}

fn non_whitespace_with_lines(input: &str) -> Vec<(char, usize)> {
    input
        .lines()
        .enumerate()
        .flat_map(|(idx, line)| line.chars().map(move |c| (c, idx + 1)))
        .filter(|(c, _)| !c.is_whitespace())
        .collect()
}

fn mismatch_at(
    input: &[(char, usize)],
    rendered: &[(char, Option<&str>)],
    idx: usize,
    line: usize,
) -> Mismatch {
    const CONTEXT: usize = 8;
    Mismatch {
        line,
        input: input
            .iter()
            .skip(idx)
            .take(CONTEXT)
            .map(|(c, _)| c)
            .collect(),
        rendered: rendered
            .iter()
            .skip(idx)
            .take(CONTEXT)
            .map(|(c, _)| c)
            .collect(),
    }
}
