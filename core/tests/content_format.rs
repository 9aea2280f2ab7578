//! The content-file format: the committed files read back, round-trip exactly, and every malformed file gets `line: what is wrong`.

use xuexi_core::content::format::{self, FormatError, FormatErrorKind};

mod common;
use common::PAGE_FILE as CONTENT_FILE;

fn check(text: &str, line: usize, kind: FormatErrorKind) {
    assert_eq!(
        format::parse(text),
        Err(FormatError { line, kind }),
        "{text}"
    );
}

const ARTICLE: &str = "# 本期学习\nid: 001\n\n## article a-1\ntitle: 标题\nbyline: reporter | 本报记者 | 宋爽\n\np1: 正文。\n";

#[test]
fn committed_files_round_trip() {
    let page = format::parse(CONTENT_FILE).unwrap();
    assert_eq!(format::write(&page), CONTENT_FILE);
    assert_eq!(
        format::parse(ARTICLE).map(|p| format::write(&p)),
        Ok(ARTICLE.to_string())
    );
}

#[test]
fn malformed_files_are_reported_with_their_line() {
    use FormatErrorKind::*;
    let with = |extra: &str| format!("{ARTICLE}{extra}");
    check("", 1, MissingPageTitle);
    check("本期学习\nid: 001\n", 1, MissingPageTitle);
    check("# 本期学习\n", 1, MissingField("id"));
    check("# 本期学习\nid: 001\n", 2, NoItems);
    check(
        "# 本期学习\nid: 001\ncolour: red\n",
        3,
        UnknownKey("colour".into()),
    );
    check(
        "# 本期学习\nid: 001\nid: 002\n",
        3,
        RepeatedKey("id".into()),
    );
    check("# 本期学习\nid: Page 1\n", 2, BadId("Page 1".into()));
    check(
        "# 本期学习\nid: 001\ndate: 2024-02-30\n",
        3,
        BadDate("2024-02-30".into()),
    );
    check(
        "# 本期学习\nid: 001\n\n## poem x-1\n",
        4,
        UnknownKind("poem".into()),
    );
    check(
        "# 本期学习\nid: 001\n\n## article A_1\n",
        4,
        BadId("A_1".into()),
    );
    check(
        "# 本期学习\nid: 001\n\n## article a-1\ntitle: 标题\n",
        4,
        WrongContent("an article or photo news item needs paragraphs"),
    );
    check(
        "# 本期学习\nid: 001\n\n## article a-1\n\np1: 正文。\n",
        4,
        MissingField("title"),
    );
    check(
        &with("\n## article a-1\ntitle: 又一篇\n\np1: 正文。\n"),
        10,
        DuplicateId("a-1".into()),
    );
    check(&with("p1: 重复的段落。\n"), 9, DuplicateId("p1".into()));
    check(
        &with("title: 段落后的字段\n"),
        9,
        UnknownKey("title".into()),
    );
    check(&with("随便一行\n"), 9, UnexpectedLine);
    check(
        &ARTICLE.replace("title: 标题", "title: 标题 "),
        5,
        BadValue("title".into()),
    );
    check(
        &ARTICLE.replace("reporter |", "editor |"),
        6,
        BadByline("editor | 本报记者 | 宋爽".into()),
    );
    check(
        &ARTICLE.replace("title: 标题", "title: 标题\ntitle: 二"),
        6,
        RepeatedKey("title".into()),
    );
    check(
        &ARTICLE.replace("## article", "## quotations"),
        8,
        WrongContent("a quotations item holds `qN:` quotations, not paragraphs"),
    );
    check(
        &ARTICLE.replace("p1:", "q1:"),
        8,
        WrongContent("only a quotations item holds `qN:` quotations"),
    );
    let quotations = "# 本期学习\nid: 001\n\n## quotations q-1\nsource: 共产党员网\n\nq1: 一段话。\nspeaker: 习近平\noccasion: 致信\n";
    check(quotations, 7, MissingField("date"));
    check(
        &quotations.replace("speaker", "date: 2019-13-01\nspeaker"),
        8,
        BadDate("2019-13-01".into()),
    );
    let dated = quotations.replace("speaker", "date: 2019-01-02\nspeaker");
    assert!(format::parse(&dated).is_ok());
    check(
        &dated.replace("source: 共产党员网\n", ""),
        4,
        MissingField("source"),
    );
}

#[test]
fn build_errors_name_the_file_and_line() {
    let err = format::parse("# 本期学习\nid: 001\ncolour: red\n").unwrap_err();
    assert_eq!(
        err.located("assets/content/001/page.md"),
        "assets/content/001/page.md:3: unknown field `colour` here"
    );
}
