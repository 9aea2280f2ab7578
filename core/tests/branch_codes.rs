//! Result and meeting codes on the bank of page 000: every quiz kind round-trips, a
//! 10-question code stays short, every single changed character and every truncation is
//! caught, codes are found in realistic chat noise (10,000 lines too), codes of other
//! versions, pages and banks are refused with their reason. (A 现场测验's quiz:
//! `branch_meeting.rs`.)

mod common;

use xuexi_core::branch::base32::{self, BitReader, BitWriter};
use xuexi_core::branch::{
    bank_version, extract, CodeError, CodeQuiz, Extracted, MeetingCode, Refused, ResultCode,
};
use xuexi_core::quiz::{right_answer, Action, Bank, Phase, QuizKind, QuizSession};
use xuexi_core::review::Day;

fn bank() -> &'static Bank {
    common::bank()
}

fn this_bank(page: &str) -> Option<u16> {
    (page == "000").then(|| bank_version(bank().questions.iter().map(|q| q.id.as_str())))
}

/// Takes a quiz of `kind`, answering by `pattern` (repeated), and returns its code.
fn take(kind: QuizKind, seed: u64, pattern: &[bool], name: &str, day: i64) -> ResultCode {
    let mut session = QuizSession::new(bank(), kind.clone(), seed)
        .unwrap()
        .apply(bank(), Action::Start { now_ms: 1_000 });
    let mut idx = 0;
    while session.phase == Phase::Running {
        let question = session.current_question(bank()).unwrap();
        let right = pattern[idx % pattern.len()];
        idx += 1;
        let answer = if right {
            right_answer(question)
        } else {
            common::wrong_answer(question)
        };
        session = session
            .apply(bank(), Action::Answer(answer))
            .apply(bank(), Action::Check);
        let next = session.apply(bank(), Action::Next);
        session = if next == session {
            session.apply(bank(), Action::Finish { now_ms: 60_000 })
        } else {
            next
        };
    }
    let result = session.result(bank()).unwrap();
    ResultCode::of_result(name, bank(), &kind, &result, Day(day)).unwrap()
}

fn items() -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for q in bank().questions.iter() {
        if !items.contains(&q.item.to_string()) {
            items.push(q.item.to_string());
        }
    }
    items
}

fn meeting(n: u8, limit: u8, draw: u16) -> MeetingCode {
    MeetingCode::new("000", n, limit, draw).unwrap()
}

/// Every kind of quiz, with a few names, days and answer patterns.
fn sample_codes() -> Vec<ResultCode> {
    let mut codes = Vec::new();
    let patterns: [&[bool]; 4] = [&[true], &[false], &[true, false], &[true, true, false]];
    for (i, item) in items().into_iter().enumerate() {
        let kind = QuizKind::Item { item };
        codes.push(take(
            kind,
            i as u64,
            patterns[i % 4],
            "张三",
            20_400 + i as i64,
        ));
    }
    codes.push(take(
        QuizKind::Weekly,
        3,
        &[true, false],
        "欧阳娜娜",
        20_500,
    ));
    for seed in 0..8 {
        codes.push(take(
            QuizKind::Mixed,
            seed,
            patterns[seed as usize % 4],
            "Li",
            20_450,
        ));
    }
    let mistakes = QuizKind::Mistakes {
        questions: ["a-byfe-3", "a-byfe-1", "a-byfe-5"]
            .map(String::from)
            .to_vec(),
    };
    codes.push(take(mistakes, 1, &[false, true], "王五", 19_723));
    for (n, limit, draw) in [(10, 0, 0), (5, 3, 4095), (31, 7, 17), (1, 1, 1)] {
        let code = meeting(n, limit, draw).to_string();
        let kind = QuizKind::Meeting { code };
        codes.push(take(kind, 0, &[true, false, false], "赵六", 20_999));
    }
    codes
}

/// The name and payload of a code's text.
fn parts(text: &str) -> (&str, &str) {
    let body = text.strip_prefix("学习码/").unwrap();
    body.split_once('/').unwrap()
}

/// The line and reason of every line `extract` refused.
fn refusals(extracted: &Extracted) -> Vec<(usize, Refused)> {
    extracted
        .refused
        .iter()
        .map(|r| (r.line, r.reason.clone()))
        .collect()
}

fn decode(text: &str) -> Result<ResultCode, CodeError> {
    let (name, payload) = parts(text);
    ResultCode::decode(name, payload)
}

#[test]
fn every_kind_of_code_round_trips() {
    let codes = sample_codes();
    assert!(codes.len() > 15);
    for code in &codes {
        let text = code.encode();
        assert_eq!(decode(&text).as_ref(), Ok(code), "{text}");
        let (name, payload) = parts(&text);
        let typed_small = ResultCode::decode(name, &payload.to_lowercase());
        assert_eq!(typed_small.as_ref(), Ok(code), "{text}");
        assert_eq!(code.quiz.questions(bank()).len(), code.total());
    }
    let mixed = codes
        .iter()
        .find(|c| matches!(c.quiz, CodeQuiz::Mixed(_)))
        .unwrap();
    assert_eq!(mixed.total(), 10);
    let all_wrong = &codes[1];
    assert_eq!(all_wrong.score(), 0);
    assert_eq!(codes[0].score(), codes[0].total());
}

#[test]
fn a_ten_question_code_is_at_most_40_characters() {
    for seed in 0..50 {
        let mixed = take(QuizKind::Mixed, seed, &[true, false], "欧阳娜娜", 21_000).encode();
        assert!(
            mixed.chars().count() <= 40,
            "{mixed}: {}",
            mixed.chars().count()
        );
    }
    let kind = QuizKind::Meeting {
        code: meeting(10, 2, 99).to_string(),
    };
    let at_meeting = take(kind, 0, &[true], "欧阳娜娜", 21_000).encode();
    assert!(at_meeting.chars().count() <= 40, "{at_meeting}");
}

#[test]
fn every_changed_character_and_every_truncation_is_caught() {
    for code in sample_codes() {
        let text = code.encode();
        let (name, payload) = parts(&text);
        for (i, c) in payload.char_indices() {
            for replacement in base32::ALPHABET.iter().map(|&b| char::from(b)) {
                if replacement == c {
                    continue;
                }
                let mut typo = payload.to_string();
                typo.replace_range(i..i + 1, &replacement.to_string());
                let decoded = ResultCode::decode(name, &typo);
                assert!(decoded.is_err(), "{typo} was read as {decoded:?}");
            }
        }
        for replacement in ['李', '四', '张', 'X', '三'] {
            for (i, c) in name.char_indices() {
                if c == replacement {
                    continue;
                }
                let mut typo = name.to_string();
                typo.replace_range(i..i + c.len_utf8(), &replacement.to_string());
                assert_eq!(
                    ResultCode::decode(&typo, payload),
                    Err(CodeError::Damaged),
                    "{typo}"
                );
            }
        }
        for cut in 1..payload.len() {
            let short = &payload[..payload.len() - cut];
            let decoded = ResultCode::decode(name, short);
            assert!(
                matches!(decoded, Err(CodeError::Truncated | CodeError::Damaged)),
                "{short}: {decoded:?}"
            );
        }
        assert_eq!(ResultCode::decode(name, ""), Err(CodeError::NoPayload));
    }
}

/// `text` with its version field set to `version` and the check made again, as another
/// version of the app would write it.
fn with_version(text: &str, version: u8) -> String {
    let (name, payload) = parts(text);
    let symbols: Vec<u8> = payload
        .chars()
        .map(|c| base32::symbol_value(c).unwrap())
        .collect();
    let body = &symbols[..symbols.len() - base32::CHECK_SYMBOLS];
    let mut reader = BitReader::new(body);
    reader.take(5);
    let mut writer = BitWriter::default();
    writer.put(u128::from(version), 5);
    writer.put_bits(&reader.take_bits(body.len() * 5 - 5).unwrap());
    let mut body = writer.symbols();
    let check = base32::check(name.bytes().chain([b'/']).chain(body.iter().copied()));
    body.extend(base32::check_symbols(check));
    format!("学习码/{name}/{}", base32::encode(&body))
}

#[test]
fn codes_of_other_versions_pages_and_banks_are_refused_with_the_reason() {
    let code = take(QuizKind::Weekly, 1, &[true], "张三", 20_000);
    let text = code.encode();
    assert_eq!(decode(&with_version(&text, 1)), Ok(code.clone()));
    assert_eq!(
        decode(&with_version(&text, 2)),
        Err(CodeError::NewerVersion(2))
    );
    assert_eq!(
        decode(&with_version(&text, 0)),
        Err(CodeError::OlderVersion(0))
    );
    let other_page = ResultCode {
        page: "123".to_string(),
        ..code.clone()
    };
    let other_bank = ResultCode {
        bank_version: code.bank_version ^ 1,
        ..code.clone()
    };
    let chat = format!(
        "{}\n{}\n{}\n{}",
        other_page.encode(),
        other_bank.encode(),
        with_version(&text, 3),
        text
    );
    let extracted = extract(&chat, this_bank);
    assert_eq!(
        refusals(&extracted),
        [
            (1, Refused::UnknownPage("123".to_string())),
            (2, Refused::BankChanged("000".to_string())),
            (3, Refused::Code(CodeError::NewerVersion(3))),
        ]
    );
    assert_eq!(extracted.found.len(), 1);
    assert_eq!(extracted.found[0].line, 4);
    for refusal in &extracted.refused {
        assert!(!refusal.reason.to_string().is_empty());
    }
}

#[test]
fn codes_are_found_in_chat_noise() {
    let a = take(QuizKind::Weekly, 1, &[true], "张三", 20_000);
    let b = take(QuizKind::Mixed, 2, &[true, false], "李四", 20_001);
    let c = take(QuizKind::Mixed, 3, &[false], "王五", 20_002);
    let damaged = {
        let text = c.encode();
        let mut chars: Vec<char> = text.chars().collect();
        let at = chars.len() - 6;
        chars[at] = if chars[at] == 'A' { 'B' } else { 'A' };
        chars.into_iter().collect::<String>()
    };
    let chat = format!(
        "支部书记 10:02\n\
         请大家做完本期测验后，把学习码发到群里\n\
         张三 10:15\n\
         {}\n\
         李四 2024/5/6 10:16:02\n\
         我的成绩 {} 请查收\n\
         王五：{}\n\
         「张三：{}」\n\
         - - - - - - - - - - - - - - -\n\
         收到\n\
         学习码怎么复制？\n\
         学习码：\n\
         学习码/孙七/\n\
         [图片]\n",
        a.encode(),
        b.encode().to_lowercase(),
        damaged,
        a.encode(),
    );
    let extracted = extract(&chat, this_bank);
    let found: Vec<(usize, &str)> = extracted
        .found
        .iter()
        .map(|f| (f.line, f.code.name.as_str()))
        .collect();
    assert_eq!(found, [(4, "张三"), (6, "李四"), (8, "张三")]);
    assert_eq!(extracted.found[1].code, b);
    assert_eq!(
        refusals(&extracted),
        [
            (7, Refused::Code(CodeError::Damaged)),
            (12, Refused::Code(CodeError::BadName)),
            (13, Refused::Code(CodeError::NoPayload)),
        ]
    );
    assert!(extracted.refused[0].excerpt.starts_with("王五："));
}

#[test]
fn a_space_for_the_second_separator_is_read_too() {
    let code = take(QuizKind::Weekly, 1, &[true], "张三", 20_000);
    let spaced = code.encode().replacen("/张三/", "：张三 ", 1);
    assert_eq!(extract(&spaced, this_bank).found[0].code, code);
}

/// Random lines of prefixes, separators, symbols, names and noise, with a real code changed
/// in one place among them, never make `extract` panic, and the only code it ever accepts is
/// the real one, unchanged.
#[test]
fn random_text_is_refused_or_read_back_exactly() {
    let pieces = [
        "学习码",
        "/",
        "／",
        "：",
        " ",
        "张三",
        "\u{0}",
        "😀",
        "0",
        "Z",
        "u",
        "I",
        "1000",
        "\n",
        "学习码/李四/",
        "KX0",
        "\t",
        "码",
    ];
    let real_code = take(QuizKind::Mixed, 9, &[true, false], "李四", 20_100);
    let real = real_code.encode();
    let mut rng = xuexi_core::quiz::rng::SplitMix64::new(42);
    for _ in 0..20_000 {
        let mut line = String::new();
        for _ in 0..rng.below(12) {
            line.push_str(pieces[rng.below(pieces.len())]);
        }
        if rng.below(4) == 0 {
            // A real code with one symbol changed, a piece cut off, or noise inserted.
            let mut chars: Vec<char> = real.chars().collect();
            let at = rng.below(chars.len());
            match rng.below(3) {
                0 => chars[at] = char::from(base32::ALPHABET[rng.below(32)]),
                1 => chars.truncate(at),
                _ => chars.insert(at, ' '),
            }
            line.extend(chars);
        }
        for found in extract(&line, this_bank).found {
            assert_eq!(found.code, real_code, "{line}");
        }
    }
}

#[test]
fn ten_thousand_lines_are_read_line_by_line() {
    let codes = sample_codes();
    let mut chat = String::new();
    let mut expected_found = 0;
    let mut expected_refused = 0;
    for i in 0..10_000 {
        match i % 10 {
            0 => {
                chat.push_str(&codes[i / 10 % codes.len()].encode());
                expected_found += 1;
            }
            5 => {
                let text = codes[i % codes.len()].encode();
                chat.push_str(&text[..text.len() - 3]);
                expected_refused += 1;
            }
            _ => chat.push_str(&format!(
                "成员{} 12:{:02} 收到，学习了 {}",
                i,
                i % 60,
                "好".repeat(i % 40)
            )),
        }
        chat.push('\n');
    }
    let extracted = extract(&chat, this_bank);
    assert_eq!(extracted.found.len(), expected_found);
    assert_eq!(extracted.refused.len(), expected_refused);
    assert!(extracted.refused.iter().all(|r| r.line % 10 == 6
        && matches!(
            r.reason,
            Refused::Code(CodeError::Truncated | CodeError::Damaged)
        )));
    assert!(
        extract("\u{0}\u{ffff}学习码/\u{0}/\n学习码/张三/UUUU", this_bank)
            .found
            .is_empty()
    );
}
