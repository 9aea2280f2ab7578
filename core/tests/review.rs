//! Spaced review: the deck's queue with the clock moved day by day (FSRS-6's numbers are
//! checked against its reference scheduler in `fsrs_reference.rs`), every grade counting,
//! the SM-2 conversion, local days, idempotent adding, unknown ids and the stored form.

use xuexi_core::review::{Card, Day, Deck, Grade, Memory, ReviewError, MS_PER_DAY};

use Grade::{Again, Easy, Good, Hard};

#[test]
fn queue_day_by_day() {
    let quote = "000/q-6sst/q1";
    let missed = "000/quiz/a-byfe-3";
    let late = "000/q-6sst/q3";
    let mut deck = Deck::new();
    deck.add_card(quote, Day(0));
    deck.add_card(missed, Day(0));
    // A quiz question answered wrong: it becomes a card and comes back today.
    deck.grade(missed, Grade::from_right(false), Day(0))
        .unwrap();
    assert_eq!(ids(&deck, 0), [quote, missed]);
    // Right answers take cards out of today's queue.
    deck.grade(quote, Good, Day(0)).unwrap(); // S 2.3: due on day 2
    assert_eq!(ids(&deck, 0), [missed]);
    deck.grade(missed, Grade::from_right(true), Day(0)).unwrap(); // same day: due day 1
    assert!(ids(&deck, 0).is_empty());
    assert_eq!(ids(&deck, 1), [missed]);
    // A card added on day 1 joins the queue after the cards already due.
    deck.add_card(late, Day(1));
    assert_eq!(ids(&deck, 1), [missed, late]);
    assert_eq!(ids(&deck, 2), [missed, late, quote]);

    // Nobody reviews for a week: the longest overdue come first, ties in adding order.
    deck.grade(late, Good, Day(1)).unwrap(); // due on day 3
    assert_eq!(ids(&deck, 8), [missed, quote, late]);
    let days_overdue: Vec<i64> = deck
        .due(Day(8))
        .iter()
        .map(|card| card.days_overdue(Day(8)))
        .collect();
    assert_eq!(days_overdue, [7, 6, 5]);

    // Day 8: the quotation is recalled, the question missed again and drilled.
    deck.grade(quote, Good, Day(8)).unwrap();
    deck.grade(missed, Again, Day(8)).unwrap();
    deck.grade(late, Good, Day(8)).unwrap();
    assert_eq!(ids(&deck, 8), [missed]);
    deck.grade(missed, Good, Day(8)).unwrap();
    assert!(ids(&deck, 8).is_empty());
    // Then the clock moves on a day at a time and every due card is answered right:
    // no interval is shorter than the one before, and they grow.
    let mut seen: Vec<(i64, String)> = Vec::new();
    for day in 9..=200 {
        for id in ids(&deck, day) {
            deck.grade(&id, Good, Day(day)).unwrap();
            seen.push((day, id));
        }
        assert!(ids(&deck, day).is_empty(), "day {day}");
    }
    for id in [quote, missed, late] {
        let days: Vec<i64> = std::iter::once(8)
            .chain(seen.iter().filter(|(_, s)| s == id).map(|(day, _)| *day))
            .collect();
        assert!(days.len() >= 3, "{id}: {days:?}");
        let gaps: Vec<i64> = days.windows(2).map(|w| w[1] - w[0]).collect();
        assert!(gaps.windows(2).all(|g| g[1] >= g[0]), "{id}: {days:?}");
        assert!(gaps[gaps.len() - 1] > 2 * gaps[0], "{id}: {days:?}");
    }
    // The question failed twice comes back sooner than the quotation never failed.
    let first_after = |id: &str| seen.iter().find(|(_, s)| s == id).unwrap().0;
    assert!(first_after(missed) < first_after(quote));
}

#[test]
fn every_grade_counts() {
    let memory = |deck: &Deck| deck.card("c").unwrap().memory.unwrap();
    let mut deck = Deck::new();
    deck.add_card("c", Day(0));
    deck.grade("c", Good, Day(0)).unwrap();
    let first = memory(&deck);
    // A pass the same day never lowers stability; a lapse the same day does.
    deck.grade("c", Good, Day(0)).unwrap();
    assert!(memory(&deck).stability >= first.stability);
    let before_lapse = memory(&deck);
    deck.grade("c", Again, Day(0)).unwrap();
    assert!(memory(&deck).stability < before_lapse.stability);
    assert_eq!(ids(&deck, 0), ["c"]);
    deck.grade("c", Good, Day(0)).unwrap();
    assert!(ids(&deck, 0).is_empty());

    // Recalled late is worth more than recalled early (lower recall, bigger gain).
    let gain_after = |days: u32| first.after(Good, days).stability / first.stability;
    assert!(gain_after(1) < gain_after(2) && gain_after(2) < gain_after(10));
    // Hard < good < easy, and hard still passes.
    let stability = |grade| first.after(grade, 2).stability;
    assert!(stability(Again) < first.stability);
    assert!(first.stability < stability(Hard));
    assert!(stability(Hard) < stability(Good) && stability(Good) < stability(Easy));
    // Difficulty rises with again and falls with easy, within 1–10.
    assert!(first.after(Again, 2).difficulty > first.difficulty);
    assert!(first.after(Easy, 2).difficulty < first.difficulty);
    let mut hardest = first;
    for _ in 0..50 {
        hardest = hardest.after(Again, 1);
    }
    assert!(
        (9.9..=10.0).contains(&hardest.difficulty),
        "{}",
        hardest.difficulty
    );
    assert!(hardest.stability >= 0.001);
}

#[test]
fn the_clock_going_back_counts_as_the_same_day() {
    let mut deck = Deck::new();
    deck.add_card("c", Day(10));
    deck.grade("c", Good, Day(10)).unwrap();
    let first = deck.card("c").unwrap().memory.unwrap();
    // The device clock is set back a day: the card is not due, and a grade is a
    // same-day review.
    assert!(ids(&deck, 9).is_empty());
    deck.grade("c", Good, Day(9)).unwrap();
    let card = deck.card("c").unwrap();
    let same_day = first.after(Good, 0);
    assert_eq!(card.memory, Some(same_day));
    assert_eq!(card.due, Day(9).plus(same_day.interval_days()));
}

#[test]
fn sm2_cards_convert_as_fsrs_rs_does() {
    // memory_state_from_sm2 at 90%: stability is the interval; difficulty is
    // 11 − (EF − 1) / (e^w8 · S^−w9 · (e^(0.1·w10) − 1)), in 1–10.
    let w8: f64 = 1.8722;
    let w9: f64 = 0.1666;
    let w10: f64 = 0.796;
    let expected = |ease: f64, interval: f64| {
        let growth = w8.exp() * interval.powf(-w9) * (0.1 * w10).exp_m1();
        (11.0 - (ease - 1.0) / growth).clamp(1.0, 10.0)
    };
    for (ease, interval) in [
        (2.5, 1),
        (2.5, 6),
        (2.5, 15),
        (1.3, 6),
        (3.0, 150),
        (2.36, 38),
    ] {
        let memory = Memory::from_sm2(ease, interval).unwrap();
        assert!((memory.stability - f64::from(interval)).abs() < 1e-9);
        let want = expected(ease, f64::from(interval));
        assert!((memory.difficulty - want).abs() < 1e-9, "{ease} {interval}");
        assert_eq!(memory.interval_days(), interval);
    }
    // A low ease is a hard card, a high one an easier card.
    let hard = Memory::from_sm2(1.3, 6).unwrap().difficulty;
    let easy = Memory::from_sm2(2.8, 6).unwrap().difficulty;
    assert!(hard > easy, "{hard} {easy}");
    assert_eq!(Memory::from_sm2(2.5, 0), None);
}

#[test]
fn today_is_the_readers_local_day() {
    // 2024-01-01T16:30Z: already 2 January in Beijing, still 1 January in New York.
    let ms = 19_723 * MS_PER_DAY + 16 * 3_600_000 + 30 * 60_000;
    assert_eq!(Day::local(ms, 0), Day(19_723));
    assert_eq!(Day::local(ms, 480), Day(19_724));
    assert_eq!(Day::local(ms, -300), Day(19_723));
    assert_eq!(
        Day::local(ms, 480).date().unwrap().to_string(),
        "2024-01-02"
    );
    assert_eq!(Day::local(-1, 0), Day(-1));
    assert_eq!(Day::local(0, -1), Day(-1));
    assert_eq!(Day::local(MS_PER_DAY - 1, 0), Day(0));

    // A card recalled at 23:50 in Beijing (due in 2 days) is due a day and ten minutes
    // later, at midnight.
    let beijing = |ms: i64| Day::local(ms, 480);
    let evening = 19_723 * MS_PER_DAY + 15 * 3_600_000 + 50 * 60_000; // 23:50 local
    let mut deck = Deck::new();
    deck.add_card("c", beijing(evening));
    deck.grade("c", Good, beijing(evening)).unwrap();
    assert!(deck
        .due(beijing(evening + MS_PER_DAY + 9 * 60_000))
        .is_empty());
    assert_eq!(
        deck.due(beijing(evening + MS_PER_DAY + 10 * 60_000)).len(),
        1
    );
    assert_eq!(Day(5).plus(3), Day(8));
    assert_eq!(Day(8).days_since(Day(5)), 3);
}

#[test]
fn adding_is_idempotent() {
    let mut deck = Deck::new();
    assert!(deck.add_card("000/q-6sst/q2", Day(3)));
    deck.grade("000/q-6sst/q2", Good, Day(3)).unwrap();
    let before = deck.clone();
    assert!(!deck.add_card("000/q-6sst/q2", Day(5)));
    assert!(!deck.add_card("000/q-6sst/q2", Day(3)));
    assert_eq!(deck, before);
    assert_eq!(deck.len(), 1);
    assert_eq!(deck.card("000/q-6sst/q2").unwrap().added, Day(3));
}

#[test]
fn unknown_ids_are_answered_not_panicked() {
    let mut deck = Deck::new();
    deck.add_card("a", Day(0));
    assert_eq!(
        deck.grade("nope", Good, Day(0)).map(|card| card.id.clone()),
        Err(ReviewError::UnknownCard("nope".to_string()))
    );
    assert_eq!(deck.next_due("nope"), None);
    assert_eq!(deck.remove("nope"), None);
    assert!(deck.card("nope").is_none());
    assert_eq!(deck.remove("a").map(|card| card.id), Some("a".to_string()));
    assert!(deck.is_empty());
    assert!(deck.due(Day(0)).is_empty());
    assert!(deck.grade("a", Good, Day(0)).is_err());
    assert_eq!(
        ReviewError::UnknownCard("a".into()).to_string(),
        "there is no review card `a`"
    );
}

#[test]
fn decks_round_trip_through_json() {
    let mut deck = Deck::new();
    deck.add_card("000/q-6sst/q1", Day(19_700));
    deck.add_card("000/quiz/a-byfe-3", Day(19_700));
    deck.grade("000/q-6sst/q1", Easy, Day(19_700)).unwrap();
    deck.grade("000/quiz/a-byfe-3", Again, Day(19_700)).unwrap();
    let json = serde_json::to_string(&deck).unwrap();
    assert!(json.starts_with(r#"{"cards":[{"id":"000/q-6sst/q1","added":19700,"#));
    let back: Deck = serde_json::from_str(&json).unwrap();
    assert_eq!(back, deck);
    assert_eq!(
        back.due(Day(19_700))
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>(),
        ["000/quiz/a-byfe-3"]
    );
    assert_eq!(serde_json::to_string(&Grade::Again).unwrap(), r#""again""#);
}

#[test]
fn stored_decks_are_read_tolerantly() {
    // Unknown fields are ignored, missing ones take their defaults, cards without an id
    // or with an id seen before are dropped.
    let json = r#"{
        "version": 9,
        "cards": [
            {"id": "a", "due": 5, "reviews": 2, "colour": "red"},
            {"id": ""},
            {"id": "a", "due": 1},
            {"id": "b"}
        ]
    }"#;
    let deck: Deck = serde_json::from_str(json).unwrap();
    let ids: Vec<&str> = deck.cards().iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let a = deck.card("a").unwrap();
    assert_eq!((a.due, a.reviews, a.memory), (Day(5), 2, None));
    assert_eq!(deck.card("b").unwrap(), &Card::new("b", Day(0)));
    assert_eq!(serde_json::from_str::<Deck>("{}").unwrap(), Deck::new());
    assert!(serde_json::from_str::<Deck>(r#"{"cards": 3}"#).is_err());
}

#[test]
fn the_core_reads_no_clock() {
    for dir in ["src/review", "src/recite"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            for banned in ["std::time", "SystemTime", "Instant::now", "Date::now"] {
                assert!(!text.contains(banned), "{} uses {banned}", path.display());
            }
        }
    }
}

/// The ids in the queue of `day`.
fn ids(deck: &Deck, day: i64) -> Vec<String> {
    deck.due(Day(day))
        .iter()
        .map(|card| card.id.clone())
        .collect()
}
