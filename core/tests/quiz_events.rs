//! What a quiz session says happened: the events `QuizSession::apply` returns for each
//! kind of action, and the unchecked answer kept apart from the progress and restored.

mod common;

use common::sessions::{after, answer, answer_and_check, item, started};
use xuexi_core::branch::MeetingCode;
use xuexi_core::progress::{QuizKey, StorageKey, UncheckedAnswers};
use xuexi_core::quiz::{right_answer, Action, Answer, Bank, QuizEvent, QuizKind, QuizSession};

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
            // The second question's right answer, given but not checked, still counts wrong.
            answer: (slot == 1).then(|| right_answer(bank().question(&s.question).unwrap())),
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

/// The unchecked answers with `session` kept as [`quiz`]'s.
fn kept(session: &QuizSession) -> UncheckedAnswers {
    let mut answers = UncheckedAnswers::default();
    answers.keep(&quiz(), session);
    answers
}

/// The key of the quiz of item a-e0uy.
fn quiz() -> QuizKey {
    QuizKey::parse("000/quiz-a-e0uy").unwrap()
}

#[test]
fn an_unchecked_answer_comes_back_only_to_its_own_slot() {
    let saved = started(item("a-e0uy"), 3);
    let typed = answer(&saved, true);
    let mut misfit = typed.clone();
    misfit.slots[0].answer = Some(Answer::Choices(vec![99]));
    let checked = answer_and_check(&saved, false);
    let gone_on = after(&checked, [Action::Next]);
    let retry = Action::Retry {
        seed: 3,
        now_ms: 2_000,
    };
    let retried = after(&saved, [retry]);
    let elsewhere = started(item("a-byfe"), 3);
    let cases = [
        ("the session as saved before typing", &typed, &saved, &typed),
        ("already checked", &typed, &checked, &checked),
        ("gone on", &typed, &gone_on, &gone_on),
        (
            "another attempt with the same seed",
            &typed,
            &retried,
            &retried,
        ),
        (
            "another question at the same place",
            &typed,
            &elsewhere,
            &elsewhere,
        ),
        ("an answer that no longer fits", &misfit, &saved, &saved),
    ];
    for (what, unchecked, saved, expected) in cases {
        let restored = kept(unchecked).restore(&quiz(), bank(), saved.clone());
        assert_eq!(restored, *expected, "{what}");
    }
    let nothing = UncheckedAnswers::default();
    assert_eq!(nothing.restore(&quiz(), bank(), saved.clone()), saved);
}

#[test]
fn unchecked_answers_are_stored_by_quiz_apart_from_the_progress() {
    let one = answer(&started(item("a-e0uy"), 3), true);
    let two = answer(&started(item("a-byfe"), 4), false);
    let mut answers = kept(&one);
    let other = QuizKey::parse("000/quiz-a-byfe").unwrap();
    answers.keep(&other, &two);
    let stored = UncheckedAnswers::parse(Some(&answers.to_text()));
    assert_eq!(stored, answers);
    let fresh = started(item("a-e0uy"), 3);
    assert_eq!(stored.restore(&quiz(), bank(), fresh.clone()), one);
    // Checked, or with nothing answered, there is nothing to keep.
    answers.keep(&quiz(), &answer_and_check(&fresh, true));
    answers.keep(&other, &started(item("a-byfe"), 4));
    assert!(answers.is_empty());
    assert!(kept(&fresh).is_empty());
    for unreadable in [None, Some(""), Some("{\"000/quiz-a-e0uy\": 3}"), Some("[")] {
        let read = UncheckedAnswers::parse(unreadable);
        assert_eq!(read, UncheckedAnswers::default(), "{unreadable:?}");
    }
    let key = StorageKey::UncheckedAnswers;
    assert_eq!(StorageKey::parse(&key.name()), Some(key));
    assert_ne!(key.name(), StorageKey::Progress.name());
}
