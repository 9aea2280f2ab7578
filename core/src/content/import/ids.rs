//! Stable item ids: made from an item's kind and title (or first quotation), so a page
//! imported again keeps them.

use super::builder::ItemDraft;
use super::{ImportError, ImportErrorKind};
use crate::content::format;
use crate::content::model::Page;
use crate::hash::short_id;

/// Gives every item a stable id from its kind and title (or first quotation).
pub(super) fn assign_ids(page: &mut Page, drafts: &[ItemDraft]) -> Result<(), ImportError> {
    if !format::is_valid_id(&format!("x{}", page.id)) || page.title.trim().is_empty() {
        return Err(ImportError {
            line: 1,
            kind: ImportErrorKind::BadOption(format!(
                "page id `{}` must be lowercase letters, digits and `-`, and the title non-empty",
                page.id
            )),
        });
    }
    let mut items = page.items.to_vec();
    for (item, draft) in items.iter_mut().zip(drafts) {
        let id = format!("{}-{}", item.kind.id_prefix(), short_id(&draft.id_key));
        if drafts
            .iter()
            .zip(page.items.iter())
            .take_while(|(d, _)| !std::ptr::eq(*d, draft))
            .any(|(d, i)| i.kind == item.kind && short_id(&d.id_key) == short_id(&draft.id_key))
        {
            return Err(ImportError {
                line: draft.paragraph_lines.first().copied().unwrap_or(1),
                kind: ImportErrorKind::IdCollision(id),
            });
        }
        item.id = id;
    }
    page.items = items;
    Ok(())
}
