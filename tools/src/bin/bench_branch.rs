//! Measures 支部学习's core: finding the result codes in a pasted group chat of 2,000 lines
//! with 60 codes among the talk (median of many runs), and the length of a 10-question
//! quiz's code. Prints a markdown table; it reports, it never fails on a number.
//!
//! Usage: `cargo run --release --bin bench_branch`

use std::hint::black_box;
use std::process::ExitCode;

use xuexi_core::branch::code::CodeQuiz;
use xuexi_core::branch::{bank_version, extract, ResultCode};
use xuexi_core::quiz::rng::SplitMix64;
use xuexi_core::quiz::select::draw;
use xuexi_core::quiz::{Bank, MIXED_SIZE};
use xuexi_core::review::Day;
use xuexi_tools::bench::{ms, sorted_times};
use xuexi_tools::{cli, content_dir};

const CHAT_LINES: usize = 2_000;
const CODES: usize = 60;
const RUNS: usize = 201;
const NAMES: [&str; 6] = ["王建国", "李秀英", "张志强", "欧阳丽华", "陈海燕", "刘德明"];
const TALK: [&str; 8] = [
    "收到",
    "[表情]",
    "好的，今晚学习本期专版",
    "学习码怎么复制？长按结果码就可以",
    "请大家在周五前完成本期的读后测，做完后把学习码发到群里，书记统一汇总到台账。",
    "「支部书记：请大家按时参加主题党日」\n- - - - - - - - - - - - - - -\n收到",
    "[图片]",
    "今天社区的活动大家辛苦了👍",
];

fn main() -> ExitCode {
    cli::finish("bench_branch", run())
}

fn run() -> Result<(), String> {
    let pages = content_dir::read(&content_dir::repository_content_dir())?;
    let bank = pages
        .iter()
        .find_map(|p| p.bank.as_ref())
        .ok_or("no page has a question bank")?;
    let version = bank_version(bank.questions.iter().map(|q| q.id.as_str()));
    let known = |page: &str| (page == bank.page.as_str()).then_some(version);
    let chat = chat(bank);
    let found = extract(&chat, known).found.len();
    if found != CODES {
        return Err(format!("found {found} codes of {CODES}"));
    }
    let times = sorted_times(RUNS, || extract(black_box(&chat), known));
    let longest = (0..200)
        .map(|seed| code(bank, seed, "欧阳丽华").encode().chars().count())
        .max()
        .unwrap_or_default();
    println!("| measure | value |");
    println!("|---|---|");
    println!(
        "| extract codes, {CHAT_LINES} chat lines with {CODES} codes (median of {RUNS}) | {:.3} ms |",
        ms(times[RUNS / 2])
    );
    println!(
        "| result code of a {MIXED_SIZE}-question quiz, 4-character name (longest of 200 draws) | {longest} characters |"
    );
    Ok(())
}

/// A 综合测验's code with a seeded draw and seeded verdicts.
fn code(bank: &Bank, seed: u64, name: &str) -> ResultCode {
    let mut positions: Vec<u16> = draw(bank, MIXED_SIZE, seed)
        .iter()
        .filter_map(|q| bank.questions.iter().position(|b| b.id == q.id))
        .map(|p| p as u16)
        .collect();
    positions.sort_unstable();
    let mut rng = SplitMix64::new(seed);
    ResultCode {
        name: name.to_string(),
        page: bank.page.to_string(),
        right: positions.iter().map(|_| rng.below(3) > 0).collect(),
        quiz: CodeQuiz::Mixed(positions),
        bank_version: bank_version(bank.questions.iter().map(|q| q.id.as_str())),
        day: Day(20_790),
    }
}

/// A chat of [`CHAT_LINES`] lines: senders with timestamps, talk, and [`CODES`] codes in it.
fn chat(bank: &Bank) -> String {
    let mut lines: Vec<String> = Vec::with_capacity(CHAT_LINES);
    let mut rng = SplitMix64::new(7);
    let every = CHAT_LINES / CODES;
    let mut n_codes = 0;
    while lines.len() < CHAT_LINES {
        let name = NAMES[rng.below(NAMES.len())];
        lines.push(format!(
            "{name} 2026/12/3 {:02}:{:02}",
            8 + lines.len() / 200,
            lines.len() % 60
        ));
        if lines.len() / every > n_codes && n_codes < CODES {
            let text = code(bank, n_codes as u64, name).encode();
            lines.push(match n_codes % 3 {
                0 => text,
                1 => format!("我的{text}"),
                _ => format!("{text} 请书记查收"),
            });
            n_codes += 1;
        } else {
            lines.extend(TALK[rng.below(TALK.len())].lines().map(str::to_string));
        }
    }
    lines.truncate(CHAT_LINES);
    lines.join("\n")
}
