//! 现场测验, the secretary's side: choose the page, how many questions and a time limit, and
//! get a short meeting code (and its link) to give out at the 主题党日. Every member who enters
//! it gets the same questions in the same order; the questions are listed here to check,
//! and 换一组题 draws again.

use yew::prelude::*;

use crate::ui::hooks::copy_and_say;
use crate::ui::library::{use_library, use_pages};
use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::route::{QuizTarget, Route};
use xuexi_core::branch::code::page_number;
use xuexi_core::branch::{CodeQuiz, MeetingCode, TIME_LIMITS};

/// The question counts offered.
const COUNTS: [u8; 5] = [5, 10, 15, 20, 30];

#[function_component(MeetingSetup)]
pub fn meeting_setup() -> Html {
    let handle = use_library();
    let library = handle.library();
    let pages: Vec<(String, String)> = library
        .catalog()
        .pages
        .iter()
        .filter(|entry| !entry.questions.is_empty() && page_number(&entry.id).is_some())
        .map(|entry| (entry.id.clone(), entry.label()))
        .collect();
    let page = use_state(|| pages.first().map(|(id, _)| id.clone()).unwrap_or_default());
    let count = use_state(|| 10u8);
    let limit = use_state(|| 0u8);
    let meeting = use_state(|| None::<MeetingCode>);
    let copied = use_state(|| None::<String>);
    let status = use_pages(meeting.iter().map(|m| m.page_id()).collect());
    // A new code takes the focus once it is on screen, so it is read out.
    use_effect_with(*meeting, |meeting| {
        if meeting.is_some() {
            platform::focus("meeting-code-out");
        }
    });

    let onpage = {
        let page = page.clone();
        on_choice(&meeting, move |value| page.set(value.to_string()))
    };
    let oncount = {
        let count = count.clone();
        on_choice(&meeting, move |value| {
            count.set(value.parse().unwrap_or(10))
        })
    };
    let onlimit = {
        let limit = limit.clone();
        on_choice(&meeting, move |value| limit.set(value.parse().unwrap_or(0)))
    };
    let ondraw = {
        let (page, count, limit, meeting, copied) = (
            page.clone(),
            count.clone(),
            limit.clone(),
            meeting.clone(),
            copied.clone(),
        );
        Callback::from(move |_| {
            let draw = (platform::random_seed() % (1 << 12)) as u16;
            meeting.set(MeetingCode::new(&page, *count, *limit, draw));
            copied.set(None);
        })
    };
    let drawn = (*meeting).map(|m| {
        let route = Route::Quiz {
            page: m.page_id(),
            quiz: QuizTarget::Meeting(Some(m.to_string())),
        };
        let questions = library
            .bank(&m.page_id())
            .map(|bank| {
                CodeQuiz::Meeting(m)
                    .questions(bank)
                    .iter()
                    .filter_map(|id| bank.question(id).map(|q| q.prompt.to_string()))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        (m, route, questions)
    });
    let oncopy = {
        let (copied, drawn) = (copied.clone(), drawn.clone());
        Callback::from(move |_| {
            let Some((m, route, _)) = &drawn else { return };
            let text = format!(
                "现场测验码：{m}\n打开 {} 作答",
                platform::absolute_url(&route.href())
            );
            copy_and_say(
                &text,
                &copied,
                "测验码和链接已复制，可以发到支部群。",
                "这个浏览器不能自动复制：请把上面的测验码念给大家，或长按复制。",
            );
        })
    };
    html! {
        <section class="meeting-setup" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ "现场测验" }</h2>
            <p class="hint">{ "主题党日现场答题：选好题目，生成测验码。党员在本应用里输入测验码（或打开链接），大家的题目和顺序都一样；做完后把学习码发到群里，在「支部汇总」里按测验分组统计。" }</p>
            <div class="meeting-form">
                <label for="meeting-page">{ "哪一期" }</label>
                <select id="meeting-page" class="text-input" onchange={onpage}>
                    { for pages.iter().map(|(id, label)| html! {
                        <option value={id.clone()} selected={*id == *page}>{ label.clone() }</option>
                    }) }
                </select>
                <label for="meeting-count">{ "题数（从本期题库随机抽取，每篇文章都会抽到）" }</label>
                <select id="meeting-count" class="text-input" onchange={oncount}>
                    { for COUNTS.iter().map(|n| html! {
                        <option value={n.to_string()} selected={*n == *count}>{ format!("{n} 题") }</option>
                    }) }
                </select>
                <label for="meeting-limit">{ "时间限制" }</label>
                <select id="meeting-limit" class="text-input" onchange={onlimit}>
                    { for TIME_LIMITS.iter().enumerate().map(|(i, minutes)| html! {
                        <option value={i.to_string()} selected={i as u8 == *limit}>
                            { if *minutes == 0 { "不限时".to_string() } else { format!("{minutes} 分钟") } }
                        </option>
                    }) }
                </select>
                <div class="tool-row">
                    <button type="button" class="button primary" id="meeting-draw" onclick={ondraw} disabled={pages.is_empty()}>
                        { if meeting.is_some() { "换一组题" } else { "生成测验码" } }
                    </button>
                </div>
            </div>
            if let Some((m, route, questions)) = drawn {
                <div class="meeting-out">
                    <p>{ "现场测验码：" }</p>
                    <p class="meeting-code" id="meeting-code-out" tabindex="-1">{ m.to_string() }</p>
                    <div class="tool-row">
                        <button type="button" class="button primary" id="meeting-copy" onclick={oncopy}>{ "复制测验码和链接" }</button>
                        <Link to={route.clone()} class="button">{ "打开这个测验" }</Link>
                    </div>
                    <p class="hint" role="status">{ (*copied).clone().unwrap_or_default() }</p>
                    <h3>{ format!("本次的题目（{} 题）", questions.len()) }</h3>
                    if !status.ready() {
                        <p class="hint">{ "正在打开题目……" }</p>
                    }
                    <ol class="meeting-questions" id="meeting-questions">
                        { for questions.iter().map(|q| html! { <li>{ q.clone() }</li> }) }
                    </ol>
                </div>
            }
        </section>
    }
}

/// A `<select>` that changes one choice: `choose` takes the chosen value, and the code drawn
/// for the old choices is dropped.
fn on_choice(
    meeting: &UseStateHandle<Option<MeetingCode>>,
    choose: impl Fn(&str) + 'static,
) -> Callback<Event> {
    let meeting = meeting.clone();
    Callback::from(move |event: Event| {
        let select: web_sys::HtmlInputElement = event.target_unchecked_into();
        choose(&select.value());
        meeting.set(None);
    })
}
