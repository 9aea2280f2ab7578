//! 提交答案 and the verdict that replaces it once the answer is checked: the two are
//! elements of their own (keyed by the quiz page), so the button pressed to check never
//! turns into 下一题 under the reader's finger.

use yew::prelude::*;

use crate::ui::components::question_view::{answer_text, source_route};
use crate::ui::nav::Link;
use xuexi_core::content::Page;
use xuexi_core::quiz::{right_answer, Question, QuestionKind};

/// What a reader must do before 提交答案 can check anything.
fn why_not_yet(question: &Question) -> &'static str {
    match question.kind {
        QuestionKind::Multiple { .. } => "请先选出答案（可以选几项），再点「提交答案」。",
        QuestionKind::Blank { .. } => "请先在横线处填上答案，再点「提交答案」。",
        _ => "请先选一个答案，再点「提交答案」。",
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckButtonProps {
    pub question: &'static Question,
    /// Whether there is an answer to check.
    pub enabled: bool,
    pub oncheck: Callback<()>,
}

/// 提交答案: before there is an answer it stays tappable (`aria-disabled`, not `disabled`),
/// and a tap says what is missing instead of doing nothing.
#[function_component(CheckButton)]
pub fn check_button(props: &CheckButtonProps) -> Html {
    let asked = use_state(|| false);
    let onclick = {
        let (asked, oncheck, enabled) = (asked.clone(), props.oncheck.clone(), props.enabled);
        Callback::from(move |_: MouseEvent| {
            if enabled {
                oncheck.emit(());
            } else {
                asked.set(true);
            }
        })
    };
    html! {
        <>
            <button type="button" class="button primary" id="quiz-check" aria-disabled={(!props.enabled).to_string()}
                aria-describedby={(*asked && !props.enabled).then_some("check-why")} {onclick}>{ "提交答案" }</button>
            if *asked && !props.enabled {
                <p class="hint check-why" id="check-why" role="alert">{ why_not_yet(props.question) }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub page: &'static Page,
    pub question: &'static Question,
    pub correct: bool,
    /// Whether this was the last question: the button then says 查看成绩.
    pub is_last: bool,
    pub onnext: Callback<MouseEvent>,
}

/// The verdict with 下一题 (or 查看成绩) right beside or under it, so both fit on one screen
/// at any text size; then the right answer, the explanation and 查看原文.
#[function_component(Feedback)]
pub fn feedback(props: &FeedbackProps) -> Html {
    let (question, correct) = (props.question, props.correct);
    let right = answer_text(question, &right_answer(question));
    html! {
        <div class={classes!("feedback", if correct { "right" } else { "wrong" })} role="status" id="feedback" tabindex="-1">
            <div class="feedback-head">
                <p class="verdict">{ if correct { "✔ 回答正确" } else { "✘ 回答错误" } }</p>
                <button type="button" class="button primary" id="quiz-next" onclick={props.onnext.clone()}>
                    { if props.is_last { "查看成绩" } else { "下一题" } }
                </button>
            </div>
            if !correct {
                <p>{ format!("正确答案：{right}") }</p>
            }
            <p class="explanation">{ format!("讲解：{}", question.explanation.as_str()) }</p>
            <p><Link to={source_route(props.page, question)} class="button">{ "查看原文" }</Link></p>
        </div>
    }
}
