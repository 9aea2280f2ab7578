//! A quiz's key, `<page>/<stem>` (`000/quiz-a-byfe`, `000/quiz-weekly`, `000/quiz-mixed`,
//! `000/mistakes`, `000/quiz-meeting`): its best score, attempts and session in progress.
//! The stem is also the name of the quiz's route file, which the router takes from here.

use super::{ids, Key, Kind, QuizKey};

/// The kind of [`QuizKey`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Quiz {}

/// Which quiz of a page a key names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizId {
    /// 读后测 of this item.
    Item(String),
    /// 每周一学.
    Weekly,
    /// 综合测验.
    Mixed,
    /// 错题本.
    Mistakes,
    /// 现场测验 (every meeting of a page under one key).
    Meeting,
}

impl Kind for Quiz {
    const NAME: &'static str = "quiz";

    fn is_key(text: &str) -> bool {
        ids::<2>(text).is_some_and(|[_, stem]| QuizId::from_stem(stem).is_some())
    }
}

impl Key<Quiz> {
    pub fn new(page_id: &str, quiz: &QuizId) -> QuizKey {
        Key::join(&[page_id, &quiz.stem()])
    }

    /// Which quiz of its page the key names.
    pub fn quiz(&self) -> QuizId {
        QuizId::from_stem(self.id(1)).expect("a quiz key's stem was checked")
    }
}

impl QuizId {
    /// The quiz's name in keys and route files: `quiz-a-byfe`, `quiz-weekly`, `quiz-mixed`,
    /// `mistakes`, `quiz-meeting`.
    pub fn stem(&self) -> String {
        match self {
            QuizId::Item(item) => format!("quiz-{item}"),
            QuizId::Weekly => "quiz-weekly".to_string(),
            QuizId::Mixed => "quiz-mixed".to_string(),
            QuizId::Mistakes => "mistakes".to_string(),
            QuizId::Meeting => "quiz-meeting".to_string(),
        }
    }

    /// The quiz a stem names, if it names one.
    pub fn from_stem(stem: &str) -> Option<QuizId> {
        match stem {
            "quiz-weekly" => Some(QuizId::Weekly),
            "quiz-mixed" => Some(QuizId::Mixed),
            "mistakes" => Some(QuizId::Mistakes),
            "quiz-meeting" => Some(QuizId::Meeting),
            _ => stem
                .strip_prefix("quiz-")
                .filter(|item| !item.is_empty() && !item.contains('/'))
                .map(|item| QuizId::Item(item.to_string())),
        }
    }
}
