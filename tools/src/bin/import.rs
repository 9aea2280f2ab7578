//! The importer command: turns a raw page off the press into a content file, with the
//! page's date and issue number given on the command line (the press text states neither),
//! and reports each paragraph join, each flag and the nothing-lost proof. With `--draft`, it
//! also drafts the page's question bank (`quiz.md` beside the content file) unless one is
//! there already.
//!
//! Usage: `cargo run -p xuexi-tools --bin import -- <raw.txt> [--id ID] [--title TITLE]
//! [--date YYYY-MM-DD] [--issue 第N期] [--out FILE [--draft] | --check FILE]`

use std::path::Path;
use std::process::ExitCode;

use xuexi_core::content::import::{import, parse_date, parse_issue, FlagKind, ImportOptions};
use xuexi_tools::{cli, draft_file, files};

const USAGE: &str = "usage: import <raw.txt> [--id ID] [--title TITLE] [--date YYYY-MM-DD] [--issue 第N期] [--out FILE [--draft] | --check FILE]
  --id      page id (default: the file name up to its first `_`)
  --title   the masthead name (default: 本期学习)
  --date    the page's date, e.g. 2024-03-12 (default: none; never guessed)
  --issue   the issue number as printed, e.g. 第9期 (default: none)
  --out     write the content file there (default: print it)
  --draft   also draft the question bank, quiz.md beside --out (kept if it exists)
  --check   compare with an existing content file and fail if they differ";

fn main() -> ExitCode {
    cli::finish("import", run(std::env::args().skip(1).collect()))
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut input = None;
    let (mut id, mut title, mut out, mut check) = (None, None, None, None);
    let (mut date, mut issue) = (None, None);
    let mut draft = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || cli::value(&arg, &mut args, USAGE);
        match arg.as_str() {
            "--id" => id = Some(value()?),
            "--title" => title = Some(value()?),
            "--date" => date = Some(parse_date(&value()?).map_err(|e| e.to_string())?),
            "--issue" => issue = Some(parse_issue(&value()?).map_err(|e| e.to_string())?),
            "--out" => out = Some(value()?),
            "--check" => check = Some(value()?),
            "--draft" => draft = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if input.is_none() && !arg.starts_with("--") => input = Some(arg),
            _ => return Err(format!("unexpected argument `{arg}`\n{USAGE}")),
        }
    }
    let input = input.ok_or_else(|| USAGE.to_string())?;
    if draft && out.is_none() {
        return Err(format!("--draft needs --out\n{USAGE}"));
    }
    let raw = files::read_bytes(Path::new(&input))?;
    let file_name = Path::new(&input)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let default_id = file_name
        .as_deref()
        .and_then(|n| n.split(['_', '.']).next())
        .unwrap_or("page")
        .to_lowercase();
    let options = ImportOptions {
        page_id: id.unwrap_or(default_id),
        page_title: title.unwrap_or_else(|| "本期学习".to_string()),
        date,
        issue,
        source_file: file_name,
    };
    let imported = import(&raw, &options).map_err(|e| format!("{input}:{e}"))?;
    print_report(&imported);
    match (out, check) {
        (Some(path), _) => {
            files::write(Path::new(&path), &imported.file)?;
            eprintln!("wrote {path}");
            if draft {
                draft_bank(Path::new(&path), &imported.page)?;
            }
        }
        (None, Some(path)) => {
            let existing = files::read(Path::new(&path))?;
            if existing != imported.file {
                return Err(format!("{path} differs from a fresh import of {input}"));
            }
            eprintln!("{path} matches a fresh import");
        }
        (None, None) => print!("{}", imported.file),
    }
    Ok(())
}

/// Drafts the page's question bank beside its content file, keeping a bank already there.
fn draft_bank(page_file: &Path, page: &xuexi_core::content::Page) -> Result<(), String> {
    let bank_file = draft_file::bank_path_beside(page_file);
    if bank_file.exists() {
        eprintln!(
            "{} exists: kept (draft-quiz --force replaces it)",
            bank_file.display()
        );
        return Ok(());
    }
    let drafted = xuexi_core::quiz::draft::draft(page);
    draft_file::write(&bank_file, &drafted, false)?;
    eprintln!(
        "wrote {}: {} drafted questions to review",
        bank_file.display(),
        drafted.bank.questions.len()
    );
    Ok(())
}

fn print_report(imported: &xuexi_core::content::import::Import) {
    let page = &imported.page;
    let report = &imported.report;
    let count = |kind| page.items.iter().filter(|i| i.kind == kind).count();
    use xuexi_core::content::ItemKind::*;
    eprintln!(
        "items: {} ({} articles, {} photo news, {} quotation boxes)",
        page.items.len(),
        count(Article),
        count(PhotoNews),
        count(Quotations)
    );
    eprintln!("joins: {}", report.joins.len());
    for join in &report.joins {
        let lines: Vec<String> = join.lines.iter().map(usize::to_string).collect();
        eprintln!(
            "  lines {} → {} {}: {}",
            lines.join("+"),
            join.item_id,
            join.paragraph_id,
            join.seams.join(" … ")
        );
    }
    eprintln!("flags: {} (left unchanged, for review)", report.flags.len());
    for flag in &report.flags {
        let what = match &flag.kind {
            FlagKind::NearDuplicate {
                other_line,
                other_item_id,
                other_paragraph_id,
                percent,
            } => format!(
                "repeats line {other_line} ({other_item_id} {other_paragraph_id}) almost word for word ({percent}% alike)"
            ),
            FlagKind::UnfinishedParagraph => "the item's last paragraph ends without closing punctuation".to_string(),
        };
        eprintln!(
            "  line {} ({} {}): {what}",
            flag.line, flag.item_id, flag.paragraph_id
        );
    }
    let proof = &report.proof;
    let markers: Vec<String> = proof
        .markers
        .iter()
        .map(|(marker, n)| format!("{marker}×{n}"))
        .collect();
    eprintln!(
        "nothing lost: all {} non-whitespace characters accounted for, in order: {} of content, {} of structural markers ({})",
        proof.content_chars + proof.marker_chars,
        proof.content_chars,
        proof.marker_chars,
        markers.join(" ")
    );
}
