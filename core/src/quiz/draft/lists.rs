//! Enumerations: items joined by 、 in one clause (抓党建、抓治理、抓服务), and the
//! 一是…二是…三是… pattern: 多选 (the items, with items of another list of the page as
//! wrong options) and 排序 (the items in the order of the text).

use super::sentences::Sentence;
use super::CHOICE_GAP;
use super::{
    around, each_found, is_function_char, is_han, question, replace_span, Candidate, PageFacts,
    Rule,
};
use crate::content::Item;
use crate::quiz::bank::{Choice, QuestionKind};

/// An enumeration in a sentence: its items, and the characters `start..end` it spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List {
    pub items: Vec<String>,
    pub start: usize,
    pub end: usize,
}

/// The most items an ordering or a multiple choice takes.
const MAX_ITEMS: usize = 5;
/// The longest list item (in characters).
const MAX_ITEM: usize = 12;
/// Words that lead into a list and are not part of its first item.
const LEAD_WORDS: [&str; 7] = ["通过", "包括", "比如", "例如", "围绕", "覆盖", "如"];

/// Characters that end a clause, so no list item runs across them.
fn is_clause_break(c: char) -> bool {
    "，。；：“”‘’《》（）！？…() ".contains(c)
}

/// The enumerations of `sentence` with at least three items.
pub fn find(sentence: &str) -> Vec<List> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut clause_start = 0;
    for at in 0..=chars.len() {
        if at < chars.len() && !is_clause_break(chars[at]) {
            continue;
        }
        if let Some(list) = list_in(&chars, clause_start, at) {
            out.push(list);
        }
        clause_start = at + 1;
    }
    out.extend(numbered(&chars));
    out
}

/// The list in the clause `chars[start..end]`, if it has two or more 、.
fn list_in(chars: &[char], start: usize, end: usize) -> Option<List> {
    let mut segments: Vec<(usize, usize)> = Vec::new();
    let mut segment_start = start;
    for (at, c) in chars.iter().enumerate().take(end).skip(start) {
        if *c == '、' {
            segments.push((segment_start, at));
            segment_start = at + 1;
        }
    }
    segments.push((segment_start, end));
    if segments.len() < 3 {
        return None;
    }
    let mut middle: Vec<usize> = segments[1..segments.len() - 1]
        .iter()
        .map(|(s, e)| e - s)
        .collect();
    middle.sort_unstable();
    let length = middle[middle.len() / 2];
    let (mut first_start, first_end) = segments[0];
    for lead in LEAD_WORDS {
        let lead: Vec<char> = lead.chars().collect();
        if chars[first_start..first_end].starts_with(&lead)
            && first_end - first_start > lead.len() + 1
        {
            first_start += lead.len();
        }
    }
    let first_start = if first_end - first_start <= length + 1 {
        first_start
    } else {
        (first_start..first_end)
            .rev()
            .find(|at| is_function_char(chars[*at]) || !is_han(chars[*at]))
            .map(|at| at + 1)
            .filter(|at| (2..=2 * length).contains(&(first_end - at)))
            .unwrap_or(first_end - length)
    };
    let (last_start, last_end) = *segments.last()?;
    let cut_at_deng = (last_start + 2..last_end).find(|at| chars[*at] == '等');
    let last_end = match cut_at_deng {
        Some(at) => at,
        None if last_end - last_start <= length + 1 => last_end,
        None => (last_start + 2..last_end)
            .find(|at| is_function_char(chars[*at]) || !is_han(chars[*at]))
            .map(|at| {
                let pair: String = chars[at - 1..=at].iter().collect();
                if ["作为", "成为", "以为", "认为"].contains(&pair.as_str()) {
                    at - 1
                } else {
                    at
                }
            })
            .filter(|at| (2..=2 * length).contains(&(at - last_start)))
            .or((last_end - last_start <= 2 * length).then_some(last_end))?,
    };
    let mut last_end = last_end;
    while last_end > last_start + 2 && is_function_char(chars[last_end - 1]) {
        last_end -= 1;
    }
    let n = segments.len();
    segments[0].0 = first_start;
    segments[n - 1].1 = last_end;
    let items: Vec<String> = segments
        .iter()
        .map(|(s, e)| chars[*s..*e].iter().collect())
        .collect();
    let good = items.iter().all(|item: &String| {
        let count = item.chars().count();
        (2..=MAX_ITEM).contains(&count) && item.chars().all(is_han)
    });
    let counts = items.iter().map(|item| item.chars().count());
    let (shortest, longest) = (counts.clone().min()?, counts.max()?);
    let alike = longest <= 3 * shortest && longest - shortest <= 5;
    let distinct = items
        .iter()
        .enumerate()
        .all(|(i, item)| !items[..i].contains(item));
    (good && distinct && alike).then_some(List {
        items,
        start: first_start,
        end: last_end,
    })
}

/// 一是…；二是…；三是…: the first clause after each ordinal.
fn numbered(chars: &[char]) -> Vec<List> {
    let ordinals = ['一', '二', '三', '四', '五'];
    let mut items = Vec::new();
    let (mut start, mut end) = (0, 0);
    for (n, ordinal) in ordinals.iter().enumerate() {
        let found = (end..chars.len().saturating_sub(1))
            .find(|at| chars[*at] == *ordinal && chars[at + 1] == '是');
        let Some(at) = found else { break };
        if n == 0 {
            start = at;
        }
        let item_start = at + 2;
        let item_end = (item_start..chars.len())
            .find(|i| is_clause_break(chars[*i]))
            .unwrap_or(chars.len());
        if !(2..=MAX_ITEM).contains(&(item_end - item_start)) {
            break;
        }
        items.push(chars[item_start..item_end].iter().collect::<String>());
        end = item_end;
    }
    if items.len() >= 3 {
        vec![List { items, start, end }]
    } else {
        Vec::new()
    }
}

/// Items of other lists of the page, those of the same item first, then those close in
/// length to `list`'s; none in the sentence.
fn wrong_items(facts: &PageFacts, item: &Item, list: &List, sentence: &str) -> Vec<String> {
    let length = list.items[0].chars().count();
    let mut pool: Vec<(bool, &String)> = facts
        .lists
        .iter()
        .filter(|(_, other)| *other != list.items)
        .flat_map(|(item_id, other)| other.iter().map(move |text| (*item_id != item.id, text)))
        .filter(|(_, text)| !list.items.contains(text) && !sentence.contains(text.as_str()))
        .collect();
    pool.sort_by_key(|(elsewhere, text)| (*elsewhere, text.chars().count().abs_diff(length)));
    let mut out: Vec<String> = Vec::new();
    for (_, text) in pool {
        if out.len() < 2 && !out.contains(text) {
            out.push(text.clone());
        }
    }
    out
}

/// A 多选 or a 排序 for each list, taking turns (排序 when no wrong options are found).
pub fn candidates(facts: &PageFacts, item: &Item, sentences: &[Sentence]) -> Vec<Candidate> {
    each_found(sentences, Rule::List, find, |sentence, list, turn| {
        let (source, start, end) = around(&sentence.text, list.start, list.end);
        let context = replace_span(&source, start, end, CHOICE_GAP);
        let items: Vec<String> = list.items.iter().take(MAX_ITEMS).cloned().collect();
        let wrong = wrong_items(facts, item, &list, &sentence.text);
        Some(if turn % 2 == 1 && !wrong.is_empty() {
            let right = items.iter().take(4).map(|text| Choice {
                text: text.clone(),
                correct: true,
            });
            let wrong = wrong.iter().map(|text| Choice {
                text: text.clone(),
                correct: false,
            });
            question(
                item,
                QuestionKind::Multiple {
                    options: right.chain(wrong).collect(),
                },
                format!("哪些项出现在括号处的原文中？{context}"),
                &source,
            )
        } else {
            question(
                item,
                QuestionKind::Order { fragments: items },
                format!("按原文的顺序排列括号处的各项：{context}"),
                &source,
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(sentence: &str) -> Vec<Vec<String>> {
        find(sentence).into_iter().map(|l| l.items).collect()
    }

    #[test]
    fn list_items_are_cut_at_function_words() {
        assert_eq!(
            items("社区回归到抓党建、抓治理、抓服务的主责主业当中"),
            [["抓党建", "抓治理", "抓服务"]]
        );
        assert_eq!(
            items("细化了基本组织、基本队伍、基本活动、基本制度、基本保障5项基础"),
            [["基本组织", "基本队伍", "基本活动", "基本制度", "基本保障"]]
        );
        assert_eq!(
            items("一是抓学习；二是抓落实；三是抓监督。"),
            [["抓学习", "抓落实", "抓监督"]]
        );
        assert!(items("从书记员、法官助理再到审判员").is_empty());
    }
}
