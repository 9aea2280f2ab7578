//! Quoted terms “…”, titles 《…》 and the set phrases and named programmes they mark
//! (“三岗十八级”, “一表通”, “亮晒比”): 填空 of the term, and 单选 with other terms of the
//! same mark from the page as distractors.

use super::sentences::Sentence;
use super::{blank, each_found, single, Candidate, PageFacts, Rule};
use crate::content::Item;

/// The longest term (in characters, marks excluded) asked about.
const MAX_TERM: usize = 12;
/// The shortest.
const MIN_TERM: usize = 2;

/// A term inside its marks, and where its text (marks excluded) stands in characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// The terms of `sentence` with whether each is a title (《…》) rather than quoted (“…”).
pub fn find(sentence: &str) -> Vec<(Term, bool)> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    for (open, close, is_title) in [('“', '”', false), ('《', '》', true)] {
        let mut at = 0;
        while at < chars.len() {
            if chars[at] != open {
                at += 1;
                continue;
            }
            let Some(length) = chars[at + 1..].iter().position(|c| *c == close) else {
                break;
            };
            let (start, end) = (at + 1, at + 1 + length);
            let text: String = chars[start..end].iter().collect();
            let plain = text
                .chars()
                .all(|c| !matches!(c, '，' | '。' | '“' | '！' | '？' | '；'));
            if (MIN_TERM..=MAX_TERM).contains(&length) && plain {
                out.push((Term { text, start, end }, is_title));
            }
            at = end + 1;
        }
    }
    out.sort_by_key(|(term, _)| term.start);
    out
}

/// Up to three other terms of the page with the same mark and a similar length, marks
/// included, none of them in the sentence.
fn distractors(facts: &PageFacts, term: &str, is_title: bool, sentence: &str) -> Vec<String> {
    let pool = if is_title {
        &facts.titles
    } else {
        &facts.quoted
    };
    let length = term.chars().count();
    let mut others: Vec<&String> = pool
        .iter()
        .filter(|other| *other != term && !sentence.contains(other.as_str()))
        .collect();
    others.sort_by_key(|other| other.chars().count().abs_diff(length));
    others
        .into_iter()
        .take(3)
        .map(|other| marked(other, is_title))
        .collect()
}

fn marked(term: &str, is_title: bool) -> String {
    if is_title {
        format!("《{term}》")
    } else {
        format!("“{term}”")
    }
}

/// A 填空 for each term, and a 单选 for every other one that has distractors.
pub fn candidates(facts: &PageFacts, item: &Item, sentences: &[Sentence]) -> Vec<Candidate> {
    each_found(
        sentences,
        Rule::Term,
        find,
        |sentence, (term, is_title), turn| {
            let wrong = distractors(facts, &term.text, is_title, &sentence.text);
            Some(if turn % 2 == 0 && wrong.len() >= 2 {
                single(
                    item,
                    &sentence.text,
                    term.start - 1,
                    term.end + 1,
                    &marked(&term.text, is_title),
                    &wrong,
                )
            } else {
                blank(item, &sentence.text, term.start, term.end, Vec::new())
            })
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_terms_and_titles() {
        let found: Vec<(String, bool)> =
            find("制定出台《社区工作者管理考核办法》，为纳入“三岗十八级”的社区工作者")
                .into_iter()
                .map(|(t, title)| (t.text, title))
                .collect();
        assert_eq!(
            found,
            [
                ("社区工作者管理考核办法".to_string(), true),
                ("三岗十八级".to_string(), false)
            ]
        );
    }
}
