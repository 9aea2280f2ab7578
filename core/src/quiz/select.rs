//! Which questions a quiz asks: all of one item (读后测), the quotation box (每周一学), a
//! seeded draw across the page (综合测验), the caller's list of mistakes (错题本), or the
//! draw a meeting code names (现场测验).

use serde::{Deserialize, Serialize};

use super::bank::{Bank, Question};
use super::rng::SplitMix64;

/// How many questions a 综合测验 draws.
pub const MIXED_SIZE: usize = 10;

/// The kinds of quiz a reader can take.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuizKind {
    /// 读后测: every question about one item, in bank order (which follows the text).
    Item { item: String },
    /// 每周一学: every question about the quotation box's quotations, in bank order.
    Weekly,
    /// 综合测验: [`MIXED_SIZE`] distinct questions drawn across the page's items with the
    /// session's seed, so each attempt with a new seed is a new draw.
    Mixed,
    /// 错题本: these questions (ids from the caller), in this order; a question answered
    /// wrong comes back at the end until it is answered right. Ids the bank no longer has
    /// and repeated ids are skipped.
    Mistakes { questions: Vec<String> },
    /// 现场测验: the questions the meeting code draws (see
    /// [`crate::branch::MeetingCode`]), the same for every member; none for a code that
    /// cannot be read.
    Meeting { code: String },
}

/// The questions of a quiz of this kind, in the order they are asked; empty when the
/// bank has none for it.
pub fn select<'b>(bank: &'b Bank, kind: &QuizKind, seed: u64) -> Vec<&'b Question> {
    match kind {
        QuizKind::Item { item } => bank.questions.iter().filter(|q| q.item == *item).collect(),
        QuizKind::Weekly => bank
            .questions
            .iter()
            .filter(|q| q.anchor.is_quotation())
            .collect(),
        QuizKind::Mixed => draw(bank, MIXED_SIZE, seed),
        QuizKind::Mistakes { questions } => {
            let mut picked: Vec<&Question> = Vec::new();
            for id in questions {
                if let Some(question) = bank.question(id) {
                    if !picked.iter().any(|q| q.id == question.id) {
                        picked.push(question);
                    }
                }
            }
            picked
        }
        QuizKind::Meeting { code } => match crate::branch::MeetingCode::parse(code) {
            Ok(meeting) => draw(bank, usize::from(meeting.questions), meeting.seed()),
            Err(_) => Vec::new(),
        },
    }
}

/// `n` distinct questions spread over the items: the items are visited in a shuffled
/// order, round and round, each giving one of its questions (picked at random) per
/// round, so every item is asked about before any item is asked about twice.
pub fn draw(bank: &Bank, n: usize, seed: u64) -> Vec<&Question> {
    let mut rng = SplitMix64::new(seed);
    let mut items: Vec<Vec<&Question>> = Vec::new();
    for question in bank.questions.iter() {
        match items
            .iter_mut()
            .find(|group| group[0].item == question.item)
        {
            Some(group) => group.push(question),
            None => items.push(vec![question]),
        }
    }
    rng.shuffle(&mut items);
    for group in &mut items {
        rng.shuffle(group);
    }
    let mut drawn = Vec::new();
    let mut round = 0;
    while drawn.len() < n && items.iter().any(|group| group.len() > round) {
        for group in &items {
            if let Some(question) = group.get(round) {
                if drawn.len() < n {
                    drawn.push(*question);
                }
            }
        }
        round += 1;
    }
    drawn
}
