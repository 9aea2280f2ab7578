//! What the importer flags for a person to review without changing it: paragraphs that
//! repeat an earlier one almost word for word, and items whose last paragraph is unfinished.

use super::builder::ItemDraft;
use super::lines::ends_sentence;
use super::{Flag, FlagKind};
use crate::content::model::{Item, Page, Paragraph};
use crate::content::similarity::bigram_dice;

/// Flags near-duplicate paragraphs and items whose last paragraph is unfinished.
pub(super) fn find_flags(page: &Page, drafts: &[ItemDraft]) -> Vec<Flag> {
    const NEAR_DUPLICATE: f64 = 0.8;
    const MIN_CHARS: usize = 20;
    let paragraphs: Vec<(&Item, &Paragraph, usize)> = page
        .items
        .iter()
        .zip(drafts)
        .flat_map(|(item, draft)| {
            item.paragraphs
                .iter()
                .zip(&draft.paragraph_lines)
                .map(move |(p, &line)| (item, p, line))
        })
        .collect();
    let mut flags = Vec::new();
    for (idx, &(item, paragraph, line)) in paragraphs.iter().enumerate() {
        if paragraph.text.chars().count() < MIN_CHARS {
            continue;
        }
        let earlier = paragraphs[..idx]
            .iter()
            .find_map(|&(other_item, other, other_line)| {
                let score = bigram_dice(&paragraph.text, &other.text);
                (score >= NEAR_DUPLICATE).then_some((other_item, other, other_line, score))
            });
        if let Some((other_item, other, other_line, score)) = earlier {
            flags.push(Flag {
                line,
                item_id: item.id.to_string(),
                paragraph_id: paragraph.id.to_string(),
                kind: FlagKind::NearDuplicate {
                    other_line,
                    other_item_id: other_item.id.to_string(),
                    other_paragraph_id: other.id.to_string(),
                    percent: (score * 100.0).round() as u8,
                },
            });
        }
    }
    for (item, draft) in page.items.iter().zip(drafts) {
        if let (Some(last), Some(&line)) = (item.paragraphs.last(), draft.paragraph_lines.last()) {
            if !ends_sentence(&last.text) {
                flags.push(Flag {
                    line,
                    item_id: item.id.to_string(),
                    paragraph_id: last.id.to_string(),
                    kind: FlagKind::UnfinishedParagraph,
                });
            }
        }
    }
    flags.sort_by_key(|f| f.line);
    flags
}
