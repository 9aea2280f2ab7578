//! A self-test quiz (读后测, 每周一学, 综合测验, 错题本): asks each question, checks it on the
//! spot with the explanation and 查看原文, and ends with the score, the time and a review
//! of every question. The session is saved on every change, so a reload or a closed tab
//! resumes at the same question with the same answers. Everything is scored on the device.

use yew::prelude::*;

use crate::ui::components::drafted_label::DraftedLabel;
use crate::ui::components::question_view::{answer_text, QuestionView};
use crate::ui::library::use_library;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::use_progress;
use xuexi_core::content::Page;
use xuexi_core::progress::{question_key, Attempt, ProgressAction};
use xuexi_core::quiz::{Action, Answer, Bank, Phase, Question, QuizKind, QuizResult, QuizSession};

#[derive(Properties, PartialEq)]
pub struct QuizPageProps {
    pub page: &'static Page,
    pub quiz: QuizTarget,
}

#[function_component(QuizPage)]
pub fn quiz_page(props: &QuizPageProps) -> Html {
    let progress = use_progress();
    let handle = use_library();
    let library = handle.library();
    let key = props.quiz.progress_key(&props.page.id);
    let bank = library.bank(&props.page.id);
    let session = {
        let quiz = props.quiz.clone();
        use_state(move || fresh_before_progress(bank, &quiz))
    };
    // Where the reader's focus goes once the last action is on screen (see `focus_after`).
    let pending_focus = use_mut_ref(|| None::<&'static str>);
    {
        let pending_focus = pending_focus.clone();
        use_effect(move || {
            if let Some(id) = pending_focus.borrow_mut().take() {
                platform::focus(id);
            }
        });
    }
    {
        // Once progress is loaded: resume the saved session if it still fits the bank,
        // otherwise draw a new one.
        let (session, progress, key) = (session.clone(), progress.clone(), key.clone());
        let (page_id, quiz) = (props.page.id.to_string(), props.quiz.clone());
        use_effect_with((key.clone(), progress.loaded()), move |(_, loaded)| {
            if *loaded {
                if let Some(bank) = bank {
                    let saved = progress.progress().in_progress.get(&key).cloned();
                    let resumed = saved.filter(|s| s.validate(bank).is_ok());
                    let kind = quiz_kind(&quiz, &progress.progress().mistakes(&page_id));
                    session
                        .set(resumed.or_else(|| {
                            QuizSession::new(bank, kind, platform::random_seed()).ok()
                        }));
                }
            }
        });
    }
    let title = meta::quiz_name(library, &props.page.id, &props.quiz).unwrap_or_default();
    let Some(bank) = bank else {
        return html! { <section class="quiz"><h2 id="item-title">{ title }</h2><p>{ "本期没有题目。" }</p></section> };
    };
    let apply = {
        let (session, progress, key) = (session.clone(), progress.clone(), key.clone());
        let page_id = props.page.id.to_string();
        Callback::from(move |actions: Vec<Action>| {
            let Some(current) = (*session).clone() else {
                return;
            };
            let focus = actions.last().and_then(focus_after);
            let mut next = current.clone();
            for action in actions {
                next = next.apply(bank, action);
            }
            if next == current {
                return;
            }
            record_changes(&progress, bank, &page_id, &key, &current, &next);
            *pending_focus.borrow_mut() = focus;
            session.set(Some(next));
        })
    };
    let body = match &*session {
        None if props.quiz == QuizTarget::Mistakes => empty_mistakes(props.page),
        None => html! { <p class="hint">{ "正在准备题目……" }</p> },
        Some(session) => match session.phase {
            Phase::Ready => ready(session, &apply),
            Phase::Running => running(props.page, bank, session, &apply, &props.quiz),
            Phase::Finished => finished(props.page, bank, session, &apply),
        },
    };
    html! {
        <section class="quiz" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ title }</h2>
            <DraftedLabel bank={bank} />
            { body }
        </section>
    }
}

/// What the page shows before stored progress is read, and so what the build prerenders and
/// the app hydrates: a new quiz ready to start (the same count of questions as the one the
/// reader will get). 错题本 has none, since it asks the reader's own mistakes.
fn fresh_before_progress(bank: Option<&Bank>, quiz: &QuizTarget) -> Option<QuizSession> {
    if *quiz == QuizTarget::Mistakes {
        return None;
    }
    QuizSession::new(bank?, quiz_kind(quiz, &[]), 0).ok()
}

/// The element that shows what `action` did, to move the focus to: the question after
/// starting or going on, the verdict after checking (so a second Enter cannot skip it),
/// the score at the end. Answering leaves the focus on the control used.
fn focus_after(action: &Action) -> Option<&'static str> {
    match action {
        Action::Start { .. } | Action::Next | Action::Retry { .. } => Some("question"),
        Action::Check => Some("feedback"),
        Action::Finish { .. } => Some("quiz-score"),
        Action::Answer(_) => None,
    }
}

/// The quiz kind a route asks for; 错题本 asks the reader's current mistakes.
fn quiz_kind(quiz: &QuizTarget, mistakes: &[String]) -> QuizKind {
    match quiz {
        QuizTarget::Item(item) => QuizKind::Item { item: item.clone() },
        QuizTarget::Weekly => QuizKind::Weekly,
        QuizTarget::Mixed => QuizKind::Mixed,
        QuizTarget::Mistakes => QuizKind::Mistakes {
            questions: mistakes.to_vec(),
        },
    }
}

/// Saves what changed between two states of a session: the session itself, each newly
/// checked answer, the day studied, and at the end the attempt.
fn record_changes(
    progress: &crate::ui::store::ProgressHandle,
    bank: &Bank,
    page_id: &str,
    key: &str,
    before: &QuizSession,
    after: &QuizSession,
) {
    let newly_checked = after.slots.iter().enumerate().filter(|(i, slot)| {
        slot.correct.is_some() && before.slots.get(*i).is_none_or(|b| b.correct.is_none())
    });
    for (_, slot) in newly_checked {
        if let (Some(answer), Some(correct)) = (slot.answer.clone(), slot.correct) {
            progress.apply(ProgressAction::Answered {
                question: question_key(page_id, &slot.question),
                answer,
                correct,
                day: platform::today(),
            });
            progress.apply(ProgressAction::Studied(platform::today()));
        }
    }
    match (after.phase, after.result(bank)) {
        (Phase::Finished, Some(result)) if before.phase != Phase::Finished => {
            progress.apply(ProgressAction::Finished(attempt(key, &result)));
            // A finished quiz stays on screen; it is kept so a reload shows the result.
            progress.apply(ProgressAction::SaveQuiz {
                quiz: key.to_string(),
                session: Some(Box::new(after.clone())),
            });
        }
        _ => progress.apply(ProgressAction::SaveQuiz {
            quiz: key.to_string(),
            session: Some(Box::new(after.clone())),
        }),
    }
}

fn attempt(key: &str, result: &QuizResult) -> Attempt {
    Attempt {
        quiz: key.to_string(),
        score: result.score as u32,
        total: result.total as u32,
        percent: result.percent,
        time_ms: result.time_ms,
        finished_ms: platform::now_ms(),
    }
}

fn ready(session: &QuizSession, apply: &Callback<Vec<Action>>) -> Html {
    let onstart = {
        let apply = apply.clone();
        Callback::from(move |_| {
            apply.emit(vec![Action::Start {
                now_ms: platform::now_ms(),
            }])
        })
    };
    html! {
        <div class="quiz-intro">
            <p>{ format!("共 {} 题。每题答完即可看到对错和讲解，成绩只保存在本机。", session.slots.len()) }</p>
            <button type="button" class="button primary" id="quiz-start" onclick={onstart}>{ "开始答题" }</button>
        </div>
    }
}

fn running(
    page: &'static Page,
    bank: &'static Bank,
    session: &QuizSession,
    apply: &Callback<Vec<Action>>,
    quiz: &QuizTarget,
) -> Html {
    let (Some(slot), Some(question)) = (session.current_slot(), session.current_question(bank))
    else {
        return html! {};
    };
    let onanswer = {
        let apply = apply.clone();
        Callback::from(move |answer: Answer| apply.emit(vec![Action::Answer(answer)]))
    };
    let checked = slot.correct;
    // An ordering starts as shown; checking it as it stands is a real answer.
    let shown_order = Answer::Order(slot.order.clone());
    let oncheck = {
        let (apply, answer) = (apply.clone(), slot.answer.clone());
        let first = match (answer, &question.kind) {
            (None, xuexi_core::quiz::QuestionKind::Order { .. }) => {
                vec![Action::Answer(shown_order)]
            }
            _ => Vec::new(),
        };
        Callback::from(move |()| {
            let mut actions = first.clone();
            actions.push(Action::Check);
            apply.emit(actions);
        })
    };
    let onclickcheck = oncheck.reform(|_: MouseEvent| ());
    let is_last = session.current + 1 >= session.slots.len();
    let onnext = {
        let apply = apply.clone();
        Callback::from(move |_| {
            apply.emit(vec![if is_last {
                Action::Finish {
                    now_ms: platform::now_ms(),
                }
            } else {
                Action::Next
            }]);
        })
    };
    let can_check = slot.answer.as_ref().is_some_and(|a| !a.is_empty())
        || matches!(question.kind, xuexi_core::quiz::QuestionKind::Order { .. });
    let _ = quiz;
    html! {
        <div class="quiz-running">
            <QuestionView question={question} slot={slot.clone()} position={(session.current + 1, session.slots.len())} {onanswer} {oncheck} />
            // Two buttons of their own (keyed), so the one pressed to check never turns into
            // 下一题 under the reader's finger; the focus moves to the verdict meanwhile.
            { match checked {
                None => html! {
                    <button key="check" type="button" class="button primary" id="quiz-check" disabled={!can_check} onclick={onclickcheck}>{ "提交答案" }</button>
                },
                Some(correct) => html! {
                    <>
                        { feedback(page, question, correct) }
                        <button key="next" type="button" class="button primary" id="quiz-next" onclick={onnext}>
                            { if is_last { "查看成绩" } else { "下一题" } }
                        </button>
                    </>
                },
            } }
        </div>
    }
}

fn feedback(page: &'static Page, question: &'static Question, correct: bool) -> Html {
    let right = answer_text(question, &xuexi_core::quiz::right_answer(question));
    html! {
        <div class={classes!("feedback", if correct { "right" } else { "wrong" })} role="status" id="feedback" tabindex="-1">
            <p class="verdict">{ if correct { "✔ 回答正确" } else { "✘ 回答错误" } }</p>
            if !correct {
                <p>{ format!("正确答案：{right}") }</p>
            }
            <p class="explanation">{ question.explanation.as_str() }</p>
            <p><Link to={source_route(page, question)} class="button">{ "查看原文" }</Link></p>
        </div>
    }
}

/// The item at the question's source, the sentence marked.
pub fn source_route(page: &Page, question: &Question) -> Route {
    Route::Item {
        page: page.id.to_string(),
        item: question.item.to_string(),
        paragraph: question.anchor.part_id().map(str::to_string),
        highlight: Some(question.source.to_string()),
    }
}

fn finished(
    page: &'static Page,
    bank: &'static Bank,
    session: &QuizSession,
    apply: &Callback<Vec<Action>>,
) -> Html {
    let Some(result) = session.result(bank) else {
        return html! {};
    };
    html! { <QuizResultView page={page} bank={bank} result={result} apply={apply.clone()} /> }
}

#[derive(Properties, PartialEq)]
struct QuizResultViewProps {
    page: &'static Page,
    bank: &'static Bank,
    result: QuizResult,
    apply: Callback<Vec<Action>>,
}

#[function_component(QuizResultView)]
fn quiz_result_view(props: &QuizResultViewProps) -> Html {
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
                { format!("得分 {} / {}（{}%）", result.score, result.total, result.percent) }
            </p>
            <p class="hint">{ format!("用时 {} 分 {} 秒。这是自测，不评及格，答错的题已记入错题本。", seconds / 60, seconds % 60) }</p>
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

fn empty_mistakes(page: &Page) -> Html {
    html! {
        <div>
            <p>{ "错题本是空的：答错的题会自动记在这里，反复练到答对为止。" }</p>
            <p><Link to={Route::Quiz { page: page.id.to_string(), quiz: QuizTarget::Mixed }} class="button">{ "做一次综合测验" }</Link></p>
        </div>
    }
}
