//! Writes a synthetic archive of N weekly pages derived from page 000, as content folders
//! (`page.md`, `quiz.md`), for the benchmark (52 pages: a year) and the end-to-end tests of
//! the archive (3 pages). Page k is page 000 under the id `{k:03}`, dated a week after page
//! k-1, with 期号 `第{k+1}期`, and its articles' paragraphs in another order; its question
//! bank is page 000's, so every page has its quizzes. Deterministic.
//!
//! Usage: `cargo run --bin synth_archive -- <out dir> <n pages>`

use std::path::Path;
use std::process::ExitCode;

use xuexi_core::content::{format, IsoDate, ItemKind, Page};
use xuexi_core::quiz::bank;
use xuexi_core::review::Day;
use xuexi_tools::{cli, content_dir, files};

/// The date of the first synthetic page: a Tuesday.
const FIRST_DATE: (u16, u8, u8) = (2024, 1, 2);

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(n)) = (args.first(), args.get(1).and_then(|n| n.parse().ok())) else {
        eprintln!("usage: synth_archive <out dir> <n pages>");
        return ExitCode::FAILURE;
    };
    let result = run(Path::new(out), n).map(|()| println!("synth_archive: {n} pages in {out}"));
    cli::finish("synth_archive", result)
}

fn run(out: &Path, n_pages: usize) -> Result<(), String> {
    let pages = content_dir::read(&content_dir::repository_content_dir())?;
    let seed = pages.first().ok_or("no page 000")?;
    let seed_bank = seed.bank.as_ref().ok_or("page 000 has no question bank")?;
    files::remove_dir(out)?;
    let first = first_day()?;
    for k in 0..n_pages {
        let page = week(&seed.page, k, first)?;
        let mut bank = seed_bank.clone();
        bank.page = page.id.clone();
        let dir = out.join(&page.id);
        files::write(&dir.join("page.md"), format::write(&page))?;
        files::write(&dir.join("quiz.md"), bank::format::write(&bank))?;
    }
    Ok(())
}

/// Page `k` of the archive.
fn week(seed: &Page, k: usize, first: Day) -> Result<Page, String> {
    let mut page = seed.clone();
    page.id = format!("{k:03}");
    page.issue = Some(format!("第{}期", k + 1));
    page.date = first.plus(7 * k as u32).date();
    page.source_file = None;
    for item in page.items.iter_mut() {
        if item.kind == ItemKind::Article && !item.paragraphs.is_empty() {
            let n = item.paragraphs.len();
            item.paragraphs.rotate_left(k % n);
        }
    }
    if page.date.is_none() {
        return Err(format!("page {k}: no date"));
    }
    Ok(page)
}

fn first_day() -> Result<Day, String> {
    let (year, month, day) = FIRST_DATE;
    let target = IsoDate::new(year, month, day).ok_or("bad first date")?;
    // Days since 1970-01-01 of the first date, found by walking from the epoch's year.
    (0..30_000)
        .map(Day)
        .find(|d| d.date() == Some(target))
        .ok_or_else(|| "first date out of range".to_string())
}
