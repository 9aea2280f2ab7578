//! Snippets: a short window of a field's original text around its first highlight, cut
//! with `…`, and the highlights that fall inside it.

use std::ops::Range;

use super::{Field, Snippet};

/// How many characters of the original text a snippet shows when it has to cut.
const WINDOW_CHARS: usize = 50;
/// How many characters a field may have and still be shown whole.
const WHOLE_FIELD_CHARS: usize = 60;
/// How many characters of context a snippet shows before the first highlight.
const CONTEXT_BEFORE: usize = 15;
/// The punctuation a snippet prefers to start after.
const CLAUSE_BREAKS: [char; 7] = ['。', '，', '；', '：', '！', '？', '、'];
/// What marks a cut.
const ELLIPSIS: char = '…';

/// The snippet of `text` around `highlights[0]`; `highlights` are sorted, disjoint char
/// ranges of `text`.
pub(crate) fn snippet(field: Field, text: &str, highlights: &[Range<usize>]) -> Snippet {
    let chars: Vec<char> = text.chars().collect();
    let first = highlights.first().cloned().unwrap_or(0..0);
    let window = window(&chars, first);
    let cut_before = window.start > 0;
    let cut_after = window.end < chars.len();
    let mut snippet_text = String::new();
    if cut_before {
        snippet_text.push(ELLIPSIS);
    }
    snippet_text.extend(&chars[window.clone()]);
    if cut_after {
        snippet_text.push(ELLIPSIS);
    }
    let shift = window.start - usize::from(cut_before);
    let highlights = highlights
        .iter()
        .map(|h| h.start.max(window.start)..h.end.min(window.end))
        .filter(|h| h.start < h.end)
        .map(|h| h.start - shift..h.end - shift)
        .collect();
    Snippet {
        field,
        text: snippet_text,
        highlights,
    }
}

/// The char range of `chars` to show around `first`: it starts at most `CONTEXT_BEFORE`
/// characters before it (more near the end of the text, so the window stays full), after
/// the first clause break there when there is one, so it tends to start a clause; a
/// window that can start at the start of the text does.
fn window(chars: &[char], first: Range<usize>) -> Range<usize> {
    let len = chars.len();
    if len <= WHOLE_FIELD_CHARS {
        return 0..len;
    }
    let first = first.start.min(len)..first.end.min(len);
    let earliest = first
        .start
        .saturating_sub(CONTEXT_BEFORE)
        .min(len - WINDOW_CHARS);
    let start = if earliest == 0 {
        0
    } else {
        chars[earliest..first.start]
            .iter()
            .position(|c| CLAUSE_BREAKS.contains(c))
            .map_or(earliest, |idx| earliest + idx + 1)
    };
    let end = (start + WINDOW_CHARS).max(first.end).min(len);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The snippet of `text` with these highlights, `[marked]`, is `expected`.
    fn check(text: &str, highlights: &[(usize, usize)], expected: &str) {
        let highlights: Vec<Range<usize>> =
            highlights.iter().map(|&(start, end)| start..end).collect();
        let snippet = snippet(Field::Text, text, &highlights);
        let marked: String = snippet
            .text
            .chars()
            .enumerate()
            .flat_map(|(idx, c)| {
                let open = snippet
                    .highlights
                    .iter()
                    .any(|h| h.start == idx)
                    .then_some('[');
                let close = snippet
                    .highlights
                    .iter()
                    .any(|h| h.end == idx + 1)
                    .then_some(']');
                open.into_iter().chain([c]).chain(close)
            })
            .collect();
        assert_eq!(marked, expected);
    }

    #[test]
    fn short_fields_are_shown_whole() {
        check("土地托管", &[(2, 4)], "土地[托管]");
        check("托管", &[(0, 1), (1, 2)], "[托][管]");
    }

    #[test]
    fn cuts_prefer_clause_breaks() {
        let text = "甲乙丙丁戊己庚辛壬癸。".repeat(10);
        check(&text, &[(47, 49)], "…甲乙丙丁戊己庚辛壬癸。甲乙丙[丁戊]己庚辛壬癸。甲乙丙丁戊己庚辛壬癸。甲乙丙丁戊己庚辛壬癸。甲乙丙丁戊己…");
        check(&text, &[(12, 13)], "甲乙丙丁戊己庚辛壬癸。甲[乙]丙丁戊己庚辛壬癸。甲乙丙丁戊己庚辛壬癸。甲乙丙丁戊己庚辛壬癸。甲乙丙丁戊己…");
    }

    #[test]
    fn long_fields_are_cut_around_the_first_highlight() {
        let text: String = ('一'..).take(100).collect();
        let chars: Vec<char> = text.chars().collect();
        let expect = |range: Range<usize>, before: &str, after: &str, mark: Range<usize>| {
            let mut s = String::from(before);
            for (idx, c) in chars[range].iter().enumerate() {
                s.push_str(&format!(
                    "{}{c}{}",
                    if idx == mark.start { "[" } else { "" },
                    if idx + 1 == mark.end { "]" } else { "" }
                ));
            }
            s + after
        };
        check(&text, &[(2, 4)], &expect(0..50, "", "…", 2..4));
        check(
            &text,
            &[(40, 42), (95, 96)],
            &expect(25..75, "…", "…", 15..17),
        );
        check(&text, &[(98, 100)], &expect(50..100, "…", "", 48..50));
    }
}
