//! Writing a drafted question bank beside its page (`quiz.md`), never over a bank a person
//! wrote or reviewed unless asked to; the drafter's report as text; and a sample of
//! drafted questions chosen by a fixed seed, printed with their sources for a reader to
//! judge.

use std::path::{Path, PathBuf};

use xuexi_core::content::Page;
use xuexi_core::quiz::bank::checks::CHECKS;
use xuexi_core::quiz::bank::format;
use xuexi_core::quiz::draft::quality::{FORMAT, GROUNDED, REPEATED_ANSWER};
use xuexi_core::quiz::draft::{recall, Drafted};
use xuexi_core::quiz::rng::SplitMix64;
use xuexi_core::quiz::{Bank, Question, QuestionKind};

use crate::files;

/// The bank file beside a content file.
pub fn bank_path_beside(page_file: &Path) -> PathBuf {
    page_file.with_file_name("quiz.md")
}

/// Writes the drafted bank to `path`. An existing file is kept (and an error returned)
/// unless `force`: it may hold questions a person wrote or reviewed.
pub fn write(path: &Path, drafted: &Drafted, force: bool) -> Result<(), String> {
    if path.exists() && !force {
        return Err(format!(
            "{} exists and may hold reviewed questions; keeping it (use --force to replace it)",
            path.display()
        ));
    }
    files::write(path, format::write(&drafted.bank))
}

/// The bank already beside the page, if there is one written by hand (not drafted), to
/// measure recall against.
pub fn written_bank(page_file: &Path, page: &Page) -> Result<Option<Bank>, String> {
    let path = bank_path_beside(page_file);
    if !path.exists() {
        return Ok(None);
    }
    let text = files::read(&path)?;
    let bank = format::parse(&text, page).map_err(|e| e.located(&path.display().to_string()))?;
    Ok(bank.drafted.is_none().then_some(bank))
}

/// The drafter's report: questions per item, type and rule, grounding, rejections by
/// check, and recall against a hand-written bank when there is one.
pub fn report(page: &Page, drafted: &Drafted, written: Option<&Bank>) -> String {
    let report = &drafted.report;
    let questions = &drafted.bank.questions;
    let mut out = format!("drafted questions: {}\n", questions.len());
    out.push_str("per item:\n");
    for (item, kind, n) in &report.per_item {
        let heading = page.item(item).map_or("", |i| i.heading());
        out.push_str(&format!("  {item} ({}) {heading}: {n}\n", kind.keyword()));
    }
    let join = |map: &std::collections::BTreeMap<&str, usize>| {
        map.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!("per type: {}\n", join(&report.per_type)));
    out.push_str(&format!("per rule: {}\n", join(&report.per_rule)));
    let grounded = questions.iter().filter(|q| is_grounded(page, q)).count();
    out.push_str(&format!(
        "grounded: {grounded} of {} ({:.0}%)\n",
        questions.len(),
        percent(grounded, questions.len())
    ));
    out.push_str(&format!("candidates: {}\n", report.candidates));
    let reasons = [GROUNDED, FORMAT]
        .into_iter()
        .chain(CHECKS.iter().map(|check| check.name()))
        .chain([REPEATED_ANSWER]);
    for reason in reasons {
        let n = report.rejected.get(reason).copied().unwrap_or_default();
        out.push_str(&format!(
            "  rejected by `{reason}`: {n} ({:.1}%)\n",
            percent(n, report.candidates)
        ));
    }
    out.push_str(&format!(
        "  left out by the per-item cap: {} ({:.1}%)\n",
        report.capped,
        percent(report.capped, report.candidates)
    ));
    if let Some(written) = written {
        let recall = recall(&drafted.bank, written);
        out.push_str(&format!(
            "recall of the hand-written bank's answers: {} of {} ({:.1}%)\n",
            recall.asked,
            recall.total,
            recall.percent()
        ));
    }
    out
}

fn is_grounded(page: &Page, question: &Question) -> bool {
    let Some(item) = page.item(&question.item) else {
        return false;
    };
    item.title
        .iter()
        .chain(&item.deck)
        .any(|t| t.contains(&question.source))
        || item
            .paragraphs
            .iter()
            .any(|p| p.text.contains(&question.source))
        || item.quotations.iter().any(|q| {
            q.text.contains(&question.source)
                || xuexi_core::quiz::bank::model::attribution(q).contains(&question.source)
        })
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

/// `n` questions of the bank chosen with `seed` (the same seed gives the same sample),
/// in bank order.
pub fn sample(bank: &Bank, n: usize, seed: u64) -> Vec<&Question> {
    let mut indices: Vec<usize> = (0..bank.questions.len()).collect();
    SplitMix64::new(seed).shuffle(&mut indices);
    indices.truncate(n);
    indices.sort_unstable();
    indices.iter().map(|i| &bank.questions[*i]).collect()
}

/// A question as a reader of the sample sees it: type, prompt, options or answer, source.
pub fn show(question: &Question) -> String {
    let mut out = format!(
        "{} [{}] {}\n  {}\n",
        question.id,
        question.kind.label(),
        question.item,
        question.prompt
    );
    match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            for option in options {
                let mark = if option.correct { "✓" } else { "✗" };
                out.push_str(&format!("  {mark} {}\n", option.text));
            }
        }
        QuestionKind::TrueFalse { answer } => {
            out.push_str(&format!("  答案：{}\n", if *answer { "对" } else { "错" }))
        }
        QuestionKind::Blank { answer, accept } => {
            out.push_str(&format!("  答案：{answer}"));
            for other in accept {
                out.push_str(&format!(" / {other}"));
            }
            out.push('\n');
        }
        QuestionKind::Order { fragments } => {
            out.push_str(&format!("  顺序：{}\n", fragments.join(" → ")))
        }
    }
    out.push_str(&format!("  source: {}\n", question.source));
    out
}
