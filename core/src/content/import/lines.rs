//! The raw page's lines: decoded, classified by their shape (`★`, `——`, `(来源：…)`, `□`,
//! a credit ending in `摄`, plain text), and what their text says (bylines, attributions,
//! column labels, the end of a sentence).

use super::{ImportError, ImportErrorKind};
use crate::content::model::{byline_text, Byline, IsoDate, Role};

/// One non-blank input line, classified by its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Line<'a> {
    pub(super) number: usize,
    pub(super) shape: Shape<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape<'a> {
    /// `★` and the quotation's text.
    Star(&'a str),
    /// `——` and what follows it.
    Attribution(&'a str),
    /// `(来源：…)`: the name inside.
    Source(&'a str),
    /// `□` and the names with their labels.
    Byline(&'a str),
    /// A photo credit without the final `摄`, `□` dropped when present.
    Credit(&'a str, CreditMark),
    Text(&'a str),
}

impl<'a> Line<'a> {
    pub(super) fn text(&self) -> Option<&'a str> {
        match self.shape {
            Shape::Text(text) => Some(text),
            _ => None,
        }
    }
}

pub(super) fn decode(raw: &[u8]) -> Result<&str, ImportError> {
    let line_of = |offset: usize| raw[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
    let text = std::str::from_utf8(raw).map_err(|e| ImportError {
        line: line_of(e.valid_up_to()),
        kind: ImportErrorKind::NotUtf8,
    })?;
    if let Some(offset) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        .map(|(offset, _)| offset)
    {
        return Err(ImportError {
            line: line_of(offset),
            kind: ImportErrorKind::Binary,
        });
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

pub(super) fn classify(text: &str) -> Vec<Line<'_>> {
    text.lines()
        .enumerate()
        .filter_map(|(idx, raw)| {
            let line = raw.trim();
            (!line.is_empty()).then(|| Line {
                number: idx + 1,
                shape: shape_of(line),
            })
        })
        .collect()
}

fn shape_of(line: &str) -> Shape<'_> {
    if let Some(rest) = line.strip_prefix('★') {
        return Shape::Star(rest.trim_start());
    }
    if let Some(rest) = line.strip_prefix("——") {
        return Shape::Attribution(rest.trim_start());
    }
    if let Some(name) = line
        .strip_prefix("(来源：")
        .and_then(|rest| rest.strip_suffix(')'))
    {
        return Shape::Source(name.trim());
    }
    let credit = line
        .strip_suffix('摄')
        .filter(|rest| rest.ends_with(char::is_whitespace) && rest.chars().count() <= 24);
    if let Some(rest) = credit {
        let mark = if rest.starts_with('□') {
            CreditMark::Boxed
        } else {
            CreditMark::Plain
        };
        return Shape::Credit(rest.trim_start_matches('□').trim(), mark);
    }
    if let Some(rest) = line.strip_prefix('□') {
        return Shape::Byline(rest.trim());
    }
    Shape::Text(line)
}

/// Whether a photo credit was printed with the `□` box before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CreditMark {
    Boxed,
    Plain,
}

/// Bylines from `本报记者 潘佳 通讯员 祁雯`: each name with the label before it.
pub(super) fn parse_bylines(text: &str, role: Option<Role>) -> Vec<Byline> {
    let mut bylines = Vec::new();
    let mut label: Option<&str> = None;
    for word in text.split_whitespace() {
        if is_byline_label(word) {
            label = Some(word);
            continue;
        }
        let label_role = match label {
            Some(l) if l.contains("通讯员") => Role::Correspondent,
            _ => Role::Reporter,
        };
        bylines.push(Byline {
            role: role.unwrap_or(label_role),
            label: label.map(|l| l.to_string()),
            name: word.to_string(),
        });
    }
    bylines
}

/// Whether `bylines` print back as the words of `text` (see `model::byline_text`).
pub(super) fn prints_as(bylines: &[Byline], text: &str) -> bool {
    byline_text(bylines) == text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_byline_label(word: &str) -> bool {
    ["记者", "通讯员", "实习生", "摄影"]
        .iter()
        .any(|label| word.ends_with(label))
}

/// `2019年1月2日，习近平致……` → date, speaker, occasion.
pub(super) fn parse_attribution(text: &str) -> Option<(IsoDate, &str, &str)> {
    let (year, rest) = text.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once('日')?;
    let date = IsoDate::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)?;
    if date.chinese() != format!("{year}年{month}月{day}日") {
        return None;
    }
    let rest = rest.strip_prefix('，')?;
    let (speaker, occasion) = split_speaker(rest)?;
    Some((date, speaker, occasion))
}

/// Splits `习近平在参加……时的讲话` into the speaker and the occasion, at the first word
/// that opens an occasion, two to four characters in.
fn split_speaker(text: &str) -> Option<(&str, &str)> {
    const OCCASION_OPENERS: [&str; 16] = [
        "致", "为", "在", "对", "同", "向", "给", "与", "出席", "主持", "会见", "接受", "考察",
        "视察", "参加", "发表",
    ];
    text.char_indices()
        .skip(2)
        .take(3)
        .find(|&(offset, _)| {
            OCCASION_OPENERS
                .iter()
                .any(|opener| text[offset..].starts_with(opener))
        })
        .map(|(offset, _)| text.split_at(offset))
}

/// A column label: a short line of Chinese characters only (学思践悟, 掠影), perhaps in
/// two parts joined by a middle dot (基层·治理).
pub(super) fn is_column_label(line: &str) -> bool {
    let n_chars = line.chars().filter(|&c| is_cjk_ideograph(c)).count();
    let parts: Vec<&str> = line.split(['·', '・']).collect();
    (2..=6).contains(&n_chars)
        && parts.len() <= 2
        && parts
            .iter()
            .all(|part| !part.is_empty() && part.chars().all(is_cjk_ideograph))
}

fn is_cjk_ideograph(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}')
}

/// Whether a line ends a paragraph: its last character closes a sentence or a quote.
pub(super) fn ends_sentence(line: &str) -> bool {
    line.ends_with([
        '。', '！', '？', '…', '”', '’', '」', '』', '）', ')', '!', '?',
    ])
}
