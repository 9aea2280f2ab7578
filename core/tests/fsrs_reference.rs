//! FSRS-6 against reference values computed by the open-spaced-repetition project's own
//! scheduler (py-fsrs 6.x, `fixtures/fsrs/reference.py` → `reference.json`): the memory
//! functions alone, then a deck card driven day by day through the same reviews.

use serde::Deserialize;
use xuexi_core::review::{Day, Deck, Grade, Memory, DESIRED_RETENTION, PARAMETERS};

const REFERENCE: &str = include_str!("fixtures/fsrs/reference.json");

#[derive(Deserialize)]
struct Reference {
    generator: String,
    parameters: Vec<f64>,
    desired_retention: f64,
    sequences: Vec<Vec<Step>>,
}

#[derive(Deserialize)]
struct Step {
    days_after_previous: u32,
    rating: u8,
    stability: f64,
    difficulty: f64,
    interval_days: u32,
}

fn reference() -> Reference {
    let reference: Reference = serde_json::from_str(REFERENCE).expect("reference.json parses");
    assert!(
        reference.generator.starts_with("py-fsrs 6."),
        "{}",
        reference.generator
    );
    assert!(reference.sequences.len() >= 10);
    reference
}

fn grade(rating: u8) -> Grade {
    match rating {
        1 => Grade::Again,
        2 => Grade::Hard,
        3 => Grade::Good,
        4 => Grade::Easy,
        other => panic!("rating {other}"),
    }
}

#[track_caller]
fn assert_close(got: f64, want: f64, what: &str) {
    let tolerance = 1e-9 * want.abs().max(1.0);
    assert!(
        (got - want).abs() <= tolerance,
        "{what}: got {got}, want {want}"
    );
}

#[test]
fn parameters_and_retention_are_the_published_defaults() {
    let reference = reference();
    assert_eq!(reference.parameters, PARAMETERS);
    assert_eq!(reference.desired_retention, DESIRED_RETENTION);
}

#[test]
fn memory_matches_the_reference_scheduler() {
    for (n, sequence) in reference().sequences.iter().enumerate() {
        let mut memory: Option<Memory> = None;
        for (i, step) in sequence.iter().enumerate() {
            let grade = grade(step.rating);
            let next = match memory {
                None => Memory::first(grade),
                Some(memory) => memory.after(grade, step.days_after_previous),
            };
            let what = format!("sequence {n}, review {i}");
            assert_close(next.stability, step.stability, &format!("{what} stability"));
            assert_close(
                next.difficulty,
                step.difficulty,
                &format!("{what} difficulty"),
            );
            assert_eq!(next.interval_days(), step.interval_days, "{what} interval");
            memory = Some(next);
        }
    }
}

/// A card of the deck, graded on the reference's days, is due exactly after the
/// reference's interval, is in no queue in between, and stays in today's queue after again.
#[test]
fn deck_cards_follow_the_reference_day_by_day() {
    for (n, sequence) in reference().sequences.iter().enumerate() {
        let mut deck = Deck::new();
        let start = Day(20_000);
        deck.add_card("c", start);
        let mut today = start;
        let mut due = start;
        for (i, step) in sequence.iter().enumerate() {
            let review_day = today.plus(step.days_after_previous);
            for day in today.0 + 1..review_day.0 {
                let queued = !deck.due(Day(day)).is_empty();
                assert_eq!(queued, Day(day) >= due, "sequence {n}, day {day}");
            }
            today = review_day;
            let card = deck.grade("c", grade(step.rating), today).unwrap();
            let memory = card.memory.expect("a graded card has a memory");
            let what = format!("sequence {n}, review {i}");
            assert_close(memory.stability, step.stability, &what);
            assert_close(memory.difficulty, step.difficulty, &what);
            due = today.plus(step.interval_days);
            assert_eq!(card.due, due, "{what}");
            let failed = step.rating == 1;
            assert_eq!(deck.due(today).len(), usize::from(failed), "{what} queue");
        }
        let card = deck.card("c").unwrap();
        let lapses = sequence.iter().filter(|step| step.rating == 1).count();
        assert_eq!(card.reviews as usize, sequence.len());
        assert_eq!(card.lapses as usize, lapses);
    }
}
