//! 学习单: a printable A4 study sheet for branch study sessions (三会一课): the page's
//! quotations with key phrases blanked, a set of questions, and the answer key on a page
//! of its own.

use yew::prelude::*;

use crate::ui::components::question_view::answer_text;
use crate::ui::library::use_library;
use crate::ui::platform;
use xuexi_core::content::{ItemKind, Page};
use xuexi_core::quiz::{right_answer, Bank, Question, QuestionKind};
use xuexi_core::recite::{exercise, Level, Segment};

/// How many questions the sheet takes from each item.
const QUESTIONS_PER_ITEM: usize = 2;

#[derive(Properties, PartialEq)]
pub struct SheetProps {
    pub page: &'static Page,
}

#[function_component(Sheet)]
pub fn sheet(props: &SheetProps) -> Html {
    let page = props.page;
    let quotations: Vec<_> = page
        .items
        .iter()
        .filter(|i| i.kind == ItemKind::Quotations)
        .flat_map(|i| i.quotations.iter())
        .collect();
    let library = use_library();
    let questions = sheet_questions(page, library.library().bank(&page.id));
    let onprint = Callback::from(|_| platform::print());
    let mut n_blank = 0;
    html! {
        <section class="sheet" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ format!("学习单 · {}", page.title) }</h2>
            <p class="no-print"><button type="button" class="button primary" id="print-button" onclick={onprint}>{ "打印学习单" }</button></p>
            <p class="sheet-fields">{ "姓名：＿＿＿＿＿＿　支部：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿" }</p>
            <h3>{ "一、每周一学填空" }</h3>
            <ol class="sheet-quotations">
                { for quotations.iter().map(|q| {
                    let segments = exercise(&q.text, Level::Blanks).map(|e| e.segments).unwrap_or_default();
                    html! {
                        <li>
                            <p>
                                { for segments.iter().map(|segment| match segment {
                                    Segment::Text(text) => html! { { text.clone() } },
                                    Segment::Blank { answer, .. } => {
                                        n_blank += 1;
                                        html! { <span class="sheet-blank">{ format!("（{}）{}", n_blank, "＿".repeat(answer.chars().count().max(2))) }</span> }
                                    }
                                }) }
                            </p>
                            <p class="attribution">{ format!("——{}，{}{}", q.date.chinese(), q.speaker, q.occasion) }</p>
                        </li>
                    }
                }) }
            </ol>
            <h3>{ "二、测验题" }</h3>
            <ol class="sheet-questions">
                { for questions.iter().map(|q| html! { <li>{ sheet_question(q) }</li> }) }
            </ol>
            <section class="answer-key" aria-labelledby="answer-key-title">
                <h3 id="answer-key-title">{ "答案" }</h3>
                <h4>{ "一、每周一学填空" }</h4>
                <ol class="key-blanks">
                    { for quotations.iter().flat_map(|q| exercise(&q.text, Level::Blanks).map(|e| e.answers().into_iter().map(str::to_string).collect::<Vec<_>>()).unwrap_or_default())
                        .map(|answer| html! { <li>{ answer }</li> }) }
                </ol>
                <h4>{ "二、测验题" }</h4>
                <ol class="key-questions">
                    { for questions.iter().map(|q| html! { <li>{ key_answer(q) }</li> }) }
                </ol>
            </section>
        </section>
    }
}

/// The questions on the sheet: the first few of each item, in page order.
fn sheet_questions(page: &'static Page, bank: Option<&'static Bank>) -> Vec<&'static Question> {
    let Some(bank) = bank else {
        return Vec::new();
    };
    page.items
        .iter()
        .flat_map(|item| {
            bank.item_questions(&item.id)
                .take(QUESTIONS_PER_ITEM)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn sheet_question(question: &Question) -> Html {
    let letters = |options: &[xuexi_core::quiz::Choice]| -> Html {
        html! {
            <ol class="sheet-options">
                { for options.iter().enumerate().map(|(i, o)| html! {
                    <li>{ format!("{}. {}", letter(i), o.text) }</li>
                }) }
            </ol>
        }
    };
    let (label, body) = match &question.kind {
        QuestionKind::Single { options } => ("（单选）", letters(options)),
        QuestionKind::Multiple { options } => ("（多选）", letters(options)),
        QuestionKind::TrueFalse { .. } => ("（判断对错）", html! {}),
        QuestionKind::Blank { .. } => ("（填空）", html! {}),
        QuestionKind::Order { fragments } => (
            "（排序，写出正确顺序）",
            html! {
                <ol class="sheet-options">
                    { for shown_order(fragments.len()).into_iter().enumerate().map(|(i, f)| html! {
                        <li>{ format!("{}. {}", letter(i), fragments[f]) }</li>
                    }) }
                </ol>
            },
        ),
    };
    let prompt = match question.prompt_around_gap() {
        Some((before, after)) => format!("{before}＿＿＿＿＿＿{after}"),
        None => question.prompt.to_string(),
    };
    html! { <><p>{ format!("{prompt}{label}") }</p>{ body }</> }
}

/// The printed order of an ordering's fragments: turned by one place, so never already
/// in the right order.
fn shown_order(n: usize) -> Vec<usize> {
    (1..n).chain((n > 0).then_some(0)).collect()
}

fn letter(i: usize) -> char {
    char::from(b'A' + i as u8)
}

/// A question's answer as printed in the key: option letters, 对/错, the blank's word, or
/// the fragments' letters in the right order.
fn key_answer(question: &Question) -> String {
    match &question.kind {
        QuestionKind::Single { options } | QuestionKind::Multiple { options } => {
            let letters: String = options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .map(|(i, _)| letter(i))
                .collect();
            format!(
                "{letters}（{}）",
                answer_text(question, &right_answer(question))
            )
        }
        QuestionKind::Order { fragments } => {
            let shown = shown_order(fragments.len());
            (0..fragments.len())
                .filter_map(|f| shown.iter().position(|&s| s == f).map(letter))
                .collect()
        }
        _ => answer_text(question, &right_answer(question)),
    }
}
