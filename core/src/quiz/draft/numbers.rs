//! Numbers with their measure words (400余件, 1000余场次, 15名), percentages (99.73%), years
//! (2023年) and dates (2023年7月, 3月20日): 填空 of the digits, and 单选 whose distractors
//! have the same unit and scale, taken from the page or made near the answer.

use super::sentences::Sentence;
use super::{blank, each_found, single, Candidate, PageFacts, Rule};
use crate::content::Item;

/// A number found in a sentence: its text (digits and unit), its digits, its unit, and
/// where it stands (in characters).
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    pub text: String,
    pub digits: String,
    /// What follows the digits (`余件`, `%`, `年`), or `date` for a date.
    pub unit: String,
    pub start: usize,
    pub end: usize,
}

/// Measure words and units, longest first so `场次` wins over `次`.
const UNITS: [&str; 34] = [
    "个班次",
    "人次",
    "场次",
    "万元",
    "星级",
    "公里",
    "小时",
    "分钟",
    "年",
    "%",
    "个",
    "件",
    "名",
    "户",
    "期",
    "项",
    "批",
    "天",
    "元",
    "人",
    "次",
    "家",
    "亩",
    "岁",
    "倍",
    "条",
    "所",
    "座",
    "支",
    "位",
    "篇",
    "场",
    "类",
    "余",
];

/// The numbers of `sentence`, in text order.
pub fn find(sentence: &str) -> Vec<Number> {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        if !chars[at].is_ascii_digit() || (at > 0 && is_numeric(chars[at - 1])) {
            at += 1;
            continue;
        }
        let start = at;
        let mut end = at;
        while end < chars.len() && is_numeric(chars[end]) {
            end += 1;
        }
        if chars[end - 1] == '.' {
            end -= 1;
        }
        let digits: String = chars[start..end].iter().collect();
        if let Some(date_end) = date_end(&chars, start) {
            out.push(Number {
                text: chars[start..date_end].iter().collect(),
                digits,
                unit: "date".to_string(),
                start,
                end: date_end,
            });
            at = date_end;
            continue;
        }
        let mut unit_end = end;
        if chars
            .get(unit_end)
            .is_some_and(|c| matches!(c, '余' | '多'))
        {
            unit_end += 1;
        }
        if chars.get(unit_end) == Some(&'万') {
            unit_end += 1;
            if chars
                .get(unit_end)
                .is_some_and(|c| matches!(c, '余' | '多'))
            {
                unit_end += 1;
            }
        }
        let rest: String = chars[unit_end..chars.len().min(unit_end + 3)]
            .iter()
            .collect();
        if let Some(unit) = UNITS.iter().find(|u| rest.starts_with(**u) && **u != "余") {
            unit_end += unit.chars().count();
        }
        if unit_end > end {
            out.push(Number {
                text: chars[start..unit_end].iter().collect(),
                digits,
                unit: chars[end..unit_end].iter().collect(),
                start,
                end: unit_end,
            });
        }
        at = unit_end.max(end);
    }
    out
}

fn is_numeric(c: char) -> bool {
    c.is_ascii_digit() || c == '.'
}

/// Where a date starting at `start` ends: `2023年7月`, `2023年7月5日`, `3月20日`.
fn date_end(chars: &[char], start: usize) -> Option<usize> {
    let mut at = start;
    let mut marks = String::new();
    while at < chars.len() {
        let digits_start = at;
        while at < chars.len() && chars[at].is_ascii_digit() {
            at += 1;
        }
        if at == digits_start {
            break;
        }
        match chars.get(at) {
            Some(mark @ ('年' | '月' | '日')) => {
                marks.push(*mark);
                at += 1;
            }
            _ => {
                at = digits_start;
                break;
            }
        }
    }
    ["年月日", "年月", "月日"]
        .contains(&marks.as_str())
        .then_some(at)
}

/// Up to three numbers of the same unit as `number` but another value: from the page
/// first, then made near it (half, double, and so on).
pub fn distractors(facts: &PageFacts, number: &Number, sentence: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let push = |text: String, out: &mut Vec<String>| {
        if text != number.text && !out.contains(&text) && !sentence.contains(&text) && out.len() < 3
        {
            out.push(text);
        }
    };
    for other in &facts.numbers {
        if other.unit == number.unit && same_scale(&other.digits, &number.digits) {
            push(other.text.clone(), &mut out);
        }
    }
    for text in near(number) {
        push(text, &mut out);
    }
    out
}

/// Whether two numbers are of one scale: within a factor of ten of each other.
fn same_scale(a: &str, b: &str) -> bool {
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(a), Ok(b)) if a > 0.0 && b > 0.0 => (a / b).max(b / a) < 10.0,
        _ => false,
    }
}

/// Values near `number` in the same unit: dates a year or a month away, otherwise
/// half, double and one and a half times (whole numbers stay whole).
fn near(number: &Number) -> Vec<String> {
    if number.unit == "date" {
        return near_dates(&number.text);
    }
    let Ok(value) = number.digits.parse::<f64>() else {
        return Vec::new();
    };
    let decimals = number.digits.split_once('.').map_or(0, |(_, d)| d.len());
    let is_year = number.unit == "年" && number.digits.len() == 4;
    // Years and small counts move by steps; larger amounts by factors.
    let (steps, factors): (&[f64], &[f64]) = if is_year {
        (&[-1.0, 1.0, -2.0], &[])
    } else if value < 10.0 && decimals == 0 {
        (&[1.0, 2.0, -1.0], &[])
    } else if value < 100.0 && decimals == 0 {
        (&[10.0, -10.0, 20.0], &[])
    } else {
        (&[], &[2.0, 0.5, 1.5, 3.0])
    };
    let changed = steps
        .iter()
        .map(|step| value + step)
        .chain(factors.iter().map(|factor| value * factor));
    changed
        .filter_map(|other| {
            let text = if decimals == 0 {
                if other.fract() != 0.0 || other < 1.0 {
                    return None;
                }
                format!("{}", other as u64)
            } else {
                format!("{other:.decimals$}")
            };
            Some(format!("{text}{}", number.unit))
        })
        .collect()
}

/// Dates one year and one or two months away from `date` (`2023年7月` → `2022年7月`…).
fn near_dates(date: &str) -> Vec<String> {
    let mut parts: Vec<(u32, char)> = Vec::new();
    let mut digits = String::new();
    for c in date.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if let Ok(value) = digits.parse() {
            parts.push((value, c));
            digits.clear();
        }
    }
    let show = |parts: &[(u32, char)]| -> String {
        parts.iter().map(|(v, c)| format!("{v}{c}")).collect()
    };
    let mut out = Vec::new();
    let changes: [(char, i64); 4] = [('年', -1), ('月', 1), ('月', -2), ('年', 1)];
    for (mark, delta) in changes {
        let mut changed = parts.clone();
        if let Some(part) = changed.iter_mut().find(|(_, c)| *c == mark) {
            let value = part.0 as i64 + delta;
            if mark == '月' && !(1..=12).contains(&value) {
                continue;
            }
            part.0 = value as u32;
            out.push(show(&changed));
        }
    }
    out
}

/// 填空 and 单选 for every number of the item's sentences, alternating so the same number
/// is not asked twice.
pub fn candidates(facts: &PageFacts, item: &Item, sentences: &[Sentence]) -> Vec<Candidate> {
    each_found(sentences, Rule::Number, find, |sentence, number, turn| {
        if turn % 2 == 1 {
            let (start, end) = if number.unit == "date" {
                (number.start, number.end)
            } else {
                (number.start, number.start + number.digits.chars().count())
            };
            return Some(blank(item, &sentence.text, start, end, vec![number.text]));
        }
        let wrong = distractors(facts, &number, &sentence.text);
        (wrong.len() >= 2).then(|| {
            single(
                item,
                &sentence.text,
                number.start,
                number.end,
                &number.text,
                &wrong,
            )
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_units_and_dates() {
        let found: Vec<(String, String)> =
            find("2023年7月，共收案747件，结案率99.73%，平均审限8.46天，活动1000余场次，3月20日")
                .into_iter()
                .map(|n| (n.text, n.unit))
                .collect();
        let expected = [
            ("2023年7月", "date"),
            ("747件", "件"),
            ("99.73%", "%"),
            ("8.46天", "天"),
            ("1000余场次", "余场次"),
            ("3月20日", "date"),
        ];
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn near_values_keep_unit_and_scale() {
        let number = &find("民生实事400余件")[0];
        assert_eq!(near(number), ["800余件", "200余件", "600余件", "1200余件"]);
        let date = &find("2019年1月2日")[0];
        assert_eq!(near(date)[0], "2018年1月2日");
    }
}
