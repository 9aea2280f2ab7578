//! Review in the reader's progress: cards stored by the SM-2 release (schema 2) migrate to
//! FSRS without loss, and the first recitation typed from memory is the card's first grade.

mod common;

use common::quotation_key;
use xuexi_core::progress::{load, save, Progress, ProgressAction, SCHEMA_VERSION};
use xuexi_core::recite::{Attempt, Level};
use xuexi_core::review::{Day, Grade, Memory};

/// Progress as the SM-2 release stored it: a quotation graded three times (interval 15,
/// E-Factor 2.36), a question failed once (interval 1), and a card never graded.
const SM2_PROGRESS: &str = r#"{"schema":2,"progress":{
    "favourites":["000/a-byfe.html"],
    "review":{"cards":[
        {"id":"000/q-6sst/q1","added":20000,"sm2":{"repetitions":3,"interval_days":15,"ease_hundredths":236},
         "due":20022,"last_graded":20007,"again_today":false,"reviews":3,"lapses":0},
        {"id":"000/quiz/a-byfe-3","added":20001,"sm2":{"repetitions":1,"interval_days":1,"ease_hundredths":250},
         "due":20002,"last_graded":20001,"again_today":true,"reviews":1,"lapses":1},
        {"id":"000/q-6sst/q2","added":20003,"sm2":{"repetitions":0,"interval_days":0,"ease_hundredths":250},
         "due":20003,"last_graded":null,"again_today":false,"reviews":0,"lapses":0}
    ]}
}}"#;

#[test]
fn sm2_cards_migrate_without_loss() {
    assert_eq!(SCHEMA_VERSION, 3);
    let loaded = load(Some(SM2_PROGRESS));
    assert_eq!(loaded.problem, None);
    let progress = loaded.progress;
    assert!(progress.is_favourite("000/a-byfe.html"));
    let cards = progress.review.cards();
    assert_eq!(cards.len(), 3);
    // Due days, grades, lapses and the same-day flag are kept as they were.
    let kept: Vec<(&str, i64, u32, u32, bool)> = cards
        .iter()
        .map(|c| (c.id.as_str(), c.due.0, c.reviews, c.lapses, c.again_today))
        .collect();
    assert_eq!(
        kept,
        [
            ("000/q-6sst/q1", 20022, 3, 0, false),
            ("000/quiz/a-byfe-3", 20002, 1, 1, true),
            ("000/q-6sst/q2", 20003, 0, 0, false),
        ]
    );
    // The memory is fsrs-rs' conversion of the E-Factor and interval.
    assert_eq!(cards[0].memory, Memory::from_sm2(2.36, 15));
    assert_eq!(cards[1].memory, Memory::from_sm2(2.5, 1));
    assert_eq!(cards[2].memory, None);
    let quotation = cards[0].memory.unwrap();
    assert_eq!(quotation.stability, 15.0);
    assert!((1.0..=10.0).contains(&quotation.difficulty));
    // Saved again, it is schema 3 and loads back the same.
    let saved = save(&progress);
    assert!(saved.starts_with(r#"{"schema":3,"#), "{saved}");
    assert!(!saved.contains("sm2"), "{saved}");
    assert_eq!(load(Some(&saved)).progress, progress);
    // The migrated quotation is reviewed on its due day by FSRS from its converted memory.
    let reviewed = progress.apply(ProgressAction::Reviewed {
        card: common::quotation_key("000/q-6sst/q1").card(),
        grade: Grade::Good,
        day: 20022,
    });
    let card = reviewed.review.card("000/q-6sst/q1").unwrap();
    assert_eq!(card.memory, Some(quotation.after(Grade::Good, 15)));
    assert!(card.due > Day(20022 + 15), "{:?}", card.due);
}

#[test]
fn unreadable_sm2_state_is_a_clear_problem() {
    let text = SM2_PROGRESS.replace(r#""interval_days":15"#, r#""interval_days":"soon""#);
    let loaded = load(Some(&text));
    assert_eq!(loaded.progress, Progress::default());
    let problem = loaded.problem.expect("a problem").to_string();
    assert!(problem.contains("sm2.interval_days"), "{problem}");
}

fn recited(percent: Option<u8>, level: Level, day: i64) -> ProgressAction {
    ProgressAction::Recited {
        quotation: quotation_key("000/q-6sst/q1"),
        attempt: Attempt {
            level,
            passed: percent == Some(100),
            recall_percent: percent,
        },
        day,
    }
}

/// Recited from memory on day 20 000 with `percent` recalled: the card's grade count,
/// due day and whether it is in today's queue.
#[test]
fn the_first_recitation_is_the_cards_first_grade() {
    let today = 20_000;
    let cases: [(u8, Grade); 5] = [
        (100, Grade::Good),
        (99, Grade::Hard),
        (90, Grade::Hard),
        (89, Grade::Again),
        (0, Grade::Again),
    ];
    for (percent, grade) in cases {
        let progress = Progress::default()
            .apply(recited(None, Level::Read, today))
            .apply(recited(None, Level::Hinted, today))
            .apply(recited(Some(percent), Level::FromMemory, today));
        let card = progress.review.card("000/q-6sst/q1").unwrap();
        assert_eq!(card.reviews, 1, "{percent}%");
        assert_eq!(card.memory, Some(Memory::first(grade)), "{percent}%");
        let due = Day(today).plus(Memory::first(grade).interval_days());
        assert_eq!(card.due, due, "{percent}%");
        let in_today = progress.review.due(Day(today)).len();
        assert_eq!(in_today, usize::from(grade == Grade::Again), "{percent}%");
    }
    // A perfect recitation is next due in days, not today.
    let perfect = Progress::default().apply(recited(Some(100), Level::FromMemory, today));
    let card = perfect.review.card("000/q-6sst/q1").unwrap();
    assert!(card.due.days_since(Day(today)) >= 2, "{:?}", card.due);
    assert!(perfect.review.due(Day(today)).is_empty());
    // Only the first counts: recitations after it leave the schedule to reviews.
    let again = perfect.apply(recited(Some(50), Level::FromMemory, today + 1));
    assert_eq!(again.review, perfect.review);
    // Easier levels grade nothing: the card waits, new, in today's queue.
    let read = Progress::default().apply(recited(None, Level::Read, today));
    let card = read.review.card("000/q-6sst/q1").unwrap();
    assert_eq!((card.reviews, card.memory), (0, None));
    assert_eq!(read.review.due(Day(today)).len(), 1);
}
