//! Grading: each question type against many short answers, blanks tolerant of width,
//! spaces and punctuation, multiple choice all-or-nothing, orderings exact.

use xuexi_core::content::format as page_format;
use xuexi_core::quiz::bank::format;
use xuexi_core::quiz::grade::fits;
use xuexi_core::quiz::{grade, right_answer, Answer, Bank};

mod common;
use common::PAGE_FILE;

/// One question of each type, grounded in the committed page.
const BANK: &str = "# 测验
page: 000

## s-1 single a-e0uy
prompt: 保安村哪一年成立合作社？
source: 自2020年成立合作社以来
right: 2020年
wrong: 2019年
wrong: 2021年
explanation: 原文：自2020年成立合作社以来

## m-1 multiple p-h3lr
prompt: 实现更多事项怎样办理？
source: 实现更多事项“网上办”“掌上办”“自助办”。
right: 网上办
wrong: 上门办
right: 掌上办
right: 自助办
explanation: 原文：实现更多事项“网上办”“掌上办”“自助办”。

## t-1 truefalse a-e0uy
prompt: 合作社每亩收取200元的作业费用。
source: 合作社只收取每亩20元的作业费用。
answer: 错
explanation: 原文：合作社只收取每亩20元的作业费用。

## b-1 blank a-byfe
prompt: 落实社区工作事务、机构牌子“____”。
source: 落实社区工作事务、机构牌子“准入制”
answer: 准入制
accept: 机构牌子准入制
explanation: 原文：落实社区工作事务、机构牌子“准入制”

## b-2 blank a-e0uy
prompt: 今年，该村又有____户农户入股。
source: 今年，该村又有94户农户以自家土地作为股份，入股村党支部成立的保安村股份经济合作社。
answer: 94
accept: 94户
explanation: 原文：今年，该村又有94户农户以自家土地作为股份，入股村党支部成立的保安村股份经济合作社。

## b-3 blank a-kp5g
prompt: 增强“____”的劲头。
source: 增强“想干事”的劲头、提升“会干事”的能力、拓宽“干成事”的本领
answer: 想干事
explanation: 原文：增强“想干事”的劲头、提升“会干事”的能力、拓宽“干成事”的本领

## o-1 order a-i5x2
prompt: 四步工作法是哪四步？
source: 赛罕区建立了“议、办、督、评”四步工作法
order: 议
order: 办
order: 督
order: 评
explanation: 原文：赛罕区建立了“议、办、督、评”四步工作法
";

fn bank() -> Bank {
    format::parse(BANK, &page_format::parse(PAGE_FILE).unwrap()).unwrap()
}

fn check(question: &str, answer: Answer, expected: bool) {
    let bank = bank();
    let question = bank.question(question).unwrap();
    assert_eq!(
        grade(question, &answer),
        expected,
        "{} ← {answer:?}",
        question.id
    );
}

fn text(typed: &str) -> Answer {
    Answer::Text(typed.to_string())
}

#[test]
fn single_choice_is_right_only_with_the_one_right_option() {
    check("s-1", Answer::Choices(vec![0]), true);
    check("s-1", Answer::Choices(vec![1]), false);
    check("s-1", Answer::Choices(vec![2]), false);
    check("s-1", Answer::Choices(vec![0, 1]), false);
    check("s-1", Answer::Choices(vec![]), false);
    check("s-1", Answer::Choices(vec![9]), false);
    check("s-1", Answer::TrueFalse(true), false);
}

#[test]
fn multiple_choice_is_all_or_nothing() {
    check("m-1", Answer::Choices(vec![0, 2, 3]), true);
    check("m-1", Answer::Choices(vec![3, 0, 2]), true);
    check("m-1", Answer::Choices(vec![0, 2]), false);
    check("m-1", Answer::Choices(vec![0]), false);
    check("m-1", Answer::Choices(vec![0, 1, 2, 3]), false);
    check("m-1", Answer::Choices(vec![0, 0, 2, 3]), false);
    check("m-1", Answer::Choices(vec![1]), false);
    check("m-1", Answer::Choices(vec![]), false);
    check("m-1", Answer::Order(vec![0, 2, 3]), false);
}

#[test]
fn true_false_matches_the_statement() {
    check("t-1", Answer::TrueFalse(false), true);
    check("t-1", Answer::TrueFalse(true), false);
    check("t-1", text("错"), false);
}

#[test]
fn blanks_ignore_width_spaces_and_punctuation() {
    check("b-1", text("准入制"), true);
    check("b-1", text("“准入制”"), true);
    check("b-1", text(" 准入 制 "), true);
    check("b-1", text("准入制。"), true);
    check("b-1", text("\u{3000}准入制\u{3000}"), true);
    check("b-1", text("机构牌子准入制"), true);
    check("b-1", text("机构牌子，“准入制”"), true);
    check("b-1", text("准入"), false);
    check("b-1", text("准出制"), false);
    check("b-1", text(""), false);
    check("b-1", text("，。"), false);
    check("b-2", text("94"), true);
    check("b-2", text("９４"), true);
    check("b-2", text("94户"), true);
    check("b-2", text("９４户。"), true);
    check("b-2", text("49"), false);
    check("b-2", text("九十四"), false);
    check("b-3", text("想干事"), true);
    check("b-3", text("‘想干事’"), true);
    check("b-3", text("想 干 事！"), true);
    check("b-3", text("会干事"), false);
    check("b-3", Answer::Choices(vec![0]), false);
}

#[test]
fn orderings_must_be_exact() {
    check("o-1", Answer::Order(vec![0, 1, 2, 3]), true);
    check("o-1", Answer::Order(vec![1, 0, 2, 3]), false);
    check("o-1", Answer::Order(vec![0, 1, 3, 2]), false);
    check("o-1", Answer::Order(vec![3, 2, 1, 0]), false);
    check("o-1", Answer::Order(vec![0, 1, 2]), false);
    check("o-1", Answer::Order(vec![0, 1, 2, 3, 4]), false);
    check("o-1", Answer::Choices(vec![0, 1, 2, 3]), false);
}

#[test]
fn the_right_answer_grades_right() {
    let bank = bank();
    let expected = [
        ("s-1", Answer::Choices(vec![0])),
        ("m-1", Answer::Choices(vec![0, 2, 3])),
        ("t-1", Answer::TrueFalse(false)),
        ("b-1", text("准入制")),
        ("b-2", text("94")),
        ("b-3", text("想干事")),
        ("o-1", Answer::Order(vec![0, 1, 2, 3])),
    ];
    for (id, answer) in expected {
        let question = bank.question(id).unwrap();
        assert_eq!(right_answer(question), answer, "{id}");
        assert!(grade(question, &answer), "{id}");
        assert!(fits(question, &answer), "{id}");
    }
}

#[test]
fn well_formed_answers_fit_their_question() {
    let bank = bank();
    let check_fits = |id: &str, answer: Answer, expected: bool| {
        let question = bank.question(id).unwrap();
        assert_eq!(fits(question, &answer), expected, "{id} ← {answer:?}");
    };
    check_fits("s-1", Answer::Choices(vec![1]), true);
    check_fits("s-1", Answer::Choices(vec![3]), false);
    check_fits("s-1", Answer::Choices(vec![0, 1]), false);
    check_fits("m-1", Answer::Choices(vec![1]), true);
    check_fits("m-1", Answer::Choices(vec![1, 1]), false);
    check_fits("m-1", Answer::Choices(vec![4]), false);
    check_fits("m-1", Answer::Choices(vec![]), false);
    check_fits("t-1", Answer::TrueFalse(true), true);
    check_fits("b-1", text("不知道"), true);
    check_fits("b-1", text("  "), false);
    check_fits("o-1", Answer::Order(vec![3, 2, 1, 0]), true);
    check_fits("o-1", Answer::Order(vec![0, 0, 1, 2]), false);
    check_fits("o-1", Answer::Order(vec![0, 1, 2]), false);
    check_fits("o-1", Answer::TrueFalse(true), false);
}
