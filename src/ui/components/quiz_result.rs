//! A finished quiz: the score and time, the 结果码 for the branch's group chat, 再测一次,
//! and a review of every question with the right answer, the explanation and 查看原文.

use yew::prelude::*;

use crate::ui::components::question_view::{answer_text, source_route};
use crate::ui::components::result_code::ResultCodeBox;
use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::route::{QuizTarget, Route};
use xuexi_core::content::Page;
use xuexi_core::quiz::{Action, Bank, QuizKind, QuizResult};

#[derive(Properties, PartialEq)]
pub struct QuizResultViewProps {
    pub page: &'static Page,
    pub bank: &'static Bank,
    pub result: QuizResult,
    /// Takes the session's actions: 再测一次 is a retry.
    pub apply: Callback<Vec<Action>>,
    pub kind: QuizKind,
    /// Whether a meeting's time limit ended the quiz.
    pub timed_out: bool,
}

/// The score and time, the 结果码, 再测一次, and every question reviewed (or only the wrong
/// ones) with the right answer, the explanation and 查看原文.
#[function_component(QuizResultView)]
pub fn quiz_result_view(props: &QuizResultViewProps) -> Html {
    let only_wrong = use_state(|| false);
    let result = &props.result;
    let seconds = result.time_ms / 1000;
    let onretry = {
        let apply = props.apply.clone();
        Callback::from(move |_| {
            apply.emit(vec![Action::Retry {
                seed: platform::random_seed(),
                now_ms: platform::now_ms(),
            }]);
        })
    };
    let ontoggle = {
        let only_wrong = only_wrong.clone();
        Callback::from(move |_| only_wrong.set(!*only_wrong))
    };
    let n_wrong = result.review.iter().filter(|r| !r.correct).count();
    html! {
        <div class="quiz-result">
            <p class="score" id="quiz-score" tabindex="-1">
                <span>{ format!("得分 {} / {}", result.score, result.total) }</span>
                <span>{ format!("（{}%）", result.percent) }</span>
            </p>
            if props.timed_out {
                <p class="notice" id="time-up">{ "时间到，已自动交卷：没答的题算答错。" }</p>
            }
            <p class="hint">{ format!("用时 {} 分 {} 秒。{}", seconds / 60, seconds % 60, if n_wrong == 0 {
                "全部答对！这是自测，不评及格。".to_string()
            } else {
                format!("这是自测，不评及格；答错的 {n_wrong} 题已记入错题本。")
            }) }</p>
            <ResultCodeBox bank={props.bank} kind={props.kind.clone()} result={result.clone()} />
            <div class="tool-row">
                <button type="button" class="button primary" id="quiz-retry" onclick={onretry}>{ "再测一次" }</button>
                if n_wrong > 0 {
                    <button type="button" class="button" aria-pressed={only_wrong.to_string()} onclick={ontoggle}>{ "只看答错的题" }</button>
                    <Link to={Route::Quiz { page: props.page.id.to_string(), quiz: QuizTarget::Mistakes }} class="button">{ "去错题本" }</Link>
                }
            </div>
            <h3>{ "逐题回顾" }</h3>
            <ol class="review">
                { for result.review.iter().filter(|r| !*only_wrong || !r.correct).filter_map(|review| {
                    let question = props.bank.question(&review.question)?;
                    let given = review.answer.as_ref().map(|a| answer_text(question, a)).unwrap_or_default();
                    Some(html! {
                        <li class={classes!("review-item", if review.correct { "right" } else { "wrong" })}>
                            <p class="question-prompt">{ question.prompt.as_str() }</p>
                            <p>{ format!("{}你的答案：{given}", if review.correct { "✔ " } else { "✘ " }) }</p>
                            if !review.correct {
                                <p>{ format!("正确答案：{}", answer_text(question, &review.right_answer)) }</p>
                            }
                            <p class="explanation">{ question.explanation.as_str() }</p>
                            <p><Link to={source_route(props.page, question)}>{ "查看原文" }</Link></p>
                        </li>
                    })
                }) }
            </ol>
            <p><Link to={Route::Home} class="button">{ "返回本期" }</Link></p>
        </div>
    }
}
