//! The secretary's summary of merged results: who has studied which page and who has not
//! yet, results grouped by meeting, each question's error rate (most missed first), and the
//! 台账 as rows, tab-separated text and CSV.

use serde::{Deserialize, Serialize};

use super::code::{CodeQuiz, ResultCode};
use super::meeting::MeetingCode;
use crate::quiz::session::percent;
use crate::quiz::Bank;
use crate::review::Day;

/// Everything the summary page shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Pages with results, newest page first.
    pub pages: Vec<PageStudy>,
    /// 现场测验 with results, in the order first found.
    pub meetings: Vec<MeetingResults>,
    /// Names in codes that the roster does not have (empty without a roster).
    pub not_on_roster: Vec<String>,
    /// Questions answered at least once, most missed first.
    pub questions: Vec<QuestionStat>,
    /// Pages whose questions are not here (yet), so their results are not in `questions`.
    pub pages_without_bank: Vec<String>,
}

/// Who studied one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageStudy {
    pub page: String,
    /// Members with a result, roster order first, then as found.
    pub studied: Vec<MemberResults>,
    /// Roster names without any result for this page.
    pub not_yet: Vec<String>,
}

/// A member's results on one page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberResults {
    pub name: String,
    pub results: Vec<ResultCode>,
}

/// The results of one 现场测验.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingResults {
    pub meeting: MeetingCode,
    pub results: Vec<ResultCode>,
    /// Roster names without a result in this meeting.
    pub absent: Vec<String>,
}

/// How one question went across the branch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionStat {
    pub page: String,
    pub question: String,
    /// How many results asked it.
    pub asked: usize,
    /// How many of them got it wrong.
    pub wrong: usize,
}

/// One row of the 台账.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerRow {
    pub page: String,
    pub name: String,
    /// The day of the result; `None` for a member who has not studied the page yet.
    pub day: Option<Day>,
    /// The quiz's name, empty without a result.
    pub quiz: String,
    /// Score and total, `None` without a result.
    pub score: Option<(usize, usize)>,
}

impl Summary {
    /// The summary of `results` (merged) for a branch with `roster` (may be empty);
    /// `bank(page)` gives a page's questions when they are here.
    pub fn new<'b>(
        results: &[ResultCode],
        roster: &[String],
        bank: impl Fn(&str) -> Option<&'b Bank>,
    ) -> Summary {
        let mut summary = Summary::default();
        let mut page_ids: Vec<&str> = results.iter().map(|r| r.page.as_str()).collect();
        page_ids.sort_unstable_by(|a, b| b.cmp(a));
        page_ids.dedup();
        for page in page_ids {
            let on_page: Vec<&ResultCode> = results.iter().filter(|r| r.page == page).collect();
            summary.pages.push(PageStudy {
                page: page.to_string(),
                studied: by_member(&on_page, roster),
                not_yet: roster
                    .iter()
                    .filter(|name| !on_page.iter().any(|r| r.name == **name))
                    .cloned()
                    .collect(),
            });
            match bank(page) {
                Some(bank) => add_question_stats(&mut summary.questions, bank, &on_page),
                None => summary.pages_without_bank.push(page.to_string()),
            }
        }
        for result in results {
            let CodeQuiz::Meeting(meeting) = result.quiz else {
                continue;
            };
            match summary.meetings.iter_mut().find(|m| m.meeting == meeting) {
                Some(group) => group.results.push(result.clone()),
                None => summary.meetings.push(MeetingResults {
                    meeting,
                    results: vec![result.clone()],
                    absent: Vec::new(),
                }),
            }
        }
        for group in &mut summary.meetings {
            group.absent = roster
                .iter()
                .filter(|name| !group.results.iter().any(|r| r.name == **name))
                .cloned()
                .collect();
        }
        if !roster.is_empty() {
            for result in results {
                if !roster.contains(&result.name) && !summary.not_on_roster.contains(&result.name) {
                    summary.not_on_roster.push(result.name.clone());
                }
            }
        }
        // Most missed first: by rate (compared exactly), then by count.
        summary.questions.sort_by(|a, b| {
            (b.wrong * a.asked)
                .cmp(&(a.wrong * b.asked))
                .then(b.wrong.cmp(&a.wrong))
        });
        summary
    }

    /// The 台账: for each page, each member's results, and a row for each roster name
    /// that has none; `quiz_name` names a result's quiz.
    pub fn ledger(&self, quiz_name: impl Fn(&ResultCode) -> String) -> Vec<LedgerRow> {
        let mut rows = Vec::new();
        for page in &self.pages {
            for member in &page.studied {
                for result in &member.results {
                    rows.push(LedgerRow {
                        page: page.page.clone(),
                        name: member.name.clone(),
                        day: Some(result.day),
                        quiz: quiz_name(result),
                        score: Some((result.score(), result.total())),
                    });
                }
            }
            rows.extend(page.not_yet.iter().map(|name| LedgerRow {
                page: page.page.clone(),
                name: name.clone(),
                day: None,
                quiz: String::new(),
                score: None,
            }));
        }
        rows
    }
}

impl QuestionStat {
    /// The error rate as a whole percentage, rounded half up.
    pub fn percent_wrong(&self) -> u32 {
        percent(self.wrong, self.asked)
    }
}

impl LedgerRow {
    /// The row's cells: 日期, 期, 姓名, 学习情况, 测验, 得分; `label` names a page.
    pub fn cells(&self, label: &impl Fn(&str) -> String) -> [String; 6] {
        [
            self.day
                .and_then(|d| d.date())
                .map(|d| d.to_string())
                .unwrap_or_default(),
            label(&self.page),
            self.name.clone(),
            if self.score.is_some() {
                "已学"
            } else {
                "未学"
            }
            .to_string(),
            self.quiz.clone(),
            self.score
                .map(|(score, total)| format!("{score}/{total}"))
                .unwrap_or_default(),
        ]
    }
}

/// The 台账's column heads.
pub const LEDGER_HEADS: [&str; 6] = ["日期", "期", "姓名", "学习情况", "测验", "得分"];

/// The 台账 as tab-separated text, which pastes into a spreadsheet's cells.
pub fn ledger_text(rows: &[LedgerRow], label: impl Fn(&str) -> String) -> String {
    let mut text = LEDGER_HEADS.join("\t");
    for row in rows {
        text.push('\n');
        text.push_str(&row.cells(&label).join("\t"));
    }
    text.push('\n');
    text
}

/// The 台账 as CSV (RFC 4180, CRLF lines, a BOM so spreadsheets read it as UTF-8).
pub fn ledger_csv(rows: &[LedgerRow], label: impl Fn(&str) -> String) -> String {
    let cell = |text: &str| {
        if text.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", text.replace('"', "\"\""))
        } else {
            text.to_string()
        }
    };
    let mut csv = String::from("\u{feff}");
    csv.push_str(&LEDGER_HEADS.join(","));
    csv.push_str("\r\n");
    for row in rows {
        let cells = row.cells(&label);
        csv.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// The members among `results`, roster order first, then in the order found.
fn by_member(results: &[&ResultCode], roster: &[String]) -> Vec<MemberResults> {
    let mut members: Vec<MemberResults> = Vec::new();
    for result in results {
        match members.iter_mut().find(|m| m.name == result.name) {
            Some(member) => member.results.push((*result).clone()),
            None => members.push(MemberResults {
                name: result.name.clone(),
                results: vec![(*result).clone()],
            }),
        }
    }
    let rank = |name: &str| roster.iter().position(|n| n == name).unwrap_or(usize::MAX);
    members.sort_by_key(|m| rank(&m.name));
    members
}

/// Adds each result's verdicts to the question counts; a result whose questions do not
/// fit the bank is skipped.
fn add_question_stats(stats: &mut Vec<QuestionStat>, bank: &Bank, results: &[&ResultCode]) {
    for result in results {
        let questions = result.quiz.questions(bank);
        if questions.len() != result.right.len() {
            continue;
        }
        for (question, right) in questions.into_iter().zip(&result.right) {
            let stat = match stats
                .iter()
                .position(|s| s.page == result.page && s.question == question)
            {
                Some(at) => &mut stats[at],
                None => {
                    stats.push(QuestionStat {
                        page: result.page.clone(),
                        question,
                        asked: 0,
                        wrong: 0,
                    });
                    stats.last_mut().expect("just pushed")
                }
            };
            stat.asked += 1;
            stat.wrong += usize::from(!*right);
        }
    }
}
