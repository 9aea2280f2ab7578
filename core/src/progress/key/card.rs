//! A review card's key: a question's (`<page>/quiz/<question>`, `000/quiz/a-byfe-3`) or a
//! quotation's (its [`QuotationKey`], `000/q-6sst/q2`). The deck holds them as text.

use std::fmt;

use super::{ids, Key, KeyError, QuestionKey, QuotationKey};

/// What a review card is about.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CardKey {
    Question(QuestionKey),
    Quotation(QuotationKey),
}

/// The id between a question card's page and question.
const QUESTION_CARD: &str = "quiz";

impl CardKey {
    /// The card `text` names, if it names one.
    pub fn parse(text: &str) -> Result<CardKey, KeyError> {
        match ids::<3>(text) {
            Some([page, QUESTION_CARD, question]) => {
                Ok(CardKey::Question(Key::join(&[page, question])))
            }
            Some(_) => Ok(CardKey::Quotation(Key::parse(text)?)),
            None => Err(KeyError {
                kind: "card",
                text: text.to_string(),
            }),
        }
    }

    /// The page the card belongs to.
    pub fn page(&self) -> &str {
        match self {
            CardKey::Question(question) => question.page(),
            CardKey::Quotation(quotation) => quotation.page(),
        }
    }
}

impl fmt::Display for CardKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CardKey::Question(question) => write!(
                f,
                "{}/{QUESTION_CARD}/{}",
                question.page(),
                question.question()
            ),
            CardKey::Quotation(quotation) => quotation.fmt(f),
        }
    }
}
