//! Recitation from memory (level 4) and its record: the character diff of a typed
//! recitation, passing it, clause ordering, and the progress a reader keeps.

mod common;

use common::quotation;
use xuexi_core::recite::{
    clauses, compare, exercise, Attempt, ClauseOrder, Comparison, DiffSegment, Level, ReciteError,
    ReciteProgress,
};

/// The diff of `typed` against `original` as text: recalled text plain, `[-missing]`,
/// `[+extra]`, and the share recalled.
#[track_caller]
fn check_diff(original: &str, typed: &str, expected: &str, percent: u8) {
    let comparison = compare(original, typed);
    let shown: String = comparison
        .segments
        .iter()
        .map(|segment| match segment {
            DiffSegment::Same(text) => text.clone(),
            DiffSegment::Missing(text) => format!("[-{text}]"),
            DiffSegment::Extra(text) => format!("[+{text}]"),
        })
        .collect();
    assert_eq!(shown, expected, "{typed}");
    assert_eq!(comparison.recall_percent(), percent, "{typed}");
    assert_original_spelled(original, &comparison);
}

fn assert_original_spelled(original: &str, comparison: &Comparison) {
    let spelled: String = comparison
        .segments
        .iter()
        .filter(|s| !matches!(s, DiffSegment::Extra(_)))
        .map(DiffSegment::text)
        .collect();
    assert_eq!(spelled, original);
}

#[test]
fn diff_of_typed_recitations() {
    let text = "我们党依靠学习创造了历史，更要依靠学习走向未来。";
    check_diff(text, text, text, 100);
    // Punctuation, spaces and width are not compared; the original's are shown.
    check_diff(
        text,
        "我们党依靠学习创造了历史 更要依靠学习走向未来",
        text,
        100,
    );
    check_diff("ＡＢＣ１２３", "abc 123", "ＡＢＣ１２３", 100);
    check_diff(
        text,
        "我们党学习创造了历史，更要依靠学习走向未来",
        "我们党[-依靠]学习创造了历史，更要依靠学习走向未来。",
        90,
    );
    check_diff(
        text,
        "我们党依靠努力学习创造了历史更要依靠学习走向未来",
        "我们党依靠[+努力]学习创造了历史，更要依靠学习走向未来。",
        100,
    );
    // A wrong character shows the original missing, then what was typed.
    check_diff(
        text,
        "我们党依靠学习创造了历史，更要依靠学习迈向未来",
        "我们党依靠学习创造了历史，更要依靠学习[-走][+迈]向未来。",
        95,
    );
    // Swapped clauses: one of them is recalled in place.
    check_diff(
        "悟原理、求真理、明事理",
        "求真理悟原理明事理",
        "[-悟原理、]求真理、[+悟原理]明事理",
        66,
    );
    check_diff(text, "", &format!("[-{text}]"), 0);
    check_diff("，。", "学习", "[-，。][+学习]", 0);
}

#[test]
fn diff_on_a_real_quotation_spells_the_original() {
    let q2 = quotation("q2");
    let typed = "我们党依靠学习创造了历史更要依靠学习走向将来要加快推进马克思主义学习型政党建设";
    let comparison = compare(q2, typed);
    assert_original_spelled(q2, &comparison);
    assert_eq!(comparison.total, 177);
    // 12 + 8 characters, 来 of 未来 (将 is extra), 15 more, then 建设.
    assert_eq!(comparison.recalled, 38);
    assert_eq!(comparison.extra, 1);
    assert_eq!(comparison.recall_percent(), 21);
    assert!(!comparison.passed());
}

#[test]
fn passing_a_typed_recitation() {
    let q1 = quotation("q1");
    assert!(compare(q1, q1).passed());
    // Six of 65 characters missing (90%) still passes; seven (89%) does not.
    let without = |n: usize| -> String { q1.chars().filter(|c| *c != '，').skip(n).collect() };
    assert!(compare(q1, &without(6)).passed());
    assert!(!compare(q1, &without(7)).passed());
    // Padding with extra characters does not buy a pass.
    assert!(!compare(q1, &format!("{q1}{}", "学".repeat(7))).passed());
    assert!(compare(q1, &format!("{q1}{}", "学".repeat(6))).passed());
    assert_eq!(compare(q1, q1).attempt().recall_percent, Some(100));
}

#[test]
fn clauses_of_the_real_quotations() {
    assert_eq!(
        clauses(quotation("q3")),
        [
            "不论我们国家发展到什么水平，",
            "不论人民生活改善到什么地步，",
            "艰苦奋斗、勤俭节约的思想永远不能丢。",
            "艰苦奋斗、勤俭节约，",
            "不仅是我们一路走来、发展壮大的重要保证，",
            "也是我们继往开来、再创辉煌的重要保证。",
        ]
    );
    assert_eq!(clauses(quotation("q1")).len(), 4);
    assert_eq!(clauses(quotation("q2")).len(), 10);
    assert_eq!(clauses(quotation("q2")).concat(), quotation("q2"));
    assert_eq!(
        clauses("他说：“好。”然后走了"),
        ["他说：", "“好。”", "然后走了"]
    );
}

#[test]
fn clause_orders_are_shuffled_never_in_order() {
    for id in ["q1", "q2", "q3"] {
        let text = quotation(id);
        let original = clauses(text);
        for seed in 0..300 {
            let order = ClauseOrder::new(text, seed).unwrap();
            assert_ne!(order.shown(), original.as_slice(), "{id} seed {seed}");
            assert_eq!(order, ClauseOrder::new(text, seed).unwrap());
            assert_eq!(order.check(&order.right_order()), Ok(true));
            let as_shown: Vec<usize> = (0..original.len()).collect();
            assert_eq!(order.check(&as_shown), Ok(false));
        }
    }
    // Two clauses: every seed shows them swapped.
    for seed in 0..50 {
        let order = ClauseOrder::new("不忘初心，牢记使命。", seed).unwrap();
        assert_eq!(order.shown(), ["牢记使命。", "不忘初心，"]);
    }
}

#[test]
fn clause_orders_are_graded_exactly() {
    let order = ClauseOrder::new(quotation("q1"), 7).unwrap();
    let right = order.right_order();
    let mut swapped = right.clone();
    swapped.swap(0, 1);
    assert_eq!(order.check(&swapped), Ok(false));
    assert_eq!(order.check(&right[..3]), Err(ReciteError::NotAnOrdering));
    assert_eq!(order.check(&[0, 0, 1, 2]), Err(ReciteError::NotAnOrdering));
    assert_eq!(order.check(&[0, 1, 2, 9]), Err(ReciteError::NotAnOrdering));
    // Clauses with the same text may trade places.
    let repeated = ClauseOrder::new("学习，学习，再学习。", 3).unwrap();
    let right = repeated.right_order();
    assert_eq!(repeated.check(&right), Ok(true));
    let twins: Vec<usize> = (0..3)
        .filter(|i| repeated.shown()[*i] == "学习，")
        .collect();
    let last = (0..3).find(|i| !twins.contains(i)).unwrap();
    assert_eq!(repeated.check(&[twins[1], twins[0], last]), Ok(true));
    assert_eq!(ClauseOrder::new("好。", 1), Err(ReciteError::TooFewClauses));
    assert_eq!(
        ClauseOrder::new("好，好，", 1),
        Err(ReciteError::TooFewClauses)
    );
    // Clauses that differ only in their punctuation can still be told apart.
    assert_eq!(
        ClauseOrder::new("好，好。", 1).map(|o| o.shown().to_vec()),
        Ok(vec!["好。".to_string(), "好，".to_string()])
    );
}

#[test]
fn progress_keeps_the_best() {
    let q1 = quotation("q1");
    let mut progress = ReciteProgress::default();
    assert_eq!(progress.next_level(), Level::Read);
    progress = progress.record(Attempt::read());
    assert_eq!(progress.next_level(), Level::Hinted);

    let hinted = exercise(q1, Level::Hinted).unwrap();
    let answers = hinted.answers();
    let mut typed = answers.clone();
    typed[0] = "错";
    progress = progress.record(hinted.check(&typed).unwrap().attempt());
    assert_eq!(progress.highest_passed, Some(Level::Read));
    progress = progress.record(hinted.check(&answers).unwrap().attempt());
    assert_eq!(progress.highest_passed, Some(Level::Hinted));
    assert_eq!(progress.next_level(), Level::Blanks);

    let first_ten: String = q1.chars().take(10).collect();
    progress = progress.record(compare(q1, &first_ten).attempt());
    assert_eq!(progress.highest_passed, Some(Level::Hinted));
    assert_eq!(progress.best_recall_percent, 15);
    progress = progress.record(ClauseOrder::attempt(true));
    assert_eq!(progress.highest_passed, Some(Level::FromMemory));
    assert_eq!(progress.best_recall_percent, 15);
    progress = progress.record(compare(q1, q1).attempt());
    progress = progress.record(compare(q1, "").attempt());
    progress = progress.record(Attempt::read());
    assert_eq!(
        progress,
        ReciteProgress {
            highest_passed: Some(Level::FromMemory),
            best_recall_percent: 100,
        }
    );
    assert_eq!(progress.next_level(), Level::FromMemory);
}

#[test]
fn progress_round_trips_through_json() {
    let progress = ReciteProgress {
        highest_passed: Some(Level::Blanks),
        best_recall_percent: 87,
    };
    let json = serde_json::to_string(&progress).unwrap();
    assert_eq!(json, r#"{"highest_passed":3,"best_recall_percent":87}"#);
    assert_eq!(
        serde_json::from_str::<ReciteProgress>(&json).unwrap(),
        progress
    );
    // Missing fields default; unknown fields are ignored; a bad level is an error.
    let old: ReciteProgress = serde_json::from_str(r#"{"later":true}"#).unwrap();
    assert_eq!(old, ReciteProgress::default());
    assert!(serde_json::from_str::<ReciteProgress>(r#"{"highest_passed":7}"#).is_err());
    assert_eq!(Level::try_from(0), Err(ReciteError::UnknownLevel(0)));
    let exercise = exercise("不忘初心，牢记使命。", Level::Hinted).unwrap();
    let json = serde_json::to_string(&exercise).unwrap();
    assert_eq!(
        serde_json::from_str::<xuexi_core::recite::Exercise>(&json).unwrap(),
        exercise
    );
}
