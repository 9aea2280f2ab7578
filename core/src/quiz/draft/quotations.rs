//! The 每周一学 box: for each quotation, the date and the occasion it was said or written
//! on (单选, sourced from the attribution printed under it), and its key phrases (填空,
//! chosen by the recitation's rules: quoted phrases, numbers, parallel items, tails).

use super::{blank, explanation, question, sentences, Candidate, Rule};
use crate::content::{Item, ItemKind, Quotation};
use crate::quiz::bank::model::attribution;
use crate::quiz::bank::{Choice, QuestionKind};
use crate::recite::{key_spans, Level};

/// How many key phrases each quotation gives at most.
const PHRASES_PER_QUOTATION: usize = 3;
/// How many characters of a quotation's opening its questions show.
const OPENING: usize = 16;

/// The questions of a quotation box; nothing for other items.
pub fn candidates(item: &Item) -> Vec<Candidate> {
    if item.kind != ItemKind::Quotations {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (index, quotation) in item.quotations.iter().enumerate() {
        let place = index + 2 + item.paragraphs.len();
        let push = |out: &mut Vec<Candidate>, question| {
            out.push(Candidate {
                rule: Rule::Quotation,
                place,
                question,
            })
        };
        let source = attribution(quotation);
        let said = format!("“{}……”", opening(&quotation.text));
        let dates = options(
            quotation.date.chinese(),
            item.quotations
                .iter()
                .map(|q| q.date.chinese())
                .chain(near_dates(quotation)),
        );
        push(
            &mut out,
            choice(
                item,
                format!("{said}出自习近平{}，这是在哪一天？", quotation.occasion),
                &source,
                dates,
            ),
        );
        if item.quotations.len() >= 2 {
            let occasions = options(
                quotation.occasion.clone(),
                item.quotations.iter().map(|q| q.occasion.clone()),
            );
            push(
                &mut out,
                choice(
                    item,
                    format!(
                        "{}，习近平在哪里写下或说出了{said}？",
                        quotation.date.chinese()
                    ),
                    &source,
                    occasions,
                ),
            );
        }
        for question in phrases(item, quotation) {
            push(&mut out, question);
        }
    }
    out
}

/// The first [`OPENING`] characters of a quotation, cut at a clause end if one comes first.
fn opening(text: &str) -> String {
    text.chars()
        .take_while(|c| !matches!(c, '，' | '。' | '；'))
        .take(OPENING)
        .collect()
}

/// The right option first, then up to three others, without repeats.
fn options(right: String, others: impl Iterator<Item = String>) -> Vec<Choice> {
    let mut out = vec![Choice {
        text: right,
        correct: true,
    }];
    for text in others {
        if out.len() < 4 && !out.iter().any(|o| o.text == text) {
            out.push(Choice {
                text,
                correct: false,
            });
        }
    }
    out
}

fn choice(
    item: &Item,
    prompt: String,
    source: &str,
    options: Vec<Choice>,
) -> crate::quiz::Question {
    let mut q = question(item, QuestionKind::Single { options }, prompt, source);
    q.explanation = format!("原文出处：“{source}”");
    q
}

/// The same day a year before and after, and a month later.
fn near_dates(quotation: &Quotation) -> impl Iterator<Item = String> {
    let date = quotation.date;
    let month_later = if date.month == 12 { 1 } else { date.month + 1 };
    [
        crate::content::IsoDate::new(date.year - 1, date.month, date.day),
        crate::content::IsoDate::new(date.year, month_later, date.day),
        crate::content::IsoDate::new(date.year + 1, date.month, date.day),
    ]
    .into_iter()
    .flatten()
    .map(|d| d.chinese())
}

/// 填空 of the quotation's key phrases, each in its own sentence.
fn phrases(item: &Item, quotation: &Quotation) -> Vec<crate::quiz::Question> {
    let chars: Vec<char> = quotation.text.chars().collect();
    let mut out = Vec::new();
    let sentences = sentences::split(&quotation.text);
    for span in key_spans(&quotation.text, Level::Blanks) {
        let phrase: String = chars[span.start..span.end].iter().collect();
        let phrase = phrase.trim_matches(['“', '”']).to_string();
        if phrase.chars().count() < 2 {
            continue;
        }
        let Some(sentence) = sentences
            .iter()
            .find(|s| s.matches(phrase.as_str()).count() == 1)
        else {
            continue;
        };
        let Some(byte_at) = sentence.find(phrase.as_str()) else {
            continue;
        };
        let start = sentence[..byte_at].chars().count();
        let end = start + phrase.chars().count();
        let mut q = blank(item, sentence, start, end, Vec::new());
        q.explanation = format!("{}（{}）", explanation(sentence), attribution(quotation));
        out.push(q);
        if out.len() == PHRASES_PER_QUOTATION {
            break;
        }
    }
    out
}
