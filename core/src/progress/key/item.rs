//! An item's key, `<page>/<item>` (`000/a-byfe`): its reading state.

use super::{ids, ItemKey, Key, Kind};

/// The kind of [`ItemKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Item {}

impl Kind for Item {
    const NAME: &'static str = "item";

    fn is_key(text: &str) -> bool {
        ids::<2>(text).is_some()
    }
}

impl Key<Item> {
    pub fn new(page_id: &str, item_id: &str) -> ItemKey {
        Key::join(&[page_id, item_id])
    }

    /// The item's id in its page: `a-byfe`.
    pub fn item(&self) -> &str {
        self.id(1)
    }
}
