//! The question drafter: rules, not a model, that turn a page into a bank of grounded
//! questions in the `quiz.md` format, marked as drafted for a person to review. Runs
//! natively at import time (`draft-quiz`, `import --draft`); nothing of it is in the wasm.
//!
//! Each rule module reads an item's sentences ([`sentences`]) and proposes candidates:
//! - [`numbers`] — numbers with their measure words, percentages, years and dates
//!   (填空; 单选 with distractors of the same unit from the page or near the answer);
//! - [`terms`] — quoted terms “…”, titles 《…》 and set phrases (填空, 单选);
//! - [`lists`] — enumerations `A、B、C` and `一是…二是…` (多选, 排序);
//! - [`names`] — people, places and organisations (单选 with same-kind distractors);
//! - [`swaps`] — 判断: a number or a place swapped for another of the page (错), or the
//!   sentence verbatim (对);
//! - [`quotations`] — the 每周一学 box: each quotation's date and occasion, key phrases.
//!
//! [`quality`] keeps a candidate only if the bank reader accepts it exactly as it accepts
//! a hand-written question (grounding and every check of [`crate::quiz::bank::checks`]),
//! counts what each check rejects, caps each item, and measures recall against a
//! hand-written bank.

pub mod lists;
pub mod names;
pub mod numbers;
pub mod quality;
pub mod quotations;
pub mod sentences;
pub mod swaps;
pub mod terms;

use crate::content::{Item, Page};
use crate::quiz::bank::model::GAP;
use crate::quiz::bank::{Anchor, Choice, Question, QuestionKind};
use sentences::Sentence;

pub use quality::{draft, recall, Drafted, Recall, Report};

/// The name written into a drafted bank's `drafted:` line.
pub const DRAFTER: &str = "draft-quiz";

/// The rule a candidate came from, for the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    Number,
    Term,
    List,
    Name,
    Swap,
    Quotation,
}

impl Rule {
    pub fn name(self) -> &'static str {
        match self {
            Rule::Number => "numbers",
            Rule::Term => "terms",
            Rule::List => "lists",
            Rule::Name => "names",
            Rule::Swap => "swaps",
            Rule::Quotation => "quotations",
        }
    }
}

/// A proposed question before the checks, with the rule that made it and where its source
/// stands in the item (for keeping the bank in text order).
#[derive(Debug, Clone)]
pub struct Candidate {
    pub rule: Rule,
    pub place: usize,
    pub question: Question,
}

/// What every rule can look up on the whole page: the numbers, terms, names and lists
/// found anywhere on it, the pool distractors and swaps come from.
pub struct PageFacts {
    pub numbers: Vec<numbers::Number>,
    pub quoted: Vec<String>,
    pub titles: Vec<String>,
    pub names: Vec<names::Name>,
    /// Each list's items, with the id of the item it stands in.
    pub lists: Vec<(String, Vec<String>)>,
}

impl PageFacts {
    pub fn new(page: &Page) -> PageFacts {
        let mut facts = PageFacts {
            numbers: Vec::new(),
            quoted: Vec::new(),
            titles: Vec::new(),
            names: Vec::new(),
            lists: Vec::new(),
        };
        for item in &page.items {
            for sentence in sentences::sentences(item) {
                for number in numbers::find(&sentence.text) {
                    if !facts.numbers.iter().any(|n| n.text == number.text) {
                        facts.numbers.push(number);
                    }
                }
                for (term, is_title) in terms::find(&sentence.text) {
                    let pool = if is_title {
                        &mut facts.titles
                    } else {
                        &mut facts.quoted
                    };
                    if !pool.contains(&term.text) {
                        pool.push(term.text);
                    }
                }
                for name in names::find(&sentence.text) {
                    if !facts.names.iter().any(|n| n.text == name.text) {
                        facts.names.push(name);
                    }
                }
                for list in lists::find(&sentence.text) {
                    facts.lists.push((item.id.clone(), list.items));
                }
            }
        }
        facts
    }
}

/// A question of `item` with a placeholder id and anchor; [`quality`] finds the anchor by
/// reading it back and numbers the ids.
pub fn question(item: &Item, kind: QuestionKind, prompt: String, source: &str) -> Question {
    Question {
        id: String::new(),
        item: item.id.clone(),
        kind,
        prompt,
        source: source.to_string(),
        anchor: Anchor::Title,
        explanation: explanation(source),
        reviewed: false,
    }
}

/// The explanation of a drafted question: the source quoted, inner quotation marks turned
/// into single ones.
pub fn explanation(source: &str) -> String {
    let inner = source.replace('“', "‘").replace('”', "’");
    format!("原文：“{}”", inner.trim_end_matches(['。', '；', '，']))
}

/// `sentence` with the characters `start..end` replaced by `filler`.
pub fn replace_span(sentence: &str, start: usize, end: usize, filler: &str) -> String {
    let chars: Vec<char> = sentence.chars().collect();
    let mut out: String = chars[..start].iter().collect();
    out.push_str(filler);
    out.extend(&chars[end..]);
    out
}

/// A prompt longer than this (in characters) is cut to the clauses around what it asks.
const LONG_PROMPT: usize = 80;
/// How long a cut prompt grows to, clause by clause, at least.
const CONTEXT: usize = 40;

/// The part of `sentence` a question about its characters `start..end` quotes: the whole
/// sentence when it is short, otherwise the clauses around the span (never cutting a
/// “…” pair), with the span's position in it.
pub fn around(sentence: &str, start: usize, end: usize) -> (String, usize, usize) {
    let chars: Vec<char> = sentence.chars().collect();
    if chars.len() <= LONG_PROMPT {
        return (sentence.to_string(), start, end);
    }
    // Clause starts: 0 and every position after a ，；： outside quotation marks.
    let mut starts = vec![0];
    let mut depth = 0i32;
    for (at, c) in chars.iter().enumerate() {
        match c {
            '“' => depth += 1,
            '”' => depth -= 1,
            '，' | '；' | '：' if depth == 0 => starts.push(at + 1),
            _ => {}
        }
    }
    starts.push(chars.len());
    let mut first = starts.iter().rposition(|s| *s <= start).unwrap_or(0);
    let mut last = starts
        .iter()
        .position(|s| *s >= end)
        .unwrap_or(starts.len() - 1);
    let length = |first: usize, last: usize| starts[last] - starts[first];
    while length(first, last) < CONTEXT {
        if first > 0 && length(first - 1, last) <= LONG_PROMPT {
            first -= 1;
        } else if last + 1 < starts.len() && length(first, last + 1) <= LONG_PROMPT {
            last += 1;
        } else {
            break;
        }
    }
    let (from, mut to) = (starts[first], starts[last]);
    while to > end && matches!(chars[to - 1], '，' | '；' | '：') {
        to -= 1;
    }
    (chars[from..to].iter().collect(), start - from, end - from)
}

/// A blank: the span `start..end` of the sentence becomes the gap.
pub fn blank(
    item: &Item,
    sentence: &str,
    start: usize,
    end: usize,
    accept: Vec<String>,
) -> Question {
    let (sentence, start, end) = around(sentence, start, end);
    let sentence = sentence.as_str();
    let chars: Vec<char> = sentence.chars().collect();
    let answer: String = chars[start..end].iter().collect();
    let prompt = replace_span(sentence, start, end, GAP);
    let accept = accept.into_iter().filter(|a| *a != answer).collect();
    question(
        item,
        QuestionKind::Blank { answer, accept },
        prompt,
        sentence,
    )
}

/// The blank in a choice question's prompt.
pub const CHOICE_GAP: &str = "（　）";

/// A single choice asking which option fills the span `start..end` of the sentence.
pub fn single(
    item: &Item,
    sentence: &str,
    start: usize,
    end: usize,
    right: &str,
    wrong: &[String],
) -> Question {
    let (sentence, start, end) = around(sentence, start, end);
    let sentence = sentence.as_str();
    let prompt = format!(
        "哪一项填入括号符合原文？{}",
        replace_span(sentence, start, end, CHOICE_GAP)
    );
    let mut options = vec![Choice {
        text: right.to_string(),
        correct: true,
    }];
    options.extend(wrong.iter().map(|text| Choice {
        text: text.clone(),
        correct: false,
    }));
    question(item, QuestionKind::Single { options }, prompt, sentence)
}

/// Characters that end a name or list item on the left: function words and verbs that
/// come before the thing named (在/到/把/从…).
pub fn is_function_char(c: char) -> bool {
    "在到赴于的了和与及从为对把将向是等让由被经进至以就给同跟使帮".contains(c)
}

/// Whether `c` is a Chinese character (not punctuation, digit or Latin).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The candidates of `rule` for what `find` finds in the sentences, in text order: `ask`
/// makes each one's question from its sentence, what was found and its turn (1, 2, … over the
/// item, for rules that take question kinds in turn), or passes it over with `None`.
pub fn each_found<T>(
    sentences: &[Sentence],
    rule: Rule,
    find: impl Fn(&str) -> Vec<T>,
    mut ask: impl FnMut(&Sentence, T, usize) -> Option<Question>,
) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut turn = 0;
    for sentence in sentences {
        for found in find(&sentence.text) {
            turn += 1;
            if let Some(question) = ask(sentence, found, turn) {
                out.push(Candidate {
                    rule,
                    place: sentence.place,
                    question,
                });
            }
        }
    }
    out
}

/// Every rule's candidates for one item, in rule order.
pub fn candidates(facts: &PageFacts, item: &Item) -> Vec<Candidate> {
    let sentences = sentences::sentences(item);
    let mut out = Vec::new();
    out.extend(numbers::candidates(facts, item, &sentences));
    out.extend(terms::candidates(facts, item, &sentences));
    out.extend(lists::candidates(facts, item, &sentences));
    out.extend(names::candidates(facts, item, &sentences));
    out.extend(swaps::candidates(facts, item, &sentences));
    out.extend(quotations::candidates(item));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_are_cut_to_the_clauses_around_the_span() {
        let short = "杭锦旗把“为社区松绑减负”作为重要抓手。";
        assert_eq!(around(short, 4, 11), (short.to_string(), 4, 11));
        let long = "第一句话说了一些事情，第二句话也说了一些事情，第三句“甲，乙”在这里要问，第四句话还在说一些事情，第五句话又说了一些事情，第六句话最后说完了，第七句话其实还没有完，第八句话才真的说完。";
        assert!(long.chars().count() > LONG_PROMPT);
        let start = long.chars().position(|c| c == '甲').unwrap();
        let (cut, at, end) = around(long, start, start + 1);
        assert!(long.contains(&cut) && cut.chars().count() <= LONG_PROMPT);
        assert!(cut.chars().count() >= CONTEXT && cut.len() < long.len());
        assert!(cut.contains("第三句“甲，乙”在这里要问"), "{cut}");
        assert_eq!(cut.chars().nth(at), Some('甲'));
        assert_eq!(end, at + 1);
        assert!(!cut.ends_with('，'));
    }
}
