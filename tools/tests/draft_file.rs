//! Writing a drafted bank beside its page: it reads back as the build reads it, an existing
//! bank is kept unless forced, the report names grounding and recall, and the sample is
//! the same for the same seed.

use std::path::PathBuf;

use xuexi_core::quiz::bank::format;
use xuexi_core::quiz::draft::draft;
use xuexi_tools::{content_dir, draft_file};

/// A fresh folder under the system's temporary folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xuexi-draft-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn page_000() -> content_dir::PageFiles {
    content_dir::read(&content_dir::repository_content_dir())
        .unwrap()
        .remove(0)
}

#[test]
fn the_written_bank_reads_back_and_an_existing_one_is_kept_unless_forced() {
    let files = page_000();
    let drafted = draft(&files.page);
    let dir = scratch("write");
    let page_file = dir.join("page.md");
    let bank_file = draft_file::bank_path_beside(&page_file);
    assert_eq!(bank_file, dir.join("quiz.md"));
    draft_file::write(&bank_file, &drafted, false).unwrap();
    let text = std::fs::read_to_string(&bank_file).unwrap();
    assert!(text.contains("\ndrafted: draft-quiz\n"));
    assert_eq!(format::parse(&text, &files.page).unwrap(), drafted.bank);

    std::fs::write(&bank_file, "reviewed by a person").unwrap();
    let refused = draft_file::write(&bank_file, &drafted, false).unwrap_err();
    assert!(refused.contains("--force"), "{refused}");
    assert_eq!(
        std::fs::read_to_string(&bank_file).unwrap(),
        "reviewed by a person"
    );
    draft_file::write(&bank_file, &drafted, true).unwrap();
    assert_eq!(std::fs::read_to_string(&bank_file).unwrap(), text);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_drafted_bank_beside_the_page_is_not_taken_for_a_hand_written_one() {
    let files = page_000();
    let dir = scratch("written");
    let page_file = dir.join("page.md");
    assert!(draft_file::written_bank(&page_file, &files.page)
        .unwrap()
        .is_none());
    let drafted = draft(&files.page);
    draft_file::write(&draft_file::bank_path_beside(&page_file), &drafted, false).unwrap();
    assert!(draft_file::written_bank(&page_file, &files.page)
        .unwrap()
        .is_none());
    let hand_written = format::write(files.bank.as_ref().unwrap());
    std::fs::write(draft_file::bank_path_beside(&page_file), hand_written).unwrap();
    assert!(draft_file::written_bank(&page_file, &files.page)
        .unwrap()
        .is_some());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_report_counts_grounding_rejections_and_recall() {
    let files = page_000();
    let drafted = draft(&files.page);
    let n = drafted.bank.questions.len();
    let report = draft_file::report(&files.page, &drafted, files.bank.as_ref());
    assert!(
        report.contains(&format!("drafted questions: {n}\n")),
        "{report}"
    );
    assert!(
        report.contains(&format!("grounded: {n} of {n} (100%)")),
        "{report}"
    );
    assert!(
        report.contains("recall of the hand-written bank's answers: "),
        "{report}"
    );
    assert!(report.contains("left out by the per-item cap"), "{report}");
    for check in xuexi_core::quiz::bank::checks::CHECKS {
        assert!(
            report.contains(&format!("rejected by `{}`: ", check.name())),
            "{report}"
        );
    }
    let without = draft_file::report(&files.page, &drafted, None);
    assert!(!without.contains("recall"));
}

#[test]
fn the_sample_is_fixed_by_its_seed() {
    let files = page_000();
    let bank = draft(&files.page).bank;
    let ids = |seed| -> Vec<String> {
        draft_file::sample(&bank, 20, seed)
            .iter()
            .map(|q| q.id.clone())
            .collect()
    };
    assert_eq!(ids(2024), ids(2024));
    assert_ne!(ids(2024), ids(2025));
    assert_eq!(ids(2024).len(), 20);
    let shown = draft_file::show(draft_file::sample(&bank, 1, 2024)[0]);
    assert!(shown.contains("source: "), "{shown}");
}
