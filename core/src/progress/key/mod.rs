//! The keys of a reader's progress, one type each, built, parsed and shown only here:
//! an item (`000/a-byfe`), a question (`000/a-byfe-3`), a quiz (`000/quiz-a-byfe`), a
//! quotation (`000/q-6sst/q2`, also its recitation) and a review card (`000/quiz/a-byfe-3`
//! or a quotation's key). Each names its page first, so a reader's records of every page
//! live side by side. Stored progress and backup codes hold them as these strings; a key
//! of the wrong kind is a type error, and text that is not a key is refused when read.

mod card;
mod item;
mod question;
mod quiz;
mod quotation;

use std::fmt;
use std::marker::PhantomData;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use card::CardKey;
pub use item::Item;
pub use question::Question;
pub use quiz::{Quiz, QuizId};
pub use quotation::Quotation;

/// An item's key in [`crate::progress::Progress::reading`]: `000/a-byfe`.
pub type ItemKey = Key<Item>;
/// A question's key in [`crate::progress::Progress::questions`]: `000/a-byfe-3`.
pub type QuestionKey = Key<Question>;
/// A quiz's key for its best score, attempts and session in progress: `000/quiz-mixed`.
pub type QuizKey = Key<Quiz>;
/// A quotation's key for its recitation and review card: `000/q-6sst/q2`.
pub type QuotationKey = Key<Quotation>;

/// A key of kind `K`: its text, checked when built or read. Keys order as their text, so
/// stored maps keep the order they always had.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key<K> {
    text: String,
    kind: PhantomData<K>,
}

/// What a kind of key looks like; its marker type is never made.
pub trait Kind: Clone + Ord + std::hash::Hash {
    /// The kind's name in error messages: `item`, `question`…
    const NAME: &'static str;
    /// Whether `text` is a key of this kind.
    fn is_key(text: &str) -> bool;
}

/// Text that is not a key of the kind asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    pub kind: &'static str,
    pub text: String,
}

impl<K: Kind> Key<K> {
    /// The key `text` is, if it is one of this kind.
    pub fn parse(text: &str) -> Result<Key<K>, KeyError> {
        if K::is_key(text) {
            Ok(Key::checked(text.to_string()))
        } else {
            Err(KeyError {
                kind: K::NAME,
                text: text.to_string(),
            })
        }
    }

    /// The key of these ids (the page's first), if they make one of this kind: read data
    /// may hold any text where an id belongs.
    pub fn from_ids(ids: &[&str]) -> Result<Key<K>, KeyError> {
        Key::parse(&ids.join("/"))
    }

    /// The key of ids from the content files, which are never empty and hold no `/`.
    fn join(ids: &[&str]) -> Key<K> {
        let key = Key::checked(ids.join("/"));
        debug_assert!(K::is_key(&key.text), "not a {} key: {}", K::NAME, key.text);
        key
    }

    fn checked(text: String) -> Key<K> {
        Key {
            text,
            kind: PhantomData,
        }
    }
}

impl<K> Key<K> {
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The page the key belongs to: `000`.
    pub fn page(&self) -> &str {
        self.id(0)
    }

    /// The `index`-th id of the key, the page first.
    fn id(&self, index: usize) -> &str {
        self.text.split('/').nth(index).unwrap_or_default()
    }
}

/// `text` split at `/` into exactly `N` ids, none empty.
fn ids<const N: usize>(text: &str) -> Option<[&str; N]> {
    let mut parts = text.split('/');
    let ids: [&str; N] = std::array::from_fn(|_| parts.next().unwrap_or_default());
    (parts.next().is_none() && ids.iter().all(|id| !id.is_empty())).then_some(ids)
}

impl<K> fmt::Display for Key<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<K: Kind> fmt::Debug for Key<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{:?}", K::NAME, self.text)
    }
}

impl<K> Serialize for Key<K> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, K: Kind> Deserialize<'de> for Key<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key<K>, D::Error> {
        let text = String::deserialize(deserializer)?;
        Key::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl fmt::Display for KeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a {} key: {:?}", self.kind, self.text)
    }
}

impl std::error::Error for KeyError {}
