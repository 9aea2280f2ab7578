//! Measures the question drafter on page 000: the time to draft its bank (median of runs,
//! native, release) and the quality report (questions per item and type, grounding,
//! rejections by check, recall of the hand-written bank's answers). Prints markdown; it
//! reports, it never fails on a number.
//!
//! Usage: `cargo run --release --bin bench_draft`

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Duration;

use xuexi_core::quiz::draft::draft;
use xuexi_tools::bench::{ms, sorted_times};
use xuexi_tools::{cli, content_dir, draft_file};

/// Drafts timed; the median is reported.
const RUNS: usize = 21;
/// Issue 13's target for drafting a page natively.
const TARGET: Duration = Duration::from_secs(1);

fn main() -> ExitCode {
    cli::finish("bench_draft", run())
}

fn run() -> Result<(), String> {
    let pages = content_dir::read(&content_dir::repository_content_dir())?;
    let files = &pages[0];
    let times = sorted_times(RUNS, || draft(black_box(&files.page)));
    let median = times[RUNS / 2];
    let verdict = if median < TARGET { "met" } else { "NOT met" };
    println!("| what | median | min | max | runs | target |");
    println!("|---|---|---|---|---|---|");
    println!(
        "| draft page {} | {:.1} ms | {:.1} ms | {:.1} ms | {RUNS} | < {:.0} ms: {verdict} |",
        files.page.id,
        ms(median),
        ms(times[0]),
        ms(times[RUNS - 1]),
        ms(TARGET)
    );
    println!();
    let drafted = draft(&files.page);
    let written = files.bank.as_ref().filter(|bank| bank.drafted.is_none());
    println!("```");
    print!("{}", draft_file::report(&files.page, &drafted, written));
    println!("```");
    Ok(())
}
