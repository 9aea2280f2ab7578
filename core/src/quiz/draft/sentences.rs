//! Source sentences: each item's title, deck, paragraphs and quotations cut at sentence
//! ends (。！？, and ； in long sentences but an enumeration 一是…二是…), with quotation
//! marks left unbalanced by the cut trimmed, so every sentence is a verbatim piece of its
//! item.

use crate::content::Item;

/// A sentence of an item, verbatim, with the position of its place in the item (title 0,
/// deck 1, then paragraphs and quotations in order) for ordering questions by the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub place: usize,
}

/// Sentences longer than this (in characters) are cut at ； as well.
const LONG_SENTENCE: usize = 90;
/// Sentences shorter than this carry too little to ask about.
const SHORT_SENTENCE: usize = 8;

/// Every sentence of `item` worth asking about, in text order.
pub fn sentences(item: &Item) -> Vec<Sentence> {
    let mut places: Vec<(usize, &str)> = Vec::new();
    places.extend(item.title.as_deref().map(|title| (0, title)));
    places.extend(item.deck.as_deref().map(|deck| (1, deck)));
    let paragraphs = item.paragraphs.iter().map(|p| p.text.as_str());
    let quotations = item.quotations.iter().map(|q| q.text.as_str());
    places.extend(
        paragraphs
            .chain(quotations)
            .enumerate()
            .map(|(n, text)| (n + 2, text)),
    );
    let mut out = Vec::new();
    for (place, text) in places {
        for sentence in split(text) {
            if sentence.chars().count() >= SHORT_SENTENCE {
                out.push(Sentence {
                    text: sentence,
                    place,
                });
            }
        }
    }
    out
}

/// `text` cut into sentences, each trimmed of unbalanced quotation marks at its ends.
pub fn split(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        current.push(c);
        if matches!(c, '。' | '！' | '？') {
            pieces.push(std::mem::take(&mut current));
        }
    }
    pieces.push(current);
    let mut out = Vec::new();
    for piece in pieces {
        // An enumeration 一是…；二是… stays whole, so its items can be asked together.
        if piece.chars().count() > LONG_SENTENCE && !piece.contains("二是") {
            let mut part = String::new();
            for c in piece.chars() {
                part.push(c);
                if c == '；' {
                    out.push(std::mem::take(&mut part));
                }
            }
            out.push(part);
        } else {
            out.push(piece);
        }
    }
    out.into_iter()
        .map(|s| trim_quotes(&s))
        .filter(|s| !s.is_empty())
        .collect()
}

/// Trims spaces, a leading closing mark left by the previous cut, and an opening or closing
/// mark with no partner inside the sentence.
fn trim_quotes(sentence: &str) -> String {
    let mut text = sentence.trim();
    loop {
        let before = text;
        text = text.trim_start_matches(['”', '’', '」']).trim();
        let opens = text.matches('“').count();
        let closes = text.matches('”').count();
        if opens > closes && text.starts_with('“') {
            text = &text['“'.len_utf8()..];
        }
        if closes > opens && text.ends_with('”') {
            text = &text[..text.len() - '”'.len_utf8()];
        }
        if text == before {
            return text.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_cut_by_a_sentence_end_are_trimmed() {
        let text = "“现在，我们能够投入。”胜利社区党支部书记崔佳欣慰地说。“还在研究。”";
        assert_eq!(
            split(text),
            [
                "现在，我们能够投入。",
                "胜利社区党支部书记崔佳欣慰地说。",
                "还在研究。"
            ]
        );
    }
}
