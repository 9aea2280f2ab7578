//! The reader's progress and its actions: reading only moves forward, favourites toggle,
//! quizzes keep their best score, mistakes and review cards, streaks count days in a row,
//! and font steps stay in range.

mod common;

use common::{item_key, question_key, quiz_key};
use xuexi_core::progress::{Attempt, FontStep, ItemReading, Progress, ProgressAction};
use xuexi_core::quiz::Answer;
use xuexi_core::review::Day;

fn scrolled(key: &str, percent: u8, position: u16) -> ProgressAction {
    ProgressAction::Scrolled {
        key: item_key(key),
        percent,
        position,
    }
}

#[test]
fn reading_moves_forward_and_marks_read_at_the_end() {
    let p = Progress::default()
        .apply(scrolled("000/a", 40, 400))
        .apply(scrolled("000/a", 10, 100));
    assert_eq!(
        p.reading_of(&item_key("000/a")),
        ItemReading {
            percent: 40,
            read: false,
            position: 100,
            seconds: 0
        }
    );
    let p = p
        .apply(scrolled("000/a", 100, 1000))
        .apply(scrolled("000/a", 5, 50));
    assert!(p.reading_of(&item_key("000/a")).read);
    assert_eq!(p.reading_of(&item_key("000/a")).percent, 100);
    assert_eq!(p.reading_of(&item_key("000/b")), ItemReading::default());
}

#[test]
fn time_adds_up_and_favourites_toggle() {
    let spent = |s| ProgressAction::Spent {
        key: item_key("000/a"),
        seconds: s,
    };
    let p = Progress::default().apply(spent(10)).apply(spent(u32::MAX));
    assert_eq!(p.reading_of(&item_key("000/a")).seconds, u32::MAX);
    let fav = |r: &str| ProgressAction::ToggleFavourite {
        route: r.into(),
        at_ms: 1,
    };
    let p = p.apply(fav("000/a.html")).apply(fav("000/b.html"));
    assert_eq!(p.favourites, ["000/a.html", "000/b.html"]);
    let p = p.apply(fav("000/a.html"));
    assert_eq!(p.favourites, ["000/b.html"]);
    assert!(p.is_favourite("000/b.html") && !p.is_favourite("000/a.html"));
}

#[test]
fn quizzes_keep_best_scores_mistakes_and_sessions() {
    let attempt = |percent| Attempt {
        quiz: quiz_key("000/quiz-a"),
        score: percent / 10,
        total: 10,
        percent,
        time_ms: 1000,
        finished_ms: 5,
    };
    let answered = |q: &str, correct| ProgressAction::Answered {
        question: question_key(q),
        answer: Answer::TrueFalse(true),
        correct,
        day: 100,
    };
    let p = Progress::default()
        .apply(attempt_action(attempt(60)))
        .apply(attempt_action(attempt(40)))
        .apply(answered("000/a-1", false))
        .apply(answered("000/a-2", false))
        .apply(answered("000/a-2", true))
        .apply(answered("001/b-1", false));
    assert_eq!(p.best_of(&quiz_key("000/quiz-a")), Some(60));
    assert_eq!(p.best_of(&quiz_key("000/quiz-b")), None);
    assert_eq!(p.attempts.len(), 2);
    assert_eq!(p.mistakes("000"), ["a-1"]);
    assert_eq!(p.questions[&question_key("000/a-2")].n_wrong, 1);
    // Wrong answers became review cards; a-1 is due today, a-2 was answered right since.
    let due: Vec<&str> = p
        .review
        .due(Day(100))
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(due, ["000/quiz/a-1", "001/quiz/b-1"]);
    assert_eq!(p.review.len(), 3);
    let mut p = p;
    for _ in 0..Progress::MAX_ATTEMPTS {
        p = p.apply(attempt_action(attempt(10)));
    }
    assert_eq!(p.attempts.len(), Progress::MAX_ATTEMPTS);
    assert_eq!(p.best_of(&quiz_key("000/quiz-a")), Some(60));
}

fn attempt_action(attempt: Attempt) -> ProgressAction {
    ProgressAction::Finished(attempt)
}

#[test]
fn streaks_count_days_in_a_row() {
    let mut p = Progress::default();
    for day in [10, 11, 12, 14] {
        p = p.apply(ProgressAction::Studied(day));
    }
    assert_eq!(p.streak(14), 1);
    assert_eq!(p.streak(15), 1);
    assert_eq!(p.streak(13), 3);
    assert_eq!(p.streak(16), 0);
}

#[test]
fn font_steps_stay_in_range() {
    let largest = FontStep::new(5).unwrap();
    assert_eq!(largest.percent(), 200);
    assert_eq!(largest.larger(), largest);
    assert_eq!(FontStep::default().smaller(), FontStep::default());
    assert_eq!(FontStep::new(6), None);
    assert_eq!(FontStep::default().larger().percent(), 115);
}
