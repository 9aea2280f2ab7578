//! A quotation's key, `<page>/<item>/<quotation>` (`000/q-6sst/q2`): its recitation, and
//! its review card under the same text.

use super::{ids, CardKey, Key, Kind, QuotationKey};

/// The kind of [`QuotationKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quotation {}

impl Kind for Quotation {
    const NAME: &'static str = "quotation";

    fn is_key(text: &str) -> bool {
        ids::<3>(text).is_some()
    }
}

impl Key<Quotation> {
    pub fn new(page_id: &str, item_id: &str, quotation_id: &str) -> QuotationKey {
        Key::join(&[page_id, item_id, quotation_id])
    }

    /// The id of the item (the quotation box) holding the quotation: `q-6sst`.
    pub fn item(&self) -> &str {
        self.id(1)
    }

    /// The quotation's id in its item: `q2`.
    pub fn quotation(&self) -> &str {
        self.id(2)
    }

    /// The quotation's review card.
    pub fn card(&self) -> CardKey {
        CardKey::Quotation(self.clone())
    }
}
