//! A self-test quiz (读后测, 每周一学, 综合测验, 错题本, 现场测验): asks each question, checks it on the
//! spot with the explanation and 查看原文, and ends with the score, the time and a review
//! of every question. The session is saved on every change, so a reload or a closed tab
//! resumes at the same question with the same answers. Everything is scored on the device;
//! the result offers a 结果码 for the branch's group chat. A 现场测验 asks for its meeting
//! code, draws what the code names and, with a time limit, ends when the time is up.

use yew::prelude::*;

use crate::ui::components::drafted_label::DraftedLabel;
use crate::ui::components::meeting_clock::MeetingClock;
use crate::ui::components::meeting_entry::MeetingEntry;
use crate::ui::components::question_view::{answer_text, QuestionView};
use crate::ui::components::result_code::ResultCodeBox;
use crate::ui::library::use_library;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::pages::home::first_recitation;
use crate::ui::platform;
use crate::ui::reveal::use_reveal;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::use_progress;
use xuexi_core::branch::MeetingCode;
use xuexi_core::content::{Page, PageEntry};
use xuexi_core::progress::{Attempt, ProgressAction, QuestionKey, QuizKey};
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
    // What the reader sees and where the focus goes once an action's result is rendered.
    let reveal = use_reveal();
    {
        // Once progress is loaded: resume the saved session if it still fits the bank,
        // otherwise draw a new one.
        let (session, progress, key) = (session.clone(), progress.clone(), key.clone());
        let (page_id, quiz) = (props.page.id.to_string(), props.quiz.clone());
        let deps = (key.clone(), progress.loaded(), quiz.clone());
        use_effect_with(deps, move |(_, loaded, _)| {
            if *loaded {
                if let Some(bank) = bank {
                    let saved = progress.progress().in_progress.get(&key).cloned();
                    let Some(kind) = quiz_kind(&quiz, &progress.progress().mistakes(&page_id))
                    else {
                        session.set(None);
                        return;
                    };
                    // A meeting's saved session is resumed only for the same meeting.
                    let resumed = saved.filter(|s| {
                        s.validate(bank).is_ok()
                            && (!matches!(kind, QuizKind::Meeting { .. }) || s.kind == kind)
                    });
                    let seed = meeting_seed(&kind).unwrap_or_else(platform::random_seed);
                    session.set(resumed.or_else(|| QuizSession::new(bank, kind, seed).ok()));
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
            let shown = actions.last().and_then(shown_after);
            let mut next = current.clone();
            for action in actions {
                next = next.apply(bank, action);
            }
            if next == current {
                return;
            }
            record_changes(&progress, bank, &page_id, &key, &current, &next);
            if let Some((first, last)) = shown {
                reveal.after_render(first, last);
            }
            session.set(Some(next));
        })
    };
    let body = match &*session {
        None if props.quiz == QuizTarget::Mistakes => {
            empty_mistakes(props.page, library.entry(&props.page.id))
        }
        None if matches!(props.quiz, QuizTarget::Meeting(_)) => {
            html! { <MeetingEntry quiz={props.quiz.clone()} /> }
        }
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
    if matches!(quiz, QuizTarget::Mistakes | QuizTarget::Meeting(_)) {
        return None;
    }
    QuizSession::new(bank?, quiz_kind(quiz, &[])?, 0).ok()
}

/// What shows the result of `action`, brought on screen below the header with the focus
/// on its first element: the question's number and prompt after starting or going on, the
/// verdict with 下一题 after checking (so a second Enter cannot skip it), the score at the
/// end. Answering leaves the screen and the focus where they are.
fn shown_after(action: &Action) -> Option<(&'static str, &'static str)> {
    match action {
        Action::Start { .. } | Action::Next | Action::Retry { .. } => {
            Some(("question", "question-prompt"))
        }
        Action::Check => Some(("feedback", "quiz-next")),
        Action::Finish { .. } | Action::TimeUp { .. } => Some(("quiz-score", "quiz-score")),
        Action::Answer(_) => None,
    }
}

/// The quiz kind a route asks for; 错题本 asks the reader's current mistakes; a 现场测验
/// needs a meeting code that can be read.
fn quiz_kind(quiz: &QuizTarget, mistakes: &[String]) -> Option<QuizKind> {
    Some(match quiz {
        QuizTarget::Item(item) => QuizKind::Item { item: item.clone() },
        QuizTarget::Weekly => QuizKind::Weekly,
        QuizTarget::Mixed => QuizKind::Mixed,
        QuizTarget::Mistakes => QuizKind::Mistakes {
            questions: mistakes.to_vec(),
        },
        QuizTarget::Meeting(code) => QuizKind::Meeting {
            code: MeetingCode::parse(code.as_deref()?).ok()?.to_string(),
        },
    })
}

/// A meeting's seed, the same on every member's phone.
fn meeting_seed(kind: &QuizKind) -> Option<u64> {
    match kind {
        QuizKind::Meeting { code } => MeetingCode::parse(code).ok().map(|m| m.seed()),
        _ => None,
    }
}

/// Saves what changed between two states of a session: the session itself, each newly
/// checked answer, the day studied, and at the end the attempt.
fn record_changes(
    progress: &crate::ui::store::ProgressHandle,
    bank: &Bank,
    page_id: &str,
    key: &QuizKey,
    before: &QuizSession,
    after: &QuizSession,
) {
    let newly_checked = after.slots.iter().enumerate().filter(|(i, slot)| {
        slot.correct.is_some() && before.slots.get(*i).is_none_or(|b| b.correct.is_none())
    });
    for (_, slot) in newly_checked {
        if let (Some(answer), Some(correct)) = (slot.answer.clone(), slot.correct) {
            progress.apply(ProgressAction::Answered {
                question: QuestionKey::new(page_id, &slot.question),
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
                quiz: key.clone(),
                session: Some(Box::new(after.clone())),
            });
        }
        _ => progress.apply(ProgressAction::SaveQuiz {
            quiz: key.clone(),
            session: Some(Box::new(after.clone())),
        }),
    }
}

fn attempt(key: &QuizKey, result: &QuizResult) -> Attempt {
    Attempt {
        quiz: key.clone(),
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
    let meeting = match &session.kind {
        QuizKind::Meeting { code } => MeetingCode::parse(code).ok(),
        _ => None,
    };
    html! {
        <div class="quiz-intro">
            if let Some(meeting) = meeting {
                <p id="meeting-intro">{ format!("现场测验 {meeting}：每位党员的题目和顺序都一样。{}",
                    meeting.time_limit_ms().map(|ms| format!("限时 {} 分钟，时间到自动交卷。", ms / 60_000)).unwrap_or_default()) }</p>
            }
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
    let ontimeup = {
        let apply = apply.clone();
        Callback::from(move |now_ms: u64| apply.emit(vec![Action::TimeUp { now_ms }]))
    };
    html! {
        <div class="quiz-running">
            if let Some(deadline_ms) = session.deadline_ms() {
                <MeetingClock {deadline_ms} {ontimeup} />
            }
            <QuestionView question={question} slot={slot.clone()} position={(session.current + 1, session.slots.len())} {onanswer} oncheck={oncheck.clone()} />
            // 提交答案 and the verdict are elements of their own (keyed), so the button pressed
            // to check never turns into 下一题 under the reader's finger.
            { match checked {
                None => html! {
                    <CheckButton key={format!("check-{}", question.id)} enabled={can_check} why={why_not_yet(question)} {oncheck} />
                },
                Some(correct) => html! {
                    <Feedback key="feedback" {page} {question} {correct} {is_last} {onnext} />
                },
            } }
        </div>
    }
}

/// What a reader must do before 提交答案 can check anything.
fn why_not_yet(question: &Question) -> &'static str {
    use xuexi_core::quiz::QuestionKind;
    match question.kind {
        QuestionKind::Multiple { .. } => "请先选出答案（可以选几项），再点「提交答案」。",
        QuestionKind::Blank { .. } => "请先在横线处填上答案，再点「提交答案」。",
        _ => "请先选一个答案，再点「提交答案」。",
    }
}

#[derive(Properties, PartialEq)]
struct CheckButtonProps {
    enabled: bool,
    why: &'static str,
    oncheck: Callback<()>,
}

/// 提交答案: before there is an answer it stays tappable (`aria-disabled`, not `disabled`),
/// and a tap says what is missing instead of doing nothing.
#[function_component(CheckButton)]
fn check_button(props: &CheckButtonProps) -> Html {
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
                <p class="hint check-why" id="check-why" role="alert">{ props.why }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct FeedbackProps {
    page: &'static Page,
    question: &'static Question,
    correct: bool,
    is_last: bool,
    onnext: Callback<MouseEvent>,
}

/// The verdict with 下一题 (or 查看成绩) right beside or under it, so both fit on one screen
/// at any text size; then the right answer, the explanation and 查看原文.
#[function_component(Feedback)]
fn feedback(props: &FeedbackProps) -> Html {
    let (question, correct) = (props.question, props.correct);
    let right = answer_text(question, &xuexi_core::quiz::right_answer(question));
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
    html! {
        <QuizResultView page={page} bank={bank} result={result} apply={apply.clone()}
            kind={session.kind.clone()} timed_out={session.timed_out()} />
    }
}

#[derive(Properties, PartialEq)]
struct QuizResultViewProps {
    page: &'static Page,
    bank: &'static Bank,
    result: QuizResult,
    apply: Callback<Vec<Action>>,
    kind: QuizKind,
    timed_out: bool,
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

fn empty_mistakes(page: &Page, entry: Option<&PageEntry>) -> Html {
    html! {
        <div>
            <p>{ "错题本是空的：答错的题会自动记在这里，反复练到答对为止。" }</p>
            <p class="tool-row">
                <Link to={Route::Quiz { page: page.id.to_string(), quiz: QuizTarget::Mixed }} class="button">{ "做一次综合测验" }</Link>
                if let Some(recite) = entry.and_then(first_recitation) {
                    <Link to={recite} class="button">{ "背诵每周一学" }</Link>
                }
            </p>
        </div>
    }
}
