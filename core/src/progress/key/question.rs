//! A question's key, `<page>/<question>` (`000/a-byfe-3`): its answers, and the review
//! card a wrong answer makes of it.

use super::{ids, CardKey, Key, Kind, QuestionKey};

/// The kind of [`QuestionKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Question {}

impl Kind for Question {
    const NAME: &'static str = "question";

    fn is_key(text: &str) -> bool {
        ids::<2>(text).is_some()
    }
}

impl Key<Question> {
    pub fn new(page_id: &str, question_id: &str) -> QuestionKey {
        Key::join(&[page_id, question_id])
    }

    /// The question's id in its page's bank: `a-byfe-3`.
    pub fn question(&self) -> &str {
        self.id(1)
    }

    /// The question's review card: `000/quiz/a-byfe-3`.
    pub fn card(&self) -> CardKey {
        CardKey::Question(self.clone())
    }
}
