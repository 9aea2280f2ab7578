//! The pages compiled into the app by `build.rs` from `assets/content/`: static data, no
//! parsing at run time.

use std::borrow::Cow;

use crate::content::{Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The newest page: the one the app opens on.
pub fn current_page() -> Option<&'static Page> {
    PAGES.last()
}

/// The page with this id.
pub fn page(id: &str) -> Option<&'static Page> {
    PAGES.iter().find(|page| page.id == id)
}
