//! Quiz sessions on the bank of page 000: the state machine (valid and invalid actions),
//! scoring, seeded shuffles and draws, the 错题本 loop, and saving and restoring. The
//! events each action returns are in `quiz_events.rs`.

mod common;

use std::collections::HashSet;

use common::sessions::{after, answer, answer_and_check, item, started};
use xuexi_core::quiz::select::select;
use xuexi_core::quiz::session::percent;
use xuexi_core::quiz::{
    right_answer, Action, Answer, Bank, Phase, QuestionKind, QuizError, QuizKind, QuizSession,
    MIXED_SIZE,
};

fn bank() -> &'static Bank {
    common::bank()
}

/// A retry of `session` with `seed`.
fn retried(session: &QuizSession, seed: u64) -> QuizSession {
    after(
        session,
        [Action::Retry {
            seed,
            now_ms: 10_000,
        }],
    )
}

/// Answers every question by `pattern` (repeating it), then finishes at `now_ms`.
fn take(mut session: QuizSession, pattern: &[bool], now_ms: u64) -> QuizSession {
    let mut idx = 0;
    loop {
        session = answer_and_check(&session, pattern[idx % pattern.len()]);
        idx += 1;
        let next = after(&session, [Action::Next]);
        if next == session {
            break;
        }
        session = next;
    }
    let finished = after(&session, [Action::Finish { now_ms }]);
    assert_eq!(finished.phase, Phase::Finished);
    finished
}

/// Applies `action` and asserts whether it changed the session (and so said something).
fn step(session: &QuizSession, action: Action, changes: bool) -> QuizSession {
    let (next, events) = session.apply(bank(), action.clone());
    assert_eq!(
        (next != *session, !events.is_empty()),
        (changes, changes),
        "{action:?} in {:?}",
        session.phase
    );
    assert_eq!(session.allows(bank(), &action), changes, "{action:?}");
    next
}

fn orders(session: &QuizSession) -> Vec<Vec<usize>> {
    session.slots.iter().map(|s| s.order.clone()).collect()
}

#[test]
fn state_machine_accepts_valid_actions_and_ignores_the_rest() {
    let tf = || Answer::TrueFalse(true);
    let ready = QuizSession::new(bank(), item("p-h3lr"), 7).unwrap();
    assert_eq!(ready.phase, Phase::Ready);
    step(&ready, Action::Answer(tf()), false);
    step(&ready, Action::Check, false);
    step(&ready, Action::Next, false);
    step(&ready, Action::Finish { now_ms: 5 }, false);
    step(&ready, Action::Retry { seed: 8, now_ms: 5 }, false);

    let running = step(&ready, Action::Start { now_ms: 1_000 }, true);
    assert_eq!(
        (running.phase, running.started_ms),
        (Phase::Running, Some(1_000))
    );
    step(&running, Action::Start { now_ms: 2_000 }, false);
    step(&running, Action::Check, false);
    step(&running, Action::Next, false);
    step(&running, Action::Finish { now_ms: 5 }, false);
    // p-h3lr-1 is a single choice: other shapes, out-of-range and double picks do not fit.
    step(&running, Action::Answer(tf()), false);
    step(&running, Action::Answer(Answer::Choices(vec![9])), false);
    step(&running, Action::Answer(Answer::Choices(vec![0, 1])), false);
    step(&running, Action::Answer(Answer::Choices(vec![])), false);
    let answered = step(&running, Action::Answer(Answer::Choices(vec![1])), true);
    step(&answered, Action::Answer(Answer::Choices(vec![1])), false);
    let changed = step(&answered, Action::Answer(Answer::Choices(vec![2])), true);
    let cleared = step(&changed, Action::Answer(Answer::Choices(vec![])), true);
    assert_eq!(cleared.slots[0].answer, None);
    step(&answered, Action::Next, false);

    let checked = step(&answered, Action::Check, true);
    assert_eq!(checked.slots[0].correct, Some(false));
    step(&checked, Action::Check, false);
    step(&checked, Action::Answer(Answer::Choices(vec![0])), false);
    step(&checked, Action::Finish { now_ms: 5 }, false);
    let second = step(&checked, Action::Next, true);
    assert_eq!(second.current, 1);

    let last = answer_and_check(
        &after(&answer_and_check(&second, true), [Action::Next]),
        true,
    );
    assert_eq!(last.current, 2);
    step(&last, Action::Next, false);
    let finished = step(&last, Action::Finish { now_ms: 61_000 }, true);
    for action in [
        Action::Start { now_ms: 0 },
        Action::Answer(tf()),
        Action::Check,
        Action::Next,
        Action::Finish { now_ms: 0 },
    ] {
        step(&finished, action, false);
    }
    let again = step(
        &finished,
        Action::Retry {
            seed: 8,
            now_ms: 70_000,
        },
        true,
    );
    assert_eq!(
        (again.phase, again.attempt, again.current),
        (Phase::Running, 2, 0)
    );
    assert!(again
        .slots
        .iter()
        .all(|s| s.answer.is_none() && s.correct.is_none()));
    step(&running, Action::Retry { seed: 8, now_ms: 5 }, true);
}

#[test]
fn all_right_scores_100_and_all_wrong_scores_0() {
    for kind in [
        item("a-e0uy"),
        item("q-6sst"),
        QuizKind::Weekly,
        QuizKind::Mixed,
    ] {
        let right = take(started(kind.clone(), 3), &[true], 61_000)
            .result(bank())
            .unwrap();
        assert_eq!((right.score, right.percent), (right.total, 100), "{kind:?}");
        assert_eq!(right.time_ms, 60_000);
        assert!(right.review.iter().all(|r| r.correct && r.tries == 1));
        let wrong = take(started(kind.clone(), 3), &[false], 2_000)
            .result(bank())
            .unwrap();
        assert_eq!((wrong.score, wrong.percent), (0, 0), "{kind:?}");
        assert!(wrong
            .review
            .iter()
            .all(|r| !r.correct && r.answer != Some(r.right_answer.clone())));
    }
}

#[test]
fn a_mixed_result_scores_exactly() {
    // a-e0uy has 8 questions of all five types: right, wrong, right, right, wrong, …
    let finished = take(
        started(item("a-e0uy"), 11),
        &[true, false, true, true, false],
        31_500,
    );
    let result = finished.result(bank()).unwrap();
    let corrects: Vec<bool> = result.review.iter().map(|r| r.correct).collect();
    assert_eq!(
        corrects,
        [true, false, true, true, false, true, false, true]
    );
    assert_eq!(
        (result.score, result.total, result.percent, result.time_ms),
        (5, 8, 63, 30_500)
    );
    let ids: Vec<&str> = result.review.iter().map(|r| r.question.as_str()).collect();
    let expected: Vec<&str> = bank()
        .item_questions("a-e0uy")
        .map(|q| q.id.as_str())
        .collect();
    assert_eq!(ids, expected);
    for review in &result.review {
        let question = bank().question(&review.question).unwrap();
        assert_eq!(review.right_answer, right_answer(question));
    }
}

#[test]
fn percentages_round_half_up() {
    let check =
        |score, total, expected| assert_eq!(percent(score, total), expected, "{score}/{total}");
    check(0, 0, 0);
    check(0, 3, 0);
    check(1, 3, 33);
    check(2, 3, 67);
    check(1, 8, 13);
    check(5, 8, 63);
    check(1, 200, 1);
    check(9, 10, 90);
    check(10, 10, 100);
}

#[test]
fn grading_uses_original_indices_whatever_the_display_order() {
    for seed in 0..20 {
        let session = started(item("a-byfe"), seed);
        let result = take(session, &[true], 2_000).result(bank()).unwrap();
        assert_eq!(result.percent, 100, "seed {seed}");
    }
}

#[test]
fn the_same_seed_gives_the_same_order_and_a_new_seed_reshuffles() {
    let kind = QuizKind::Weekly;
    let first = QuizSession::new(bank(), kind.clone(), 42).unwrap();
    assert_eq!(first, QuizSession::new(bank(), kind.clone(), 42).unwrap());
    let other = QuizSession::new(bank(), kind.clone(), 43).unwrap();
    assert_ne!(orders(&first), orders(&other));

    let finished = take(started(kind.clone(), 42), &[true], 9_000);
    assert_eq!(orders(&retried(&finished, 42)), orders(&first));
    let new_seed = retried(&finished, 43);
    assert_eq!(orders(&new_seed), orders(&other));
    assert_eq!((new_seed.seed, new_seed.attempt), (43, 2));
}

#[test]
fn options_are_shuffled_and_orderings_never_start_solved() {
    let mut moved = false;
    for seed in 0..200 {
        let session = QuizSession::new(bank(), QuizKind::Mixed, seed).unwrap();
        for slot in &session.slots {
            let question = bank().question(&slot.question).unwrap();
            let mut sorted = slot.order.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, (0..question.n_choices()).collect::<Vec<_>>());
            let identity = slot.order.iter().enumerate().all(|(i, o)| i == *o);
            if let QuestionKind::Order { .. } = question.kind {
                assert!(!identity, "{} seed {seed} starts solved", slot.question);
            }
            moved |= !identity && !question.options().is_empty();
        }
    }
    assert!(moved, "choice options are shuffled");
}

#[test]
fn mixed_quiz_draws_ten_distinct_questions_across_items() {
    let n_items = bank()
        .questions
        .iter()
        .map(|q| q.item.as_str())
        .collect::<HashSet<_>>()
        .len();
    let mut draws = HashSet::new();
    for seed in 0..100 {
        let drawn = select(bank(), &QuizKind::Mixed, seed);
        let ids: HashSet<&str> = drawn.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            (drawn.len(), ids.len()),
            (MIXED_SIZE, MIXED_SIZE),
            "seed {seed}"
        );
        let items: HashSet<&str> = drawn.iter().map(|q| q.item.as_str()).collect();
        assert_eq!(
            items.len(),
            n_items.min(MIXED_SIZE),
            "seed {seed} spans every item"
        );
        assert_eq!(select(bank(), &QuizKind::Mixed, seed), drawn);
        let mut sorted: Vec<&str> = ids.into_iter().collect();
        sorted.sort_unstable();
        draws.insert(sorted);
    }
    assert!(
        draws.len() > 90,
        "each seed is a new draw: {} distinct",
        draws.len()
    );

    let finished = take(started(QuizKind::Mixed, 1), &[true], 5_000);
    let redrawn = retried(&finished, 2);
    let ids = |s: &QuizSession| {
        s.slots
            .iter()
            .map(|slot| slot.question.clone())
            .collect::<Vec<_>>()
    };
    assert_ne!(ids(&redrawn), ids(&finished));
    assert_eq!(
        ids(&redrawn),
        ids(&QuizSession::new(bank(), QuizKind::Mixed, 2).unwrap())
    );
}

#[test]
fn quiz_kinds_pick_their_questions() {
    let ids = |kind: QuizKind| -> Vec<String> {
        QuizSession::new(bank(), kind, 1)
            .map(|s| s.slots.into_iter().map(|slot| slot.question).collect())
            .unwrap_or_default()
    };
    let in_item = |id: &str| -> Vec<String> {
        bank()
            .item_questions(id)
            .map(|q| q.id.to_string())
            .collect()
    };
    assert_eq!(ids(item("a-7n4l")), in_item("a-7n4l"));
    assert_eq!(ids(QuizKind::Weekly), in_item("q-6sst"));
    let mistakes = QuizKind::Mistakes {
        questions: ["a-e0uy-3", "gone-1", "a-byfe-2", "a-e0uy-3"]
            .map(String::from)
            .to_vec(),
    };
    assert_eq!(ids(mistakes), ["a-e0uy-3", "a-byfe-2"]);
    let none = |kind| QuizSession::new(bank(), kind, 1).unwrap_err();
    assert_eq!(none(item("a-zzzz")), QuizError::NoQuestions);
    assert_eq!(
        none(QuizKind::Mistakes {
            questions: vec!["gone-1".into()]
        }),
        QuizError::NoQuestions
    );
    assert_eq!(
        none(QuizKind::Mistakes { questions: vec![] }),
        QuizError::NoQuestions
    );
}

#[test]
fn mistakes_come_back_until_answered_right() {
    let kind = QuizKind::Mistakes {
        questions: vec!["a-e0uy-3".into(), "a-byfe-2".into()],
    };
    let session = started(kind, 5);
    let first = answer_and_check(&session, false);
    assert_eq!(first.progress(), (1, 3), "the mistake is queued again");
    let reshuffled = first.slots[2].order.clone();
    assert_eq!(first.slots[2].question, "a-e0uy-3");
    assert_ne!(
        reshuffled, first.slots[0].order,
        "asked again in a new order"
    );
    let second = answer_and_check(&after(&first, [Action::Next]), true);
    step(&second, Action::Finish { now_ms: 9_000 }, false);
    let third = answer_and_check(&after(&second, [Action::Next]), false);
    assert_eq!(third.progress(), (3, 4));
    let fourth = answer_and_check(&after(&third, [Action::Next]), true);
    let finished = step(&fourth, Action::Finish { now_ms: 9_000 }, true);
    let result = finished.result(bank()).unwrap();
    assert_eq!((result.score, result.total, result.percent), (1, 2, 50));
    let tries: Vec<(&str, bool, u32)> = result
        .review
        .iter()
        .map(|r| (r.question.as_str(), r.correct, r.tries))
        .collect();
    assert_eq!(tries, [("a-e0uy-3", false, 3), ("a-byfe-2", true, 1)]);
}

#[test]
fn sessions_survive_saving_and_restoring() {
    let session = answer(
        &after(
            &answer_and_check(&started(QuizKind::Mixed, 9), false),
            [Action::Next],
        ),
        true,
    );
    let json = serde_json::to_string(&session).unwrap();
    let restored: QuizSession = serde_json::from_str(&json).unwrap();
    assert_eq!(restored, session);
    assert_eq!(restored.validate(bank()), Ok(()));
    let finished = take(started(item("p-jt9r"), 9), &[true, false], 4_000);
    let result = finished.result(bank()).unwrap();
    let json = serde_json::to_string(&(finished.clone(), result.clone())).unwrap();
    assert_eq!(
        serde_json::from_str::<(QuizSession, _)>(&json).unwrap(),
        (finished, result)
    );
}

#[test]
fn restored_sessions_that_no_longer_fit_are_refused_and_never_panic() {
    let session = after(
        &answer_and_check(&started(item("a-i5x2"), 4), true),
        [Action::Next],
    );
    assert_eq!(session.validate(bank()), Ok(()));
    let check = |edit: &dyn Fn(&mut QuizSession), expected: QuizError| {
        let mut broken = session.clone();
        edit(&mut broken);
        assert_eq!(broken.validate(bank()), Err(expected));
        for action in [
            Action::Answer(Answer::Choices(vec![0])),
            Action::Answer(Answer::Order(vec![0, 1, 2, 3])),
            Action::Check,
            Action::Next,
            Action::Finish { now_ms: 1 },
        ] {
            let _ = broken.apply(bank(), action);
        }
        let _ = broken.result(bank());
    };
    check(
        &|s| s.page = "001".into(),
        QuizError::WrongPage("001".into()),
    );
    check(
        &|s| s.slots[1].question = "gone-1".into(),
        QuizError::UnknownQuestion("gone-1".into()),
    );
    check(
        &|s| s.slots[1].order = vec![0, 0, 1, 2],
        QuizError::BadSlot("a-i5x2-2".into()),
    );
    check(
        &|s| s.slots[1].order.push(7),
        QuizError::BadSlot("a-i5x2-2".into()),
    );
    check(
        &|s| s.slots[1].answer = Some(Answer::TrueFalse(true)),
        QuizError::BadSlot("a-i5x2-2".into()),
    );
    check(&|s| s.slots[0].correct = None, QuizError::BadState);
    check(&|s| s.slots[2].correct = Some(true), QuizError::BadState);
    check(&|s| s.current = 99, QuizError::BadState);
    check(&|s| s.started_ms = None, QuizError::BadState);
    check(&|s| s.phase = Phase::Finished, QuizError::BadState);
    check(&|s| s.slots.clear(), QuizError::NoQuestions);
}
