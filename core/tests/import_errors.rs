//! Feeds the importer malformed pages: each gets a clear message with its line, and no
//! input, however broken, makes it panic.

use xuexi_core::content::import::{
    import, parse_date, parse_issue, ImportError, ImportErrorKind, ImportOptions,
};

mod common;
use common::SEED;

fn options() -> ImportOptions {
    ImportOptions {
        page_id: "001".to_string(),
        page_title: "本期学习".to_string(),
        date: None,
        issue: None,
        source_file: None,
    }
}

fn check(raw: &[u8], line: usize, kind: ImportErrorKind) {
    match import(raw, &options()) {
        Ok(_) => panic!(
            "{:?} imported, expected line {line}: {kind:?}",
            String::from_utf8_lossy(raw)
        ),
        Err(err) => assert_eq!(
            err,
            ImportError { line, kind },
            "{}",
            String::from_utf8_lossy(raw)
        ),
    }
}

#[test]
fn malformed_pages_are_reported_with_their_line() {
    use ImportErrorKind::*;
    check(b"", 1, Empty);
    check(b"\n  \n\t\n", 1, Empty);
    check(b"title\n\0\x01binary", 2, Binary);
    check(b"\xff\xfe\x00", 1, NotUtf8);
    check(
        "第一行\n第二行\n"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xe4, 0xb8])
            .collect::<Vec<_>>()
            .as_slice(),
        3,
        NotUtf8,
    );
    check("只有一段文字。\n\n另一段。\n".as_bytes(), 1, NoTitles);
    check("□本报记者 宋爽\n\n正文。\n".as_bytes(), 1, MissingTitle);
    check(
        "开头一段。\n\n标题\n\n□本报记者 宋爽\n\n正文。\n".as_bytes(),
        1,
        StrayText("开头一段。".into()),
    );
    check("标题\n\n□本报记者 宋爽\n".as_bytes(), 3, EmptyArticle);
    check("丁根厚 摄\n".as_bytes(), 1, MissingCaption);
    // Found by fuzzing: a byline or credit with no name broke the nothing-lost proof.
    check("题\n□\n⊥".as_bytes(), 2, EmptyByline);
    check("标题\n□本报记者\n正文。\n".as_bytes(), 2, EmptyByline);
    check(
        "标题\n说明文字。\n□本报记者 摄\n".as_bytes(),
        3,
        EmptyByline,
    );
    check(
        "题\n□本报记者 甲\n□本报记者 乙\n正文。\n".as_bytes(),
        3,
        SplitByline,
    );
    check(
        "题\n□本报记者 实习生 通讯员 曾令刚\n正文。\n".as_bytes(),
        2,
        UnknownByline("本报记者 实习生 通讯员 曾令刚".into()),
    );
    check(
        "题\n□本报记者 甲 本报记者 乙\n正文。\n".as_bytes(),
        2,
        UnknownByline("本报记者 甲 本报记者 乙".into()),
    );
    check(
        "标题\n说明文字。\n□本报讴者 杨柳 摄\n".as_bytes(),
        3,
        UnknownCreditLabel("本报讴者 杨柳".into()),
    );
    check(
        "标题\n说明文字。\n本报记者 杨柳 摄\n".as_bytes(),
        3,
        UnknownCreditLabel("本报记者 杨柳".into()),
    );
    check(
        "标题\n说明文字。\n丁根厚 摄\n多余的一段。\n".as_bytes(),
        4,
        StrayText("多余的一段。".into()),
    );
    check(
        "每周一学\n\n★一段话。\n\n(来源：共产党员网)\n".as_bytes(),
        3,
        QuotationWithoutAttribution,
    );
    check(
        "★一段话。\n——某天，某人说\n(来源：共产党员网)\n".as_bytes(),
        2,
        BadAttribution("某天，某人说".into()),
    );
    check(
        "★一段话。\n——2019年2月30日，习近平致信\n(来源：共产党员网)\n".as_bytes(),
        2,
        BadAttribution("2019年2月30日，习近平致信".into()),
    );
    check(
        "★一段话。\n——2019年1月2日，习近平致信\n".as_bytes(),
        2,
        MissingSource,
    );
    check(
        "标题\n□本报记者 宋爽\n正文。\n——2019年1月2日，习近平致信\n".as_bytes(),
        4,
        AttributionWithoutQuotation,
    );
    check(
        "标题\n□本报记者 宋爽\n正文。\n(来源：共产党员网)\n".as_bytes(),
        4,
        AttributionWithoutQuotation,
    );
}

#[test]
fn a_bad_page_id_is_refused() {
    let raw = "标题\n□本报记者 宋爽\n正文。\n";
    let options = ImportOptions {
        page_id: "Page One".to_string(),
        ..options()
    };
    let err = import(raw.as_bytes(), &options).unwrap_err();
    assert!(matches!(err.kind, ImportErrorKind::BadOption(_)), "{err}");
}

#[test]
fn bad_dates_are_refused_with_a_message() {
    fn check(text: &str, expected: Result<&str, &str>) {
        let got = parse_date(text)
            .map(|date| date.to_string())
            .map_err(|e| e.to_string());
        assert_eq!(
            got,
            expected.map(str::to_string).map_err(str::to_string),
            "{text:?}"
        );
    }
    check("2024-03-12", Ok("2024-03-12"));
    check("2024-02-29", Ok("2024-02-29"));
    check("2000-02-29", Ok("2000-02-29"));
    let refused = |text: &str| {
        format!("date `{text}` is not a real date written YYYY-MM-DD (e.g. 2024-03-12)")
    };
    for text in [
        "2024-13-01",
        "2024-02-30",
        "2023-02-29",
        "1900-02-29",
        "2024-04-31",
        "2024-00-10",
        "2024-03-00",
        "20240312",
        "",
        " ",
        "2024-3-12",
        "24-03-12",
        "2024/03/12",
        "2024-03-12 ",
        "2024-03-12-01",
        "2024-+3-12",
        "+024-03-12",
        "2024年3月12日",
        "２０２４-０３-１２",
    ] {
        check(text, Err(&refused(text)));
    }
}

#[test]
fn blank_issues_are_refused_with_a_message() {
    fn check(text: &str, expected: Result<&str, &str>) {
        let got = parse_issue(text).map_err(|e| e.to_string());
        assert_eq!(
            got,
            expected.map(str::to_string).map_err(str::to_string),
            "{text:?}"
        );
    }
    check("第9期", Ok("第9期"));
    check("  第10期\t", Ok("第10期"));
    check("总第1234期", Ok("总第1234期"));
    let blank = "the issue number is empty; give it as printed (e.g. 第9期)";
    check("", Err(blank));
    check("   ", Err(blank));
    check("\u{3000}", Err(blank));
    check(
        "第9\n期",
        Err("issue number «第9\\n期» is not one line of text"),
    );
}

#[test]
fn a_blank_issue_set_in_the_options_is_refused_by_the_import() {
    let raw = "标题\n□本报记者 宋爽\n正文。\n";
    let options = ImportOptions {
        issue: Some(" ".to_string()),
        ..options()
    };
    let err = import(raw.as_bytes(), &options).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1: the issue number is empty; give it as printed (e.g. 第9期)"
    );
}

#[test]
fn a_minimal_page_imports() {
    let raw =
        "学思践悟\n标题一\n□本报记者 宋爽 通讯员 祁雯\n第一段，被版面\n\n切开了。\n第二段。\n";
    let imported = import(raw.as_bytes(), &options()).unwrap();
    let item = &imported.page.items[0];
    assert_eq!(item.column.as_deref(), Some("学思践悟"));
    assert_eq!(item.paragraphs[0].text, "第一段，被版面切开了。");
    assert_eq!(imported.report.joins[0].lines, [4, 6]);
    assert_eq!(item.byline_text(), "本报记者 宋爽 通讯员 祁雯");
}

#[test]
fn messages_name_the_line_and_the_problem() {
    let err = import("□本报记者 宋爽\n正文。\n".as_bytes(), &options()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1: a byline or credit without a title line above it"
    );
}

#[test]
fn no_truncation_or_corruption_of_the_seed_panics() {
    let lines: Vec<&str> = SEED.lines().collect();
    for n in (0..=lines.len()).step_by(3) {
        let _ = import(lines[..n].join("\n").as_bytes(), &options());
        let _ = import(lines[n..].join("\n").as_bytes(), &options());
    }
    let bytes = SEED.as_bytes();
    for cut in (0..bytes.len()).step_by(331) {
        let _ = import(&bytes[..cut], &options());
        let mut corrupted = bytes.to_vec();
        corrupted[cut] ^= 0x5a;
        let _ = import(&corrupted, &options());
    }
}
