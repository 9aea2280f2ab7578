//! 支部汇总's reading of a pasted chat on arbitrary text, against the bank of page 000. It
//! must return, never panic; every code it accepts writes back to a code that reads the same.

#![no_main]

use libfuzzer_sys::fuzz_target;
use xuexi_core::branch::{bank_version, extract, ResultCode};
use xuexi_core::content::format as page_format;
use xuexi_core::quiz::bank::format as bank_format;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let page = page_format::parse(include_str!("../../assets/content/000/page.md"))
        .expect("page 000 parses");
    let bank = bank_format::parse(include_str!("../../assets/content/000/quiz.md"), &page)
        .expect("bank 000 parses");
    let version = bank_version(bank.questions.iter().map(|q| q.id.as_str()));
    let extracted = extract(text, |p| (p == "000").then_some(version));
    for refusal in &extracted.refused {
        let _ = refusal.reason.to_string();
    }
    for found in extracted.found {
        let written = found.code.encode();
        let (name, payload) = written
            .split_once('/')
            .and_then(|(_, rest)| rest.split_once('/'))
            .expect("a written code has two separators");
        assert_eq!(ResultCode::decode(name, payload), Ok(found.code.clone()));
    }
});
