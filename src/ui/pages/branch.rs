//! 支部汇总: the secretary pastes the branch's WeChat chat (once or several times) and sees
//! every result code found (repeats merged, the latest result winning), each refused line
//! with its number and the reason, who has studied which page and who has not yet, the
//! 现场测验 grouped by meeting, each question's error rate most-missed first, and the 台账
//! to print on A4, copy as text or download as CSV. Nothing leaves the device; the roster
//! is kept on it, the pastes for the tab's life.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::branch_store;
use crate::ui::components::question_view::{answer_text, source_route};
use crate::ui::hooks::{copy_and_say, keep_typed, use_wechat};
use crate::ui::library::{use_library, use_pages, Library};
use crate::ui::nav::Link;
use crate::ui::platform;
use xuexi_core::branch::summary::{ledger_csv, ledger_text, LEDGER_HEADS};
use xuexi_core::branch::{
    bank_version, extract, merge, parse_roster, CodeQuiz, Extracted, ResultCode, Summary,
};
use xuexi_core::quiz::right_answer;

/// How many refused lines are listed before 显示其余: thousands of them at once would hold
/// the page up.
const REFUSALS_SHOWN: usize = 200;

#[function_component(BranchSummary)]
pub fn branch_summary() -> Html {
    let handle = use_library();
    let library = handle.library();
    let pastes = use_state(|| Rc::new(Vec::<String>::new()));
    let draft = use_state(String::new);
    let roster_text = use_state(String::new);
    let roster_draft = use_state(String::new);
    let roster_message = use_state(|| None::<String>);
    let ledger_message = use_state(|| None::<String>);
    let in_wechat = use_wechat();
    let all_refusals = use_state(|| false);
    {
        let (roster_text, roster_draft, pastes) =
            (roster_text.clone(), roster_draft.clone(), pastes.clone());
        use_effect_with((), move |_| {
            let kept = branch_store::pastes();
            if !kept.is_empty() {
                pastes.set(Rc::new(kept));
            }
            let saved = branch_store::roster().unwrap_or_default();
            roster_draft.set(saved.clone());
            roster_text.set(saved);
        });
    }
    let extracted: Rc<Vec<Extracted>> = {
        let catalog = library.catalog().clone();
        use_memo(((*pastes).clone(), catalog), |(pastes, catalog)| {
            pastes
                .iter()
                .map(|text| {
                    extract(text, |page| {
                        catalog
                            .page(page)
                            .filter(|entry| !entry.questions.is_empty())
                            .map(|entry| bank_version(entry.questions.iter().map(|q| q.as_str())))
                    })
                })
                .collect()
        })
    };
    let roster = parse_roster(&roster_text);
    let found: Vec<&ResultCode> = extracted
        .iter()
        .flat_map(|e| e.found.iter().map(|f| &f.code))
        .collect();
    let merged = merge(found.iter().copied());
    let mut page_ids: Vec<String> = merged.results.iter().map(|r| r.page.clone()).collect();
    page_ids.sort_unstable();
    page_ids.dedup();
    let status = use_pages(page_ids);
    let summary = Summary::new(&merged.results, &roster, |page| library.bank(page));
    let n_refused: usize = extracted.iter().map(|e| e.refused.len()).sum();

    let ondraft = keep_typed(&draft);
    let onread = {
        let (pastes, draft) = (pastes.clone(), draft.clone());
        Callback::from(move |_| {
            if draft.trim().is_empty() {
                return;
            }
            let mut next = (**pastes).clone();
            next.push((*draft).clone());
            branch_store::save_pastes(&next);
            pastes.set(Rc::new(next));
            draft.set(String::new());
            platform::focus("paste-status");
        })
    };
    let onclear = {
        let pastes = pastes.clone();
        let all_refusals = all_refusals.clone();
        Callback::from(move |_| {
            branch_store::save_pastes(&[]);
            pastes.set(Rc::new(Vec::new()));
            all_refusals.set(false);
        })
    };
    let onroster = keep_typed(&roster_draft);
    let onsaveroster = {
        let (roster_text, roster_draft, roster_message) = (
            roster_text.clone(),
            roster_draft.clone(),
            roster_message.clone(),
        );
        Callback::from(move |_| {
            let n = parse_roster(&roster_draft).len();
            let kept = branch_store::save_roster(&roster_draft);
            roster_text.set((*roster_draft).clone());
            roster_message.set(Some(if kept {
                format!("名单共 {n} 人，已保存在本机。")
            } else {
                format!("名单共 {n} 人。本机不能保存（可能是无痕模式），关闭页面后需要重新粘贴。")
            }));
        })
    };
    let label = |page: &str| library.label(page);
    let rows = summary.ledger(|r| quiz_name(library, r));
    let onprint = Callback::from(|_| platform::print());
    let oncopy = {
        let (text, ledger_message) = (ledger_text(&rows, label), ledger_message.clone());
        Callback::from(move |_| {
            copy_and_say(
                &text,
                &ledger_message,
                "台账已复制，可以粘贴到表格里。",
                "这个浏览器不能自动复制：请在下面的文字框里全选后复制。",
            )
        })
    };
    let oncsv = {
        let csv = ledger_csv(&rows, label);
        Callback::from(move |_| platform::download("学习台账.csv", "text/csv", &csv))
    };

    html! {
        <section class="branch" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ "支部汇总" }</h2>
            <p class="hint no-print">{ "党员做完测验后，把「学习码」发到支部群。把群聊记录整段复制，粘贴到下面，点「读取学习码」；可以分几次粘贴。所有内容只在本机处理，不会上传。" }</p>
            <div class="branch-input no-print">
                <label for="chat-paste">{ "群聊记录" }</label>
                <textarea id="chat-paste" class="code-box" rows="6" value={(*draft).clone()} oninput={ondraft} />
                <div class="tool-row">
                    <button type="button" class="button primary" id="chat-read" onclick={onread}>{ "读取学习码" }</button>
                    if !pastes.is_empty() {
                        <button type="button" class="button" id="chat-clear" onclick={onclear}>{ "清空重来" }</button>
                    }
                </div>
                <p id="paste-status" role="status" tabindex="-1">
                    { if pastes.is_empty() { String::new() } else { format!(
                        "已读取 {} 次粘贴：收到 {} 个学习码，合并重复 {} 个，有效 {} 个；{} 行未能识别。",
                        pastes.len(), found.len(), merged.n_repeats, merged.results.len(), n_refused) } }
                </p>
            </div>
            <section class="branch-roster no-print" aria-labelledby="roster-title">
                <h3 id="roster-title">{ "支部名单" }</h3>
                <label for="roster-input">{ "每行一个姓名，或用逗号、顿号隔开（保存在本机，下次不用再填）" }</label>
                <textarea id="roster-input" class="code-box" rows="4" value={(*roster_draft).clone()} oninput={onroster} />
                <div class="tool-row">
                    <button type="button" class="button" id="roster-save" onclick={onsaveroster}>{ "保存名单" }</button>
                </div>
                <p role="status" id="roster-status">{ (*roster_message).clone().unwrap_or_else(|| if roster.is_empty() { String::new() } else { format!("名单共 {} 人。", roster.len()) }) }</p>
            </section>
            if !merged.results.is_empty() {
                { accepted(library, &merged.results) }
            }
            if n_refused > 0 {
                { refused(&extracted, all_refusals.clone()) }
            }
            if !summary.pages.is_empty() {
                { studied(library, &summary) }
                { meetings(library, &summary) }
                { question_stats(library, &summary, status.ready()) }
                <section class="ledger" id="ledger" aria-labelledby="ledger-title">
                    <h3 id="ledger-title">{ "学习台账" }</h3>
                    <p class="ledger-facts">{ attendance(library, &summary, roster.len()) }</p>
                    <table class="ledger-table">
                        <thead><tr>{ for LEDGER_HEADS.iter().map(|h| html! { <th scope="col">{ *h }</th> }) }</tr></thead>
                        <tbody>
                            { for rows.iter().map(|row| html! {
                                <tr>{ for row.cells(&label).into_iter().map(|cell| html! { <td>{ cell }</td> }) }</tr>
                            }) }
                        </tbody>
                    </table>
                    <div class="tool-row no-print">
                        <button type="button" class="button primary" id="ledger-print" onclick={onprint}>{ "打印台账" }</button>
                        <button type="button" class="button" id="ledger-copy" onclick={oncopy}>{ "复制表格文字" }</button>
                        if !in_wechat {
                            <button type="button" class="button" id="ledger-csv" onclick={oncsv}>{ "下载 CSV" }</button>
                        }
                    </div>
                    if in_wechat {
                        <p class="hint no-print">{ "微信里不能下载文件：请用「复制表格文字」，或在浏览器中打开本页下载 CSV。" }</p>
                    }
                    <p class="hint no-print" role="status">{ (*ledger_message).clone().unwrap_or_default() }</p>
                    <label class="no-print" for="ledger-text">{ "台账文字（可全选复制）" }</label>
                    <textarea id="ledger-text" class="code-box no-print" rows="4" readonly=true value={ledger_text(&rows, label)} />
                </section>
            }
        </section>
    }
}

/// The 台账's attendance line: the roster, then each page's and each meeting's count.
fn attendance(library: &Library, summary: &Summary, roster: usize) -> String {
    let pages = summary.pages.iter().map(|p| {
        format!(
            "{}：已学 {} 人，未学 {} 人",
            library.label(&p.page),
            p.studied.len(),
            p.not_yet.len()
        )
    });
    let meetings = summary.meetings.iter().map(|m| {
        format!(
            "现场测验 {}：参加 {} 人，未参加 {} 人",
            m.meeting,
            m.results.len(),
            m.absent.len()
        )
    });
    let mut parts = vec![format!("名单 {roster} 人")];
    parts.extend(pages.chain(meetings));
    parts.join("；")
}

/// A result's quiz as members know it: a 读后测 by its item's heading once the page is here.
fn quiz_name(library: &Library, result: &ResultCode) -> String {
    let heading = match result.quiz {
        CodeQuiz::Item(_) => library.bank(&result.page).and_then(|bank| {
            let first = result.quiz.questions(bank).into_iter().next()?;
            let item = &bank.question(&first)?.item;
            Some(library.entry(&result.page)?.item(item)?.heading.clone())
        }),
        _ => None,
    };
    match heading {
        Some(heading) => format!("读后测：{heading}"),
        None => result.quiz.label(),
    }
}

fn accepted(library: &Library, results: &[ResultCode]) -> Html {
    html! {
        <section class="no-print" aria-labelledby="accepted-title">
            <h3 id="accepted-title">{ format!("有效的学习码（{} 个）", results.len()) }</h3>
            <div class="table-scroll">
                <table id="accepted" class="branch-table">
                    <thead><tr><th scope="col">{ "姓名" }</th><th scope="col">{ "期" }</th><th scope="col">{ "测验" }</th><th scope="col">{ "得分" }</th><th scope="col">{ "日期" }</th></tr></thead>
                    <tbody>
                        { for results.iter().map(|r| html! {
                            <tr>
                                <td>{ r.name.clone() }</td>
                                <td>{ library.label(&r.page) }</td>
                                <td>{ quiz_name(library, r) }</td>
                                <td>{ format!("{}/{}", r.score(), r.total()) }</td>
                                <td>{ r.day.date().map(|d| d.to_string()).unwrap_or_default() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn refused(extracted: &[Extracted], show_all: UseStateHandle<bool>) -> Html {
    let several = extracted.len() > 1;
    let n_refused: usize = extracted.iter().map(|e| e.refused.len()).sum();
    let shown = if *show_all { n_refused } else { REFUSALS_SHOWN };
    let onmore = Callback::from(move |_| show_all.set(true));
    html! {
        <section class="no-print" aria-labelledby="refused-title">
            <h3 id="refused-title">{ format!("未能识别的学习码（{n_refused} 行）") }</h3>
            <ul id="refused" class="refused-list">
                { for extracted.iter().enumerate().flat_map(|(paste, e)| e.refused.iter().map(move |r| html! {
                    <li>
                        <span class="refused-where">{ if several { format!("第{}次粘贴 第{}行：", paste + 1, r.line) } else { format!("第{}行：", r.line) } }</span>
                        <span class="refused-why">{ r.reason.to_string() }</span>
                        <span class="refused-line">{ r.excerpt.clone() }</span>
                    </li>
                })).take(shown) }
            </ul>
            if n_refused > shown {
                <button type="button" class="button" id="refused-more" onclick={onmore}>{ format!("显示其余 {} 行", n_refused - shown) }</button>
            }
        </section>
    }
}

fn studied(library: &Library, summary: &Summary) -> Html {
    html! {
        <section class="no-print" aria-labelledby="studied-title">
            <h3 id="studied-title">{ "学习情况" }</h3>
            { for summary.pages.iter().map(|page| html! {
                <div class="study-page" data-page={page.page.clone()}>
                    <h4>{ library.label(&page.page) }</h4>
                    <p class="studied">{ format!("已学（{} 人）：", page.studied.len()) }
                        { page.studied.iter().map(|m| format!("{}（{}）", m.name, m.results.iter().map(|r| format!("{} {}/{}", quiz_name(library, r), r.score(), r.total())).collect::<Vec<_>>().join("，"))).collect::<Vec<_>>().join("；") }
                    </p>
                    <p class="not-yet">{ format!("未学（{} 人）：{}", page.not_yet.len(), page.not_yet.join("、")) }</p>
                </div>
            }) }
            if !summary.not_on_roster.is_empty() {
                <p class="not-on-roster">{ format!("不在名单上：{}（请核对姓名，或加入名单）", summary.not_on_roster.join("、")) }</p>
            }
        </section>
    }
}

fn meetings(library: &Library, summary: &Summary) -> Html {
    if summary.meetings.is_empty() {
        return html! {};
    }
    html! {
        <section class="no-print" aria-labelledby="meetings-title">
            <h3 id="meetings-title">{ "现场测验" }</h3>
            { for summary.meetings.iter().map(|group| html! {
                <div class="meeting-group" data-meeting={group.meeting.to_string()}>
                    <h4>{ format!("{} · {}", group.meeting, library.label(&group.meeting.page_id())) }</h4>
                    <p>{ format!("参加 {} 人：{}", group.results.len(), group.results.iter().map(|r| format!("{} {}/{}", r.name, r.score(), r.total())).collect::<Vec<_>>().join("，")) }</p>
                    if !group.absent.is_empty() {
                        <p>{ format!("未参加：{}", group.absent.join("、")) }</p>
                    }
                </div>
            }) }
        </section>
    }
}

fn question_stats(library: &Library, summary: &Summary, ready: bool) -> Html {
    html! {
        <section class="no-print" aria-labelledby="questions-title">
            <h3 id="questions-title">{ "错题分析（错得最多的在前）" }</h3>
            if !ready || !summary.pages_without_bank.is_empty() {
                <p class="hint" role="status">{ "正在打开题目……" }</p>
            }
            <ol id="question-stats" class="question-stats">
                { for summary.questions.iter().filter_map(|stat| {
                    let page = library.page(&stat.page)?;
                    let question = library.bank(&stat.page)?.question(&stat.question)?;
                    Some(html! {
                        <li data-question={stat.question.clone()}>
                            <p class="question-prompt">{ question.prompt.as_str() }</p>
                            <p class="error-rate">{ format!("错误率 {}%（{} 人次答错 / {} 人次作答）", stat.percent_wrong(), stat.wrong, stat.asked) }</p>
                            <p>{ format!("正确答案：{}", answer_text(question, &right_answer(question))) }</p>
                            <p><Link to={source_route(page, question)}>{ "查看原文" }</Link></p>
                        </li>
                    })
                }) }
            </ol>
        </section>
    }
}
