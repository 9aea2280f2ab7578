//! Keeping only good candidates: each one is written as a one-question bank and read back
//! with the bank reader, so it passes exactly the checks a hand-written question passes
//! (grounding, the format's rules, [`crate::quiz::bank::checks`]); rejections are counted
//! per check. Each item is then capped, taking the rules in turn, and the bank is kept in
//! text order. [`recall`] measures how many answers of a hand-written bank the draft also
//! asks about.

use std::collections::BTreeMap;

use super::{candidates, Candidate, PageFacts, Rule, DRAFTER};
use crate::content::{ItemKind, Page};
use crate::quiz::bank::checks::{Check, SeenPrompts};
use crate::quiz::bank::{format, Bank, BankErrorKind, Question, QuestionKind};
use crate::text::comparison_key;

/// The title of a drafted bank.
pub const TITLE: &str = "本期测验";

/// How many questions an item keeps at most: an article, a photo news, each quotation of
/// the 每周一学 box.
const CAP_ARTICLE: usize = 14;
const CAP_PHOTO: usize = 6;
const CAP_PER_QUOTATION: usize = 6;

/// A drafted bank with the report of how it was drafted.
#[derive(Debug, Clone)]
pub struct Drafted {
    pub bank: Bank,
    pub report: Report,
}

/// What the drafter proposed, rejected and kept.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Candidates proposed by all rules.
    pub candidates: usize,
    /// Candidates rejected, by the check that rejected them (`grounded` for a source not
    /// found once in its item, `format` for the bank format's other rules).
    pub rejected: BTreeMap<&'static str, usize>,
    /// Candidates that passed but were left out by the item's cap.
    pub capped: usize,
    /// Questions kept per item, in page order: item id, kind, count.
    pub per_item: Vec<(String, ItemKind, usize)>,
    /// Questions kept per type keyword (`blank`, `single`…).
    pub per_type: BTreeMap<&'static str, usize>,
    /// Questions kept per rule.
    pub per_rule: BTreeMap<&'static str, usize>,
}

/// The name of the `grounded` rejection: a source not found exactly once in its item.
pub const GROUNDED: &str = "grounded";
/// The name of the other format rules' rejections.
pub const FORMAT: &str = "format";
/// The name of the rejection of a question whose answer the item already asks about.
pub const REPEATED_ANSWER: &str = "answer asked already";

/// Drafts the bank of `page`.
pub fn draft(page: &Page) -> Drafted {
    let facts = PageFacts::new(page);
    let mut report = Report::default();
    let mut prompts = SeenPrompts::default();
    let mut questions = Vec::new();
    for item in &page.items {
        let mut kept: Vec<(usize, Candidate)> = Vec::new();
        let mut answers: std::collections::HashSet<String> = Default::default();
        for (index, mut candidate) in candidates(&facts, item).into_iter().enumerate() {
            report.candidates += 1;
            let verdict = read_back(page, &candidate.question).and_then(|question| {
                if !prompts.insert(&question.prompt) {
                    Err(Check::PromptNotRepeated.name())
                } else if !answers.insert(answer_key(&question)) {
                    Err(REPEATED_ANSWER)
                } else {
                    Ok(question)
                }
            });
            match verdict {
                Err(reason) => *report.rejected.entry(reason).or_default() += 1,
                Ok(question) => {
                    candidate.question = question;
                    kept.push((index, candidate));
                }
            }
        }
        let cap = match item.kind {
            ItemKind::Article => CAP_ARTICLE,
            ItemKind::PhotoNews => CAP_PHOTO,
            ItemKind::Quotations => CAP_PER_QUOTATION * item.quotations.len(),
        };
        // A quotation box takes its quotations in turn, so each one is asked about; other
        // items take the rules in turn.
        let by_quotation = item.kind == ItemKind::Quotations;
        let mut chosen = take_in_turn(kept, cap, by_quotation, &mut report.capped);
        chosen.sort_by_key(|(index, candidate)| (candidate.place, *index));
        report
            .per_item
            .push((item.id.clone(), item.kind, chosen.len()));
        for (n, (_, candidate)) in chosen.into_iter().enumerate() {
            let mut question = candidate.question;
            question.id = format!("{}-d{}", item.id, n + 1);
            *report.per_type.entry(question.kind.keyword()).or_default() += 1;
            *report.per_rule.entry(candidate.rule.name()).or_default() += 1;
            questions.push(question);
        }
    }
    Drafted {
        bank: Bank {
            page: page.id.clone(),
            title: TITLE.to_string(),
            drafted: Some(DRAFTER.to_string()),
            questions,
        },
        report,
    }
}

/// What a question asks the reader to find, for not asking it twice in one item: the
/// answers or right options, or a statement's text.
fn answer_key(question: &Question) -> String {
    let texts: Vec<&str> = match &question.kind {
        QuestionKind::Order { fragments } => fragments.iter().map(String::as_str).collect(),
        QuestionKind::TrueFalse { .. } => vec![&question.prompt],
        _ => question.right_answers(),
    };
    comparison_key(&texts.join("|"))
}

/// The question as the bank reader gives it back (with its anchor), or why it refuses it.
fn read_back(page: &Page, question: &Question) -> Result<Question, &'static str> {
    let mut question = question.clone();
    question.id = "draft".to_string();
    let bank = Bank {
        page: page.id.clone(),
        title: TITLE.to_string(),
        drafted: Some(DRAFTER.to_string()),
        questions: vec![question],
    };
    match format::parse(&format::write(&bank), page) {
        Ok(mut bank) => Ok(bank.questions.remove(0)),
        Err(error) => Err(match error.kind {
            BankErrorKind::SourceNotFound | BankErrorKind::AmbiguousSource(_) => GROUNDED,
            BankErrorKind::Fails(check, _) => check.name(),
            _ => FORMAT,
        }),
    }
}

/// What candidates are taken in turn by: their rule, or their place.
type Group = (Option<Rule>, usize);

/// Up to `cap` candidates, one per group in turn (groups in the order they first appear):
/// groups of one rule, or of one place (a quotation) when `by_place`, so an item's questions
/// come from every rule, or every quotation, that gave some.
fn take_in_turn(
    kept: Vec<(usize, Candidate)>,
    cap: usize,
    by_place: bool,
    capped: &mut usize,
) -> Vec<(usize, Candidate)> {
    let group_of = |candidate: &Candidate| {
        if by_place {
            (None, candidate.place)
        } else {
            (Some(candidate.rule), 0)
        }
    };
    let mut groups: Vec<(Group, Vec<(usize, Candidate)>)> = Vec::new();
    let total = kept.len();
    for entry in kept {
        let group = group_of(&entry.1);
        match groups.iter_mut().find(|(key, _)| *key == group) {
            Some((_, members)) => members.push(entry),
            None => groups.push((group, vec![entry])),
        }
    }
    // Each group is taken spread over the text (first, middle, quarters…), not from its
    // start, so a capped item is asked about from beginning to end.
    for (_, group) in &mut groups {
        let mut spread: Vec<(usize, Candidate)> = Vec::new();
        let mut taken: Vec<Option<(usize, Candidate)>> = group.drain(..).map(Some).collect();
        for at in spread_order(taken.len()) {
            spread.extend(taken[at].take());
        }
        spread.reverse();
        *group = spread;
    }
    let mut chosen = Vec::new();
    while chosen.len() < cap && groups.iter().any(|(_, group)| !group.is_empty()) {
        for (_, group) in &mut groups {
            if chosen.len() < cap {
                chosen.extend(group.pop());
            }
        }
    }
    *capped += total - chosen.len();
    chosen
}

/// The positions `0..n` in an order that spreads over them: each next one halves the gaps
/// left (bit-reversed counting): 5 → 0, 4, 2, 1, 3.
fn spread_order(n: usize) -> Vec<usize> {
    let bits = n.next_power_of_two().trailing_zeros();
    (0..n.next_power_of_two())
        .map(|i| {
            if bits == 0 {
                i
            } else {
                i.reverse_bits() >> (usize::BITS - bits)
            }
        })
        .filter(|at| *at < n)
        .collect()
}

/// How many answers of a hand-written bank (blank answers and right options) the draft
/// also asks about, and which it misses.
#[derive(Debug, Clone)]
pub struct Recall {
    pub asked: usize,
    pub total: usize,
    pub missed: Vec<String>,
}

impl Recall {
    /// The share asked about, in percent.
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            return 0.0;
        }
        100.0 * self.asked as f64 / self.total as f64
    }
}

/// Compares the answers of `written` with those `drafted` asks about (blank answers and
/// accepted answers, right options, ordering fragments). Two answers match when their
/// comparison keys are equal, or one holds the other and is at most twice as long.
pub fn recall(drafted: &Bank, written: &Bank) -> Recall {
    let asked: Vec<String> = drafted
        .questions
        .iter()
        .flat_map(|q| match &q.kind {
            QuestionKind::Order { fragments } => fragments.iter().map(String::as_str).collect(),
            _ => q.accepted_answers().concat(),
        })
        .map(comparison_key)
        .collect();
    let mut result = Recall {
        asked: 0,
        total: 0,
        missed: Vec::new(),
    };
    for question in &written.questions {
        for alternatives in question.accepted_answers() {
            result.total += 1;
            let found = alternatives.iter().any(|text| {
                let key = comparison_key(text);
                asked.iter().any(|other| same_answer(&key, other))
            });
            if found {
                result.asked += 1;
            } else {
                result.missed.push(alternatives[0].to_string());
            }
        }
    }
    result
}

fn same_answer(a: &str, b: &str) -> bool {
    let (short, long) = if a.chars().count() <= b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    let (n_short, n_long) = (short.chars().count(), long.chars().count());
    short == long || (n_short >= 2 && 2 * n_short >= n_long && long.contains(short))
}

#[cfg(test)]
mod tests {
    #[test]
    fn spread_order_halves_the_gaps() {
        assert_eq!(super::spread_order(5), [0, 4, 2, 1, 3]);
        assert_eq!(super::spread_order(1), [0]);
        assert!(super::spread_order(0).is_empty());
        let mut all = super::spread_order(13);
        all.sort_unstable();
        assert_eq!(all, (0..13).collect::<Vec<_>>());
    }
}
