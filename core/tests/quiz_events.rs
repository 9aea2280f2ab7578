//! What a quiz session says happened: the events `QuizSession::apply` returns for each
//! kind of action, and the unchecked answer kept apart from the progress and restored.

mod common;

use common::sessions::{after, answer, answer_and_check, item, started};
use xuexi_core::branch::MeetingCode;
use xuexi_core::progress::StorageKey;
use xuexi_core::quiz::{
    Action, Answer, Bank, QuizEvent, QuizKind, QuizSession, UncheckedAnswer, UncheckedAnswers,
};

fn bank() -> &'static Bank {
    common::bank()
}

/// What each kind of action says happened: (what, the session, the action, the events).
fn event_cases() -> Vec<(&'static str, QuizSession, Action, Vec<QuizEvent>)> {
    let ready = QuizSession::new(bank(), item("p-h3lr"), 7).unwrap();
    let running = started(item("p-h3lr"), 7);
    let first = running.slots[0].question.clone();
    let picked = after(&running, [Action::Answer(Answer::Choices(vec![1]))]);
    let checked = after(&picked, [Action::Check]);
    let last = take_to_last(checked.clone());
    let finished = after(&last, [Action::Finish { now_ms: 9_000 }]);
    let mistake = started(
        QuizKind::Mistakes {
            questions: vec!["a-e0uy-3".into()],
        },
        5,
    );
    let mistaken = answer(&mistake, false);
    // A meeting with a time limit: the first question checked, the second answered only.
    let code = MeetingCode::new("000", 6, 1, 322).unwrap().to_string();
    let meeting = answer(
        &after(
            &answer_and_check(&started(QuizKind::Meeting { code }, 1), true),
            [Action::Next],
        ),
        true,
    );
    let mut time_up: Vec<QuizEvent> = meeting
        .slots
        .iter()
        .enumerate()
        .skip(1)
        .map(|(slot, s)| QuizEvent::Checked {
            slot,
            question: s.question.clone(),
            answer: s.answer.clone(),
            correct: false,
        })
        .collect();
    time_up.push(QuizEvent::Finished);
    let checked_wrong = |session: &QuizSession, answer| QuizEvent::Checked {
        slot: 0,
        question: session.slots[0].question.clone(),
        answer: Some(answer),
        correct: false,
    };
    vec![
        (
            "start",
            ready.clone(),
            Action::Start { now_ms: 1 },
            vec![QuizEvent::Started { attempt: 1 }],
        ),
        (
            "pick",
            running.clone(),
            Action::Answer(Answer::Choices(vec![1])),
            vec![QuizEvent::AnswerChanged {
                slot: 0,
                answer: Some(Answer::Choices(vec![1])),
            }],
        ),
        (
            "clear",
            picked.clone(),
            Action::Answer(Answer::Choices(vec![])),
            vec![QuizEvent::AnswerChanged {
                slot: 0,
                answer: None,
            }],
        ),
        (
            "check",
            picked,
            Action::Check,
            vec![QuizEvent::Checked {
                slot: 0,
                question: first,
                answer: Some(Answer::Choices(vec![1])),
                correct: false,
            }],
        ),
        (
            "next",
            checked,
            Action::Next,
            vec![QuizEvent::WentOn { slot: 1 }],
        ),
        (
            "finish",
            last,
            Action::Finish { now_ms: 9_000 },
            vec![QuizEvent::Finished],
        ),
        (
            "retry",
            finished,
            Action::Retry {
                seed: 8,
                now_ms: 10_000,
            },
            vec![QuizEvent::Started { attempt: 2 }],
        ),
        (
            "a mistake again: checked, queued again without an event",
            mistaken.clone(),
            Action::Check,
            vec![checked_wrong(
                &mistaken,
                common::wrong_answer(mistaken.current_question(bank()).unwrap()),
            )],
        ),
        (
            "time up: every open slot checked wrong, answered or not, then finished",
            meeting,
            Action::TimeUp { now_ms: 3_600_000 },
            time_up,
        ),
        (
            "an action that does not fit says nothing",
            ready,
            Action::Check,
            vec![],
        ),
    ]
}

/// Checks and goes on, answering right, until the last slot is checked.
fn take_to_last(mut session: QuizSession) -> QuizSession {
    loop {
        let next = after(&session, [Action::Next]);
        if next == session {
            return session;
        }
        session = answer_and_check(&next, true);
    }
}

#[test]
fn each_action_says_what_happened() {
    for (what, session, action, expected) in event_cases() {
        let (next, events) = session.apply(bank(), action);
        assert_eq!(events, expected, "{what}");
        assert_eq!(next == session, events.is_empty(), "{what}");
    }
}

#[test]
fn an_unchecked_answer_comes_back_only_to_its_own_slot() {
    let saved = started(item("a-e0uy"), 3);
    let typed = answer(&saved, true);
    let unchecked = UncheckedAnswer::of(&typed).unwrap();
    assert_eq!(UncheckedAnswer::of(&saved), None, "nothing answered yet");
    assert_eq!(UncheckedAnswer::of(&answer_and_check(&saved, true)), None);
    let mut misfit = unchecked.clone();
    misfit.answer = Answer::Choices(vec![99]);
    let retry = Action::Retry {
        seed: 3,
        now_ms: 2_000,
    };
    let cases = [
        (
            "the session as saved before typing",
            &unchecked,
            saved.clone(),
            typed.clone(),
        ),
        (
            "already checked",
            &unchecked,
            answer_and_check(&saved, false),
            answer_and_check(&saved, false),
        ),
        (
            "gone on",
            &unchecked,
            after(&answer_and_check(&saved, false), [Action::Next]),
            after(&answer_and_check(&saved, false), [Action::Next]),
        ),
        (
            "another attempt with the same seed",
            &unchecked,
            after(&saved, [retry.clone()]),
            after(&saved, [retry]),
        ),
        (
            "another quiz",
            &unchecked,
            started(item("a-byfe"), 3),
            started(item("a-byfe"), 3),
        ),
        (
            "an answer that no longer fits",
            &misfit,
            saved.clone(),
            saved.clone(),
        ),
    ];
    for (what, unchecked, session, expected) in cases {
        assert_eq!(unchecked.restore(bank(), session), expected, "{what}");
    }
}

#[test]
fn unchecked_answers_are_stored_by_quiz_apart_from_the_progress() {
    let one = UncheckedAnswer::of(&answer(&started(item("a-e0uy"), 3), true)).unwrap();
    let two = UncheckedAnswer::of(&answer(&started(item("a-byfe"), 4), false)).unwrap();
    let mut answers = UncheckedAnswers::default();
    answers.set("000/quiz-a-e0uy", Some(one.clone()));
    answers.set("000/quiz-a-byfe", Some(two.clone()));
    let stored = UncheckedAnswers::parse(Some(&answers.to_text()));
    assert_eq!(stored, answers);
    assert_eq!(stored.get("000/quiz-a-e0uy"), Some(&one));
    assert_eq!(stored.get("000/quiz-a-byfe"), Some(&two));
    answers.set("000/quiz-a-byfe", None);
    answers.set("000/quiz-a-e0uy", None);
    assert!(answers.is_empty());
    for unreadable in [None, Some(""), Some("{\"000/quiz-a-e0uy\": 3}"), Some("[")] {
        assert_eq!(
            UncheckedAnswers::parse(unreadable),
            UncheckedAnswers::default()
        );
    }
    let key = StorageKey::UncheckedAnswers;
    assert_eq!(StorageKey::parse(&key.name()), Some(key));
    assert_ne!(key.name(), StorageKey::Progress.name());
}
