//! The secretary's summary on the bank of page 000: duplicates merged with the latest
//! result winning, the roster parsed and compared, meetings grouped, error rates counted
//! exactly and sorted most-missed first, and the 台账 as rows, text and CSV.

mod common;

use xuexi_core::branch::summary::{ledger_csv, ledger_text};
use xuexi_core::branch::{
    bank_version, merge, parse_roster, CodeQuiz, MeetingCode, ResultCode, Summary,
};
use xuexi_core::quiz::Bank;
use xuexi_core::review::Day;

fn bank() -> &'static Bank {
    common::bank()
}

fn version() -> u16 {
    bank_version(bank().questions.iter().map(|q| q.id.as_str()))
}

fn code(name: &str, quiz: CodeQuiz, right: &[bool], day: i64) -> ResultCode {
    ResultCode {
        name: name.to_string(),
        page: "000".to_string(),
        quiz,
        bank_version: version(),
        day: Day(day),
        right: right.to_vec(),
    }
}

fn first_item_size() -> usize {
    CodeQuiz::Item(0).questions(bank()).len()
}

#[test]
fn repeats_count_once_and_the_latest_result_wins() {
    let n = first_item_size();
    let first = code("张三", CodeQuiz::Item(0), &vec![false; n], 20_000);
    let again = code("张三", CodeQuiz::Item(0), &vec![true; n], 20_001);
    let other_quiz = code(
        "张三",
        CodeQuiz::Item(1),
        &vec![true; CodeQuiz::Item(1).questions(bank()).len()],
        20_000,
    );
    let other_member = code("李四", CodeQuiz::Item(0), &vec![true; n], 19_999);
    let codes = [
        first.clone(),
        first.clone(),
        again.clone(),
        first.clone(),
        other_quiz.clone(),
        other_member.clone(),
        other_member.clone(),
    ];
    let merged = merge(&codes);
    assert_eq!(merged.results, [again.clone(), other_quiz, other_member]);
    assert_eq!(merged.n_repeats, 4);
    // On the same day the later one in the chat wins.
    let later_same_day = code("张三", CodeQuiz::Item(0), &vec![false; n], 20_001);
    assert_eq!(
        merge(&[again, later_same_day.clone()]).results,
        [later_same_day]
    );
}

#[test]
fn the_summary_says_who_studied_what_and_which_questions_were_missed() {
    let roster = parse_roster("1. 张三\n2. 李四\n3. 王五\n4. 赵六");
    let n = first_item_size();
    let meeting = MeetingCode::new("000", 3, 0, 7).unwrap();
    let meeting_questions = CodeQuiz::Meeting(meeting).questions(bank());
    assert_eq!(meeting_questions.len(), 3);
    let mut all_wrong_but_first = vec![false; n];
    all_wrong_but_first[0] = true;
    let results = vec![
        code("张三", CodeQuiz::Item(0), &vec![true; n], 20_000),
        code("李四", CodeQuiz::Item(0), &all_wrong_but_first, 20_001),
        code(
            "张三",
            CodeQuiz::Meeting(meeting),
            &[true, false, true],
            20_002,
        ),
        code(
            "王五",
            CodeQuiz::Meeting(meeting),
            &[false, false, true],
            20_002,
        ),
        code(
            "路人甲",
            CodeQuiz::Weekly,
            &vec![true; CodeQuiz::Weekly.questions(bank()).len()],
            20_003,
        ),
    ];
    let summary = Summary::new(&results, &roster, |page| (page == "000").then(bank));
    assert_eq!(summary.pages.len(), 1);
    let page = &summary.pages[0];
    let studied: Vec<(&str, usize)> = page
        .studied
        .iter()
        .map(|m| (m.name.as_str(), m.results.len()))
        .collect();
    assert_eq!(
        studied,
        [("张三", 2), ("李四", 1), ("王五", 1), ("路人甲", 1)]
    );
    assert_eq!(page.not_yet, ["赵六"]);
    assert_eq!(summary.not_on_roster, ["路人甲"]);
    assert_eq!(summary.meetings.len(), 1);
    assert_eq!(summary.meetings[0].results.len(), 2);
    assert_eq!(summary.meetings[0].absent, ["李四", "赵六"]);
    assert!(summary.pages_without_bank.is_empty());

    // Error rates, counted by hand.
    let stat = |id: &str| {
        summary
            .questions
            .iter()
            .find(|s| s.question == id)
            .map(|s| (s.asked, s.wrong))
    };
    let item_questions = CodeQuiz::Item(0).questions(bank());
    for (i, id) in item_questions.iter().enumerate() {
        let mut asked = 2;
        let mut wrong = usize::from(i != 0);
        for (m, mid) in meeting_questions.iter().enumerate() {
            if mid == id {
                asked += 2;
                wrong += [1, 2, 0][m];
            }
        }
        assert_eq!(stat(id), Some((asked, wrong)), "{id}");
    }
    let m1 = &meeting_questions[1];
    if !item_questions.contains(m1) {
        assert_eq!(stat(m1), Some((2, 2)));
        assert_eq!(summary.questions[0].question, *m1, "100% wrong comes first");
    }
    for pair in summary.questions.windows(2) {
        assert!(pair[0].wrong * pair[1].asked >= pair[1].wrong * pair[0].asked);
    }
    assert!(summary.questions.iter().all(|s| s.asked > 0));

    // Without the bank the error rates wait, the rest is there.
    let without = Summary::new(&results, &roster, |_| None);
    assert!(without.questions.is_empty());
    assert_eq!(without.pages_without_bank, ["000"]);
    assert_eq!(without.pages, summary.pages);
}

#[test]
fn the_ledger_lists_every_member_with_a_score_or_not_yet() {
    let roster = parse_roster("张三、李四，王五");
    let n = first_item_size();
    let results = vec![
        code("张三", CodeQuiz::Item(0), &vec![true; n], 20_000),
        code("王五", CodeQuiz::Item(0), &vec![false; n], 20_001),
    ];
    let summary = Summary::new(&results, &roster, |_| Some(bank()));
    let rows = summary.ledger(|r| r.quiz.label());
    let label = |page: &str| format!("第{page}期");
    let cells: Vec<[String; 6]> = rows.iter().map(|r| r.cells(&label)).collect();
    assert_eq!(cells.len(), 3);
    assert_eq!(cells[0][0], Day(20_000).date().unwrap().to_string());
    assert_eq!(
        cells[0][1..5],
        ["第000期", "张三", "已学", "读后测（第1篇）"]
    );
    assert_eq!(cells[0][5], format!("{n}/{n}"));
    assert_eq!(cells[1][2..4], ["王五", "已学"]);
    assert_eq!(cells[1][5], format!("0/{n}"));
    assert_eq!(cells[2][..], ["", "第000期", "李四", "未学", "", ""]);
    let text = ledger_text(&rows, label);
    assert_eq!(text.lines().count(), 4);
    assert!(text.starts_with("日期\t期\t姓名\t学习情况\t测验\t得分\n"));
    let csv = ledger_csv(&rows, |_| "第1期, \"专版\"".to_string());
    assert!(csv.starts_with("\u{feff}日期,期,姓名"));
    assert!(csv.contains(",\"第1期, \"\"专版\"\"\",李四,未学,,\r\n"));
    assert_eq!(csv.matches("\r\n").count(), 4);
}
