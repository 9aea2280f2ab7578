//! Quiz sessions on page 000's bank, built step by step the way a reader takes them.

use xuexi_core::quiz::{right_answer, Action, QuizKind, QuizSession};

use super::{bank, wrong_answer};

/// The quiz of item `id`.
pub fn item(id: &str) -> QuizKind {
    QuizKind::Item {
        item: id.to_string(),
    }
}

/// A new session of `kind` from `seed`, started at 1 s.
pub fn started(kind: QuizKind, seed: u64) -> QuizSession {
    let new = QuizSession::new(bank(), kind, seed).unwrap();
    after(&new, [Action::Start { now_ms: 1_000 }])
}

/// `session` with its current question answered right or wrong, not checked.
pub fn answer(session: &QuizSession, right: bool) -> QuizSession {
    let question = session.current_question(bank()).unwrap();
    let answer = if right {
        right_answer(question)
    } else {
        wrong_answer(question)
    };
    after(session, [Action::Answer(answer)])
}

/// Answers the current question right or wrong and checks it.
pub fn answer_and_check(session: &QuizSession, right: bool) -> QuizSession {
    after(&answer(session, right), [Action::Check])
}

/// The state of `session` after `actions`, one after the other (the events each returns
/// are left aside).
pub fn after(session: &QuizSession, actions: impl IntoIterator<Item = Action>) -> QuizSession {
    actions
        .into_iter()
        .fold(session.clone(), |session, action| {
            session.apply(bank(), action).0
        })
}
