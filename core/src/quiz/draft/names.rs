//! Who and where: people (a title, then a name, then 说/介绍/告诉…), places (…市, …旗,
//! …盟, …县, …镇, …村) and organisations (…法院, …组织部, …民政局…) named in a sentence;
//! 单选 asking which one the sentence names, with others of the same kind from the page.

use super::sentences::Sentence;
use super::{each_found, is_function_char, is_han, single, Candidate, PageFacts, Rule};
use crate::content::Item;

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameKind {
    Person,
    Place,
    Organisation,
}

/// A name found in a sentence and where it stands (in characters).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub text: String,
    pub kind: NameKind,
    pub start: usize,
    pub end: usize,
}

/// Titles printed before a person's name.
const TITLES: [&str; 12] = [
    "书记",
    "主任",
    "庭长",
    "部长",
    "局长",
    "镇长",
    "队长",
    "网格员",
    "党员",
    "校长",
    "院长",
    "负责人",
];
/// Words that follow a person's name.
const SAYS: [&str; 10] = [
    "说", "介绍", "告诉", "表示", "坚定", "欣慰", "认为", "用", "感慨", "笑着",
];
/// Place endings; a place is two to four characters before one.
const PLACE_ENDINGS: [char; 6] = ['市', '旗', '盟', '县', '镇', '村'];
/// Organisation endings.
const ORGANISATION_ENDINGS: [&str; 7] = [
    "中级人民法院",
    "人民法院",
    "组织部",
    "民政局",
    "政务服务中心",
    "编办",
    "科协",
];
/// Words ending in a place ending that are not places (or are kinds of place).
const NOT_PLACES: [&str; 11] = [
    "城市",
    "全市",
    "各旗",
    "全旗",
    "乡村",
    "农村",
    "本村",
    "该旗",
    "苏木镇",
    "集市",
    "盟市",
];
/// Characters that make a place ending part of another word (旗情, 市场, 市级, 市民).
const NOT_AFTER_PLACE: &str = "情场级民域面长";

/// The names of `sentence`, in text order.
pub fn find(sentence: &str) -> Vec<Name> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    for at in 0..chars.len() {
        let rest: String = chars[at..].iter().collect();
        if let Some(title) = TITLES.iter().find(|t| rest.starts_with(**t)) {
            let name_start = at + title.chars().count();
            for length in [3, 2] {
                let name_end = name_start + length;
                if name_end > chars.len() || !chars[name_start..name_end].iter().all(|c| is_han(*c))
                {
                    continue;
                }
                let after: String = chars[name_end..].iter().collect();
                if SAYS.iter().any(|word| after.starts_with(word)) {
                    out.push(name(&chars, name_start, name_end, NameKind::Person));
                    break;
                }
            }
        }
        let compound = chars
            .get(at + 1)
            .is_some_and(|c| NOT_AFTER_PLACE.contains(*c));
        if PLACE_ENDINGS.contains(&chars[at]) && at >= 2 && !compound {
            let start = name_start(&chars, at, 4, true);
            let after_place = start > 0 && PLACE_ENDINGS.contains(&chars[start - 1]);
            // A 镇 or 村 is taken only after the place it lies in (锡尼镇 in 杭锦旗锡尼镇):
            // alone, 入股村党支部 or 鼓励村集体 would pass for one.
            let small = matches!(chars[at], '镇' | '村');
            let bounded =
                after_place || (!small && (start == 0 || is_boundary(chars[start - 1], true)));
            if at - start >= 2 && bounded {
                let candidate = name(&chars, start, at + 1, NameKind::Place);
                if !NOT_PLACES.contains(&candidate.text.as_str()) {
                    out.push(candidate);
                }
            }
        }
        if let Some(ending) = ORGANISATION_ENDINGS.iter().find(|e| rest.starts_with(**e)) {
            let end = at + ending.chars().count();
            let start = name_start(&chars, at, 6, false);
            if at - start >= 2 {
                out.push(name(&chars, start, end, NameKind::Organisation));
            }
        }
    }
    // A longer organisation name (通辽市中级人民法院) wins over what it holds (人民法院).
    let spans: Vec<(usize, usize, NameKind)> =
        out.iter().map(|n| (n.start, n.end, n.kind)).collect();
    out.retain(|n| {
        !spans.iter().any(|(s, e, k)| {
            *k == n.kind && *s <= n.start && n.end <= *e && (e - s) > (n.end - n.start)
        })
    });
    out
}

/// Where a name ending at `end` starts: after the nearest function word, punctuation or
/// place ending, at most `longest` characters back; `in_place` lets 和 in (呼和浩特).
fn name_start(chars: &[char], end: usize, longest: usize, in_place: bool) -> usize {
    let limit = end.saturating_sub(longest);
    let mut start = end;
    while start > limit {
        let c = chars[start - 1];
        if is_boundary(c, in_place) {
            break;
        }
        if start < end && PLACE_ENDINGS.contains(&c) {
            break;
        }
        start -= 1;
    }
    start
}

/// Whether a name cannot run across `c`: punctuation, a function word (but 和 in a place
/// name, as in 呼和浩特), or a determiner.
fn is_boundary(c: char, in_place: bool) -> bool {
    !is_han(c)
        || (is_function_char(c) && !(in_place && c == '和'))
        || "各全该本这那其个们".contains(c)
}

fn name(chars: &[char], start: usize, end: usize, kind: NameKind) -> Name {
    Name {
        text: chars[start..end].iter().collect(),
        kind,
        start,
        end,
    }
}

/// A 单选 for each name that has at least two others of its kind on the page.
pub fn candidates(facts: &PageFacts, item: &Item, sentences: &[Sentence]) -> Vec<Candidate> {
    each_found(sentences, Rule::Name, find, |sentence, found, _| {
        let length = found.text.chars().count();
        let mut others: Vec<&Name> = facts
            .names
            .iter()
            .filter(|n| n.kind == found.kind && n.text != found.text)
            .filter(|n| !sentence.text.contains(&n.text) && !n.text.contains(&found.text))
            .collect();
        let ending = found.text.chars().last();
        others.sort_by_key(|n| {
            let other_ending = n.text.chars().last() != ending;
            (other_ending, n.text.chars().count().abs_diff(length))
        });
        let wrong: Vec<String> = others.iter().take(3).map(|n| n.text.clone()).collect();
        (wrong.len() >= 2).then(|| {
            single(
                item,
                &sentence.text,
                found.start,
                found.end,
                &found.text,
                &wrong,
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str) -> Vec<(String, NameKind)> {
        find(sentence)
            .into_iter()
            .map(|n| (n.text, n.kind))
            .collect()
    }

    #[test]
    fn people_places_and_organisations() {
        assert_eq!(
            names("杭锦旗锡尼镇胜利社区党支部书记崔佳欣慰地说"),
            [
                ("杭锦旗".to_string(), NameKind::Place),
                ("锡尼镇".to_string(), NameKind::Place),
                ("崔佳".to_string(), NameKind::Person)
            ]
        );
        assert_eq!(
            names("是通辽市中级人民法院立案庭庭长张雷的工作常态"),
            [
                ("通辽市".to_string(), NameKind::Place),
                ("通辽市中级人民法院".to_string(), NameKind::Organisation),
            ]
        );
    }
}
