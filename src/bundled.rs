//! The pages and question banks compiled into the app by `build.rs` from
//! `assets/content/`: static data, no parsing at run time.

// The generated code names these types; built without content (`XUEXI_NO_CONTENT`), the
// statics are empty and most of them go unused.
#[allow(unused_imports)]
use std::borrow::Cow;

#[allow(unused_imports)]
use crate::content::{Byline, IsoDate, Item, ItemKind, Page, Paragraph, Quotation, Role};
#[allow(unused_imports)]
use crate::quiz::{Anchor, Bank, Choice, Question, QuestionKind};

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
include!(concat!(env!("OUT_DIR"), "/quizzes.rs"));

/// The newest page: the one the app opens on.
pub fn current_page() -> Option<&'static Page> {
    PAGES.last()
}

/// The page with this id.
pub fn page(id: &str) -> Option<&'static Page> {
    PAGES.iter().find(|page| page.id == id)
}

/// The question bank of the page with this id, if it has one.
pub fn bank(page_id: &str) -> Option<&'static Bank> {
    QUIZZES.iter().find(|bank| bank.page == page_id)
}
