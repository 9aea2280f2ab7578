//! Writes a synthetic archive of N weekly pages derived from page 000, as content folders
//! (`page.md`, `quiz.md`), for the benchmark (52 pages: a year) and the end-to-end tests of
//! the archive (3 pages). Page k is page 000 under the id `{k:03}`, dated a week after page
//! k-1, with 期号 `第{k+1}期`, and its articles' paragraphs in another order; its question
//! bank is page 000's, so every page has its quizzes. Every later page's items have ids and
//! titles of their own, as real weeks do (每周一学 has no title), so the catalog and
//! the lists that name every page compress as a real year's would, not as 52 copies of one
//! page. Deterministic.
//!
//! Usage: `cargo run --bin synth_archive -- <out dir> <n pages>`

use std::path::Path;
use std::process::ExitCode;

use std::collections::HashMap;

use xuexi_core::content::{format, IsoDate, ItemKind, Page};
use xuexi_core::hash::short_id;
use xuexi_core::quiz::bank::{self, Bank};
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
        let (page, bank) = renamed(week(&seed.page, k, first)?, seed_bank, k)?;
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

/// Page `k` with items of its own from page 1 on (ids made as the importer makes them, from
/// the week and the seed's id; headings turned by `k` characters, but 每周一学's), and the
/// seed's bank pointed at them.
fn renamed(mut page: Page, seed_bank: &Bank, k: usize) -> Result<(Page, Bank), String> {
    let mut ids = HashMap::new();
    let text: Vec<char> = page
        .items
        .iter()
        .flat_map(|item| item.paragraphs.iter())
        .flat_map(|paragraph| paragraph.text.chars())
        .filter(|c| c.is_alphanumeric())
        .collect();
    if k > 0 {
        for (j, item) in page.items.iter_mut().enumerate() {
            let id = format!(
                "{}-{}",
                item.kind.id_prefix(),
                short_id(&format!("{k}/{}", item.id))
            );
            if ids.values().any(|taken| *taken == id) {
                return Err(format!("page {k}: two items would have the id {id}"));
            }
            ids.insert(std::mem::replace(&mut item.id, id.clone()), id);
            if let (Some(title), false) = (item.title.as_mut(), text.is_empty()) {
                *title = title_from(&text, &format!("{k}/{j}"));
            }
        }
    }
    let mut bank = seed_bank.clone();
    bank.page = page.id.clone();
    for question in bank.questions.iter_mut() {
        if let Some(id) = ids.get(&question.item) {
            let number = question
                .id
                .strip_prefix(question.item.as_str())
                .ok_or_else(|| {
                    format!("question {} does not start with its item's id", question.id)
                })?;
            question.id = format!("{id}{number}");
            question.item = id.clone();
        }
    }
    Ok((page, bank))
}

/// A title of 8 to 15 of `text`'s letters, from a place and of a length that `key` picks.
fn title_from(text: &[char], key: &str) -> String {
    let hash = xuexi_core::hash::fnv1a_32(key.bytes()) as usize;
    let len = (8 + hash % 8).min(text.len());
    let start = (hash / 8) % (text.len() - len + 1);
    text[start..start + len].iter().collect()
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
