//! A self-test quiz (读后测, 每周一学, 综合测验, 错题本, 现场测验): asks each question, checks it on the
//! spot with the explanation and 查看原文, and ends with the score, the time and a review
//! of every question (`quiz_check`, `quiz_result`). What the session says happened is
//! recorded: the session is saved after every step, an answer not checked yet apart from it
//! at each change, so a reload or a closed tab resumes at the same question with the same
//! answers. Everything is scored on the device; the result offers a 结果码 for the
//! branch's group chat. A 现场测验 asks for its meeting code, draws what the code names
//! and, with a time limit, ends when the time is up.

use yew::prelude::*;

use crate::ui::components::drafted_label::DraftedLabel;
use crate::ui::components::meeting_clock::MeetingClock;
use crate::ui::components::meeting_entry::MeetingEntry;
use crate::ui::components::question_view::QuestionView;
use crate::ui::components::quiz_check::{CheckButton, Feedback};
use crate::ui::components::quiz_result::QuizResultView;
use crate::ui::library::use_library;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::pages::home::first_recitation;
use crate::ui::platform;
use crate::ui::reveal::use_reveal;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::{self, use_progress};
use xuexi_core::branch::MeetingCode;
use xuexi_core::content::{Page, PageEntry};
use xuexi_core::progress::{Attempt, ProgressAction, QuestionKey, QuizKey};
use xuexi_core::quiz::{
    Action, Answer, Bank, Phase, QuestionKind, QuizEvent, QuizKind, QuizResult, QuizSession,
};

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
        // Once progress is loaded: resume the saved session if it still fits the bank, with
        // the answer given but not checked yet, otherwise draw a new one.
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
                    let resumed = saved
                        .filter(|s| {
                            s.validate(bank).is_ok()
                                && (!matches!(kind, QuizKind::Meeting { .. }) || s.kind == kind)
                        })
                        .map(|s| store::unchecked_answers().restore(&key, bank, s));
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
            let mut next = current;
            let mut events = Vec::new();
            for action in actions {
                let (after, happened) = next.apply(bank, action);
                next = after;
                events.extend(happened);
            }
            if events.is_empty() {
                return;
            }
            record(&progress, bank, &page_id, &key, &next, &events);
            if let Some((first, last)) = events.last().and_then(shown_after) {
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
            Phase::Running => running(props.page, bank, session, &apply),
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

/// What shows the result of `event`, brought on screen below the header with the focus
/// on its first element: the question's number and prompt after starting or going on, the
/// verdict with 下一题 after checking (so a second Enter cannot skip it), the score at the
/// end. Answering leaves the screen and the focus where they are.
fn shown_after(event: &QuizEvent) -> Option<(&'static str, &'static str)> {
    match event {
        QuizEvent::Started { .. } | QuizEvent::WentOn { .. } => {
            Some(("question", "question-prompt"))
        }
        QuizEvent::Checked { .. } => Some(("feedback", "quiz-next")),
        QuizEvent::Finished => Some(("quiz-score", "quiz-score")),
        QuizEvent::AnswerChanged { .. } => None,
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

/// Records what `events` say happened to the session, now `session`: each checked answer
/// and the day studied, a finished quiz's attempt, and the session itself (a finished one
/// too, so a reload shows the result). An answer not checked yet is kept apart from the
/// progress instead, so typing in a blank does not rewrite all of it at each keystroke.
fn record(
    progress: &store::ProgressHandle,
    bank: &Bank,
    page_id: &str,
    key: &QuizKey,
    session: &QuizSession,
    events: &[QuizEvent],
) {
    for event in events {
        match event {
            QuizEvent::Checked {
                question,
                answer: Some(answer),
                correct,
                ..
            } => {
                progress.apply(ProgressAction::Answered {
                    question: QuestionKey::new(page_id, question),
                    answer: answer.clone(),
                    correct: *correct,
                    day: platform::today(),
                });
                progress.apply(ProgressAction::Studied(platform::today()));
            }
            QuizEvent::Finished => {
                if let Some(result) = session.result(bank) {
                    progress.apply(ProgressAction::Finished(attempt(key, &result)));
                }
            }
            QuizEvent::Started { .. }
            | QuizEvent::AnswerChanged { .. }
            | QuizEvent::WentOn { .. }
            | QuizEvent::Checked { .. } => {}
        }
    }
    let only_answers = events
        .iter()
        .all(|event| matches!(event, QuizEvent::AnswerChanged { .. }));
    if !only_answers {
        progress.apply(ProgressAction::SaveQuiz {
            quiz: key.clone(),
            session: Box::new(session.clone()),
        });
    }
    store::keep_unchecked_answer(key, session);
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
            (None, QuestionKind::Order { .. }) => {
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
        || matches!(question.kind, QuestionKind::Order { .. });
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
                    <CheckButton key={format!("check-{}", question.id)} {question} enabled={can_check} {oncheck} />
                },
                Some(correct) => html! {
                    <Feedback key="feedback" {page} {question} {correct} {is_last} {onnext} />
                },
            } }
        </div>
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
