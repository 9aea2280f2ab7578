//! The question bank: the committed bank is grounded in its page, meets the per-item
//! minimums, round-trips; every malformed bank gets
//! `line: what is wrong`.

use std::collections::{HashMap, HashSet};

use xuexi_core::content::{format as page_format, ItemKind, Page};
use xuexi_core::quiz::bank::format::{self, BankError, BankErrorKind};
use xuexi_core::quiz::bank::model::attribution;
use xuexi_core::quiz::{Anchor, Bank, QuestionKind};

mod common;
use common::{BANK_FILE, PAGE_FILE};

fn page() -> Page {
    page_format::parse(PAGE_FILE).unwrap()
}

fn committed_bank() -> Bank {
    format::parse(BANK_FILE, &page()).unwrap_or_else(|e| panic!("{}", e.located("quiz.md")))
}

fn check(text: &str, line: usize, kind: BankErrorKind) {
    assert_eq!(
        format::parse(text, &page()).map(|_| ()),
        Err(BankError { line, kind }),
        "{text}"
    );
}

/// A valid bank of one single-choice question; its lines are numbered in the comments
/// the cases below rely on.
const SINGLE: &str = "# 测验\npage: 000\n\n## t-1 single a-e0uy\nprompt: 保安村哪一年成立合作社？\nsource: 自2020年成立合作社以来\nright: 2020年\nwrong: 2019年\nexplanation: 原文：自2020年成立合作社以来\n";
//                     1       2          3  4                       5                            6                                  7              8              9

fn question(kind: &str, item: &str, source: &str, fields: &str) -> String {
    format!(
        "# 测验\npage: 000\n\n## t-1 {kind} {item}\nprompt: 问题____？\nsource: {source}\n{fields}explanation: 原文：{source}\n"
    )
}

#[test]
fn committed_bank_is_grounded_in_its_page() {
    let page = page();
    let bank = committed_bank();
    assert_eq!(bank.page, page.id);
    for question in bank.questions.iter() {
        let item = page.item(&question.item).unwrap();
        assert!(
            question.id.starts_with(&format!("{}-", question.item)),
            "{}: ids are `<item>-<n>`",
            question.id
        );
        let place: String = match &question.anchor {
            Anchor::Title => item.title.as_deref().unwrap().to_string(),
            Anchor::Deck => item.deck.as_deref().unwrap().to_string(),
            Anchor::Paragraph(id) => item.paragraph(id).unwrap().text.to_string(),
            Anchor::Quotation(id) => item.quotation(id).unwrap().text.to_string(),
            Anchor::Attribution(id) => attribution(item.quotation(id).unwrap()),
        };
        assert!(place.contains(question.source.as_str()), "{}", question.id);
        assert!(!question.explanation.is_empty());
    }
}

#[test]
fn committed_bank_meets_the_minimums_per_item_and_type() {
    let page = page();
    let bank = committed_bank();
    for item in page.items.iter() {
        let n_questions = bank.item_questions(&item.id).count();
        let minimum = match item.kind {
            ItemKind::Article => 6,
            ItemKind::PhotoNews => 2,
            ItemKind::Quotations => 3 * item.quotations.len(),
        };
        assert!(
            n_questions >= minimum,
            "{}: {n_questions} < {minimum}",
            item.id
        );
        for quotation in item.quotations.iter() {
            let about_it = bank
                .item_questions(&item.id)
                .filter(|q| q.anchor.part_id() == Some(&quotation.id))
                .count();
            assert!(
                about_it >= 3,
                "{} {}: {about_it} questions",
                item.id,
                quotation.id
            );
        }
    }
    let mut per_type: HashMap<&str, usize> = HashMap::new();
    for question in bank.questions.iter() {
        *per_type.entry(question.kind.keyword()).or_default() += 1;
    }
    for kind in ["single", "multiple", "truefalse", "blank", "order"] {
        assert!(
            per_type.get(kind).copied().unwrap_or_default() >= 5,
            "{kind}: {per_type:?}"
        );
    }
    assert!(bank.questions.len() >= 49);
}

#[test]
fn committed_bank_round_trips_with_unique_ids() {
    let bank = committed_bank();
    assert_eq!(format::write(&bank), BANK_FILE);
    let ids: HashSet<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), bank.questions.len());
}

#[test]
fn committed_orderings_and_blanks_are_well_formed() {
    for question in committed_bank().questions.iter() {
        match &question.kind {
            QuestionKind::Order { fragments } => assert!((3..=5).contains(&fragments.len())),
            QuestionKind::Blank { .. } => {
                let (before, after) = question.prompt_around_gap().unwrap();
                assert!(!before.contains("____") && !after.contains("____"));
            }
            _ => assert!(question.prompt_around_gap().is_none()),
        }
    }
}

#[test]
fn anchors_name_the_paragraph_or_quotation() {
    let bank = committed_bank();
    let anchor = |id: &str| bank.question(id).unwrap().anchor.clone();
    assert_eq!(anchor("a-i5x2-5"), Anchor::Paragraph("p7".into()));
    assert_eq!(anchor("q-6sst-4"), Anchor::Quotation("q2".into()));
    assert_eq!(anchor("q-6sst-2"), Anchor::Attribution("q1".into()));
    assert_eq!(anchor("q-6sst-2").part_id(), Some("q1"));
    assert!(anchor("q-6sst-2").is_quotation() && !anchor("a-i5x2-5").is_quotation());
}

#[test]
fn sources_may_stand_in_titles_decks_and_attributions() {
    let page = page();
    let parse = |kind: &str, item: &str, source: &str, fields: &str| {
        format::parse(&question(kind, item, source, fields), &page)
            .map(|bank| bank.questions[0].anchor.clone())
    };
    assert_eq!(
        parse(
            "truefalse",
            "a-byfe",
            "包袱卸下去 干劲鼓起来",
            "answer: 对\n"
        ),
        Ok(Anchor::Title)
    );
    assert_eq!(
        parse(
            "truefalse",
            "a-ljd1",
            "赤峰市评选出首批100个坚强堡垒示范支部",
            "answer: 对\n"
        ),
        Ok(Anchor::Deck)
    );
    assert_eq!(
        parse(
            "truefalse",
            "q-6sst",
            "2019年3月5日，习近平在参加",
            "answer: 对\n"
        ),
        Ok(Anchor::Attribution("q3".into()))
    );
    assert_eq!(
        parse(
            "blank",
            "q-6sst",
            "习近平为第五批全国干部学习培训教材所作的序言",
            "answer: 第五批\n"
        ),
        Ok(Anchor::Attribution("q2".into()))
    );
}

#[test]
fn r_near_duplicate_paragraph_is_refused_as_ambiguous() {
    // 北疆党旗红 repeats its p3 almost word for word as p7.
    let source = "“议、办、督、评”四步工作法";
    check(
        &question("truefalse", "a-i5x2", source, "answer: 对\n"),
        6,
        BankErrorKind::AmbiguousSource(vec!["p3".into(), "p7".into()]),
    );
    let unique = question(
        "truefalse",
        "a-i5x2",
        &format!("赛罕区建立了{source}"),
        "answer: 对\n",
    );
    assert!(format::parse(&unique, &page()).is_ok());
}

#[test]
fn malformed_headers_and_headings_are_reported_with_their_line() {
    use BankErrorKind::*;
    assert!(format::parse(SINGLE, &page()).is_ok());
    let with = |extra: &str| format!("{SINGLE}{extra}");
    check("", 1, MissingTitle);
    check("测验\npage: 000\n", 1, MissingTitle);
    check("# 测验\n", 1, MissingField("page"));
    check("# 测验\n\n## t-1 single a-e0uy\n", 1, MissingField("page"));
    check("# 测验\npage: 001\n", 2, WrongPage("001".into()));
    check(
        "# 测验\npage: 000\npage: 000\n",
        3,
        RepeatedKey("page".into()),
    );
    check("# 测验\nlevel: 1\n", 2, UnknownKey("level".into()));
    check("# 测验\npage: 000\n", 2, NoQuestions);
    check(
        &SINGLE.replace("## t-1 single a-e0uy", "## t-1 single"),
        4,
        BadHeading,
    );
    check(&SINGLE.replace("## t-1", "## T_1"), 4, BadId("T_1".into()));
    check(
        &SINGLE.replace("single", "choice"),
        4,
        UnknownType("choice".into()),
    );
    check(
        &SINGLE.replace("a-e0uy", "a-zzzz"),
        4,
        UnknownItem("a-zzzz".into()),
    );
    check(
        &with("\n## t-1 truefalse a-e0uy\n"),
        11,
        DuplicateId("t-1".into()),
    );
    check(&with("随便一行\n"), 10, UnexpectedLine);
    check(&with("hint: 想想看\n"), 10, UnknownKey("hint".into()));
    check(&with("prompt: 又一个\n"), 10, RepeatedKey("prompt".into()));
    check(
        &SINGLE.replace("prompt: 保安村", "prompt:  保安村"),
        5,
        BadValue("prompt".into()),
    );
    check(
        &with("order: 议\n"),
        10,
        FieldNotForType {
            key: "order".into(),
            kind: "single",
        },
    );
    check(
        &with("answer: 对\n"),
        10,
        FieldNotForType {
            key: "answer".into(),
            kind: "single",
        },
    );
}

#[test]
fn ungrounded_and_miscounted_questions_are_reported_with_their_line() {
    use BankErrorKind::*;
    let without = |line: &str| SINGLE.replace(line, "");
    check(
        &without("prompt: 保安村哪一年成立合作社？\n"),
        4,
        MissingField("prompt"),
    );
    check(
        &without("source: 自2020年成立合作社以来\n"),
        4,
        MissingField("source"),
    );
    check(
        &without("explanation: 原文：自2020年成立合作社以来\n"),
        4,
        MissingField("explanation"),
    );
    check(&SINGLE.replace("自2020年", "自2021年"), 6, SourceNotFound);
    check(&SINGLE.replace("a-e0uy", "a-byfe"), 6, SourceNotFound);
    // Verbatim: the page has full-width punctuation, so a half-width comma does not match.
    check(
        &question(
            "truefalse",
            "a-e0uy",
            "低了补差额,高了就分红",
            "answer: 对\n",
        ),
        6,
        SourceNotFound,
    );
    check(&without("wrong: 2019年\n"), 4, TooFewOptions(1));
    check(
        &SINGLE.replace("wrong: 2019年", "right: 2019年"),
        4,
        SingleNotOneRight(2),
    );
    check(
        &SINGLE.replace("right: 2020年", "wrong: 2020年"),
        4,
        SingleNotOneRight(0),
    );
    check(
        &SINGLE.replace("wrong: 2019年", "wrong: ２０２０年。"),
        8,
        DuplicateOption("２０２０年。".into()),
    );
    let multiple = SINGLE.replace("single", "multiple");
    check(&multiple, 4, MultipleTooFewRight(1));
    assert!(format::parse(&multiple.replace("wrong: 2019年", "right: 2019年"), &page()).is_ok());
}

#[test]
fn bad_true_false_blank_and_order_questions_are_reported_with_their_line() {
    use BankErrorKind::*;
    let source = "合作社只收取每亩20元的作业费用。";
    let true_false = |fields: &str| question("truefalse", "a-e0uy", source, fields);
    assert!(format::parse(&true_false("answer: 错\n"), &page()).is_ok());
    check(&true_false(""), 4, TrueFalseNotOneAnswer(0));
    check(
        &true_false("answer: 对\nanswer: 错\n"),
        8,
        TrueFalseNotOneAnswer(2),
    );
    check(&true_false("answer: 是\n"), 7, BadTrueFalse("是".into()));
    check(
        &true_false("right: 对\n"),
        7,
        FieldNotForType {
            key: "right".into(),
            kind: "truefalse",
        },
    );

    let blank = |fields: &str| question("blank", "a-e0uy", source, fields);
    assert!(format::parse(
        &blank("answer: 20\naccept: 每亩20元\naccept: ２０元\n"),
        &page()
    )
    .is_ok());
    check(&blank(""), 4, MissingField("answer"));
    check(&blank("answer: 200\n"), 7, AnswerNotInSource("200".into()));
    check(
        &blank("answer: 20\naccept: 二十元\n"),
        8,
        AnswerNotInSource("二十元".into()),
    );
    check(&blank("answer: 。\n"), 7, AnswerNotInSource("。".into()));
    check(
        &blank("answer: 20\nanswer: 20元\n"),
        8,
        RepeatedKey("answer".into()),
    );
    check(
        &blank("answer: 20\naccept: “20”\n"),
        8,
        DuplicateOption("“20”".into()),
    );
    check(
        &blank("answer: 20\n").replace("问题____？", "问题？"),
        5,
        GapCount(0),
    );
    check(
        &blank("answer: 20\n").replace("问题____？", "____问题____？"),
        5,
        GapCount(2),
    );

    let order_source = "保安村党支部积极探索“村级领办、群众入股、保底分红、示范引领”机制";
    let order = |fields: &str| question("order", "a-e0uy", order_source, fields);
    assert!(format::parse(
        &order("order: 村级领办\norder: 群众入股\norder: 保底分红\n"),
        &page()
    )
    .is_ok());
    check(
        &order("order: 村级领办\norder: 群众入股\n"),
        4,
        FragmentCount(2),
    );
    check(&order(&"order: 村\n".repeat(6)), 4, FragmentCount(6));
    check(
        &order("order: 村级领办\norder: 保底分红\norder: 群众入股\n"),
        9,
        FragmentOutOfOrder("群众入股".into()),
    );
    check(
        &order("order: 村级领办\norder: 群众入股\norder: 合作社\n"),
        9,
        FragmentOutOfOrder("合作社".into()),
    );
    check(
        &order("order: 村级领办\norder: 群众入股\norder: 村级领办\n"),
        9,
        DuplicateOption("村级领办".into()),
    );
}

#[test]
fn build_errors_name_the_file_and_line() {
    let err = format::parse(&SINGLE.replace("自2020年", "自2021年"), &page()).unwrap_err();
    assert_eq!(
        err.located("assets/content/000/quiz.md"),
        "assets/content/000/quiz.md:6: source sentence not found verbatim in the item"
    );
}

#[test]
fn quality_rules_apply_to_every_bank() {
    use xuexi_core::quiz::bank::checks::Check;
    use BankErrorKind::*;
    check(
        &SINGLE.replace(
            "explanation: 原文：自2020年成立合作社以来",
            "explanation: 原文如此。",
        ),
        4,
        Fails(Check::ExplanationQuotesSource, "原文如此。".into()),
    );
    check(
        &SINGLE.replace("保安村哪一年成立合作社？", "保安村2020年成立合作社了吗？"),
        4,
        Fails(Check::AnswerNotInPrompt, "2020年".into()),
    );
    check(
        &question(
            "blank",
            "a-e0uy",
            "自2020年成立合作社以来",
            "answer: 2020\n",
        )
        .replace("问题____？", "2020年成立合作社的是____？"),
        4,
        Fails(Check::AnswerNotInPrompt, "2020".into()),
    );
    check(
        &SINGLE.replace("wrong: 2019年", "wrong: 2019年前后"),
        4,
        Fails(Check::OptionsOfOneKind, "2019年前后".into()),
    );
    check(
        &SINGLE.replace("wrong: 2019年", "wrong: 《合作社章程》"),
        4,
        Fails(Check::OptionsOfOneKind, "《合作社章程》".into()),
    );
    let repeated = format!(
        "{SINGLE}{}",
        &SINGLE[SINGLE.find("\n## ").unwrap()..].replace("t-1", "t-2")
    );
    check(
        &repeated,
        12,
        Fails(Check::PromptNotRepeated, "保安村哪一年成立合作社？".into()),
    );
}

#[test]
fn a_drafted_bank_says_so_and_marks_what_a_person_reviewed() {
    use BankErrorKind::*;
    let drafted = SINGLE.replace("page: 000\n", "page: 000\ndrafted: draft-quiz\n");
    let bank = format::parse(&drafted, &page()).unwrap();
    assert_eq!(bank.drafted.as_deref(), Some("draft-quiz"));
    assert!(!bank.questions[0].reviewed && bank.is_unreviewed_draft());
    let reviewed = format!("{drafted}reviewed: yes\n");
    let bank = format::parse(&reviewed, &page()).unwrap();
    assert!(bank.questions[0].reviewed && !bank.is_unreviewed_draft());
    assert_eq!(format::write(&bank), reviewed);
    let hand_written = format::parse(SINGLE, &page()).unwrap();
    assert!(hand_written.drafted.is_none() && hand_written.questions[0].reviewed);
    assert_eq!(format::write(&hand_written), SINGLE);
    check(
        &format!("{drafted}reviewed: maybe\n"),
        11,
        BadReviewed("maybe".into()),
    );
    check(
        &format!("{drafted}reviewed: no\nreviewed: no\n"),
        12,
        RepeatedKey("reviewed".into()),
    );
    check(
        &drafted.replace("drafted: draft-quiz\n", "drafted: draft-quiz\ndrafted: x\n"),
        4,
        RepeatedKey("drafted".into()),
    );
}
