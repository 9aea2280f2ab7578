//! The question drafter's command: drafts a page's question bank by rules (no network, no
//! model) and writes it as `quiz.md` beside the content file, marked `drafted: draft-quiz`
//! for a person to review; prints the quality report and a seeded sample of questions.
//!
//! Usage: `cargo run -p xuexi-tools --bin draft-quiz -- <page.md> [--out FILE] [--force]
//! [--stdout] [--report] [--sample N] [--seed S]`

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use xuexi_core::content::format;
use xuexi_core::quiz::draft::draft;
use xuexi_tools::{cli, draft_file, files};

const USAGE: &str = "usage: draft-quiz <page.md> [--out FILE] [--force] [--stdout] [--report] [--sample N] [--seed S]
  --out     write the bank there (default: quiz.md beside the page, unless --stdout,
            --report or --sample is given)
  --force   replace an existing bank file (it may hold reviewed questions)
  --stdout  print the bank instead of writing it
  --report  print the quality report (recall against a hand-written quiz.md beside the page)
  --sample  print N drafted questions chosen with --seed (default seed 2024), with sources";

/// The seed of `--sample` when none is given.
const DEFAULT_SEED: u64 = 2024;

fn main() -> ExitCode {
    cli::finish("draft-quiz", run(std::env::args().skip(1).collect()))
}

fn run(args: Vec<String>) -> Result<(), String> {
    let mut input: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let (mut force, mut stdout, mut report) = (false, false, false);
    let mut sample: Option<usize> = None;
    let mut seed = DEFAULT_SEED;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let mut value = || cli::value(&arg, &mut args, USAGE);
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value()?)),
            "--force" => force = true,
            "--stdout" => stdout = true,
            "--report" => report = true,
            "--sample" => {
                sample = Some(
                    value()?
                        .parse()
                        .map_err(|_| format!("--sample needs a number\n{USAGE}"))?,
                )
            }
            "--seed" => {
                seed = value()?
                    .parse()
                    .map_err(|_| format!("--seed needs a number\n{USAGE}"))?
            }
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ if input.is_none() && !arg.starts_with("--") => input = Some(PathBuf::from(arg)),
            _ => return Err(format!("unexpected argument `{arg}`\n{USAGE}")),
        }
    }
    let input = input.ok_or_else(|| USAGE.to_string())?;
    let text = files::read(&input)?;
    let page = format::parse(&text).map_err(|e| e.located(&input.display().to_string()))?;
    let drafted = draft(&page);
    eprintln!(
        "drafted {} questions for page {}",
        drafted.bank.questions.len(),
        page.id
    );
    if report {
        let written = draft_file::written_bank(&input, &page)?;
        print!("{}", draft_file::report(&page, &drafted, written.as_ref()));
    }
    if let Some(n) = sample {
        println!("sample of {n} drafted questions, seed {seed}:");
        for question in draft_file::sample(&drafted.bank, n, seed) {
            print!("{}", draft_file::show(question));
        }
    }
    if stdout {
        print!("{}", xuexi_core::quiz::bank::format::write(&drafted.bank));
        return Ok(());
    }
    let target = match out {
        Some(path) => path,
        None if report || sample.is_some() => return Ok(()),
        None => draft_file::bank_path_beside(Path::new(&input)),
    };
    draft_file::write(&target, &drafted, force)?;
    eprintln!(
        "wrote {} (drafted: review, edit or delete each question, then mark it `reviewed: yes`)",
        target.display()
    );
    Ok(())
}
