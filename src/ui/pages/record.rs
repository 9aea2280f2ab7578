//! 学习记录: the score of every finished quiz as a chart, days studied in a row, total
//! reading time, and, page by page of the archive, how far each item is read and tested.
//! Spans every page: the current 期 and every earlier page the reader has studied.

use yew::prelude::*;

use crate::ui::components::backup::Backup;
use crate::ui::hooks::use_today;
use crate::ui::library::use_library;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::use_progress;
use xuexi_core::content::{ItemKind, PageEntry};
use xuexi_core::progress::{Attempt, ItemKey, Progress};

/// How many of the latest attempts the chart shows.
const CHART_ATTEMPTS: usize = 12;

#[function_component(Record)]
pub fn record() -> Html {
    let progress = use_progress();
    let library = use_library();
    let library = library.library();
    let today = use_today();
    let p = progress.progress();
    let streak = today.map_or(0, |day| p.streak(day));
    let minutes = p.total_reading_seconds() / 60;
    let attempts: Vec<&Attempt> = p.attempts.iter().rev().take(CHART_ATTEMPTS).rev().collect();
    html! {
        <section class="record" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ "学习记录" }</h2>
            <dl class="record-facts">
                <div><dt>{ "连续学习" }</dt><dd id="streak">{ format!("{streak} 天") }</dd></div>
                <div><dt>{ "学习天数" }</dt><dd>{ format!("{} 天", p.days.len()) }</dd></div>
                <div><dt>{ "阅读时间" }</dt><dd>{ format!("{minutes} 分钟") }</dd></div>
                <div><dt>{ "完成测验" }</dt><dd id="n-attempts">{ format!("{} 次", p.attempts.len()) }</dd></div>
            </dl>
            <h3>{ "测验成绩" }</h3>
            if attempts.is_empty() {
                <p>{ "还没有完成的测验。读完一篇文章后，试试文末的「读后测」。" }</p>
            } else {
                { score_chart(&attempts) }
                <ol class="attempt-list">
                    { for attempts.iter().rev().map(|a| html! {
                        <li>{ format!("{}：{} / {}（{}%）", meta::quiz_name_of_key(library, &a.quiz).unwrap_or_default(), a.score, a.total, a.percent) }</li>
                    }) }
                </ol>
            }
            <h3>{ "各篇完成情况" }</h3>
            { for library
                .catalog()
                .pages
                .iter()
                .enumerate()
                .filter(|(idx, entry)| *idx == 0 || studied(p, entry))
                .map(|(_, entry)| completion(entry, p)) }
            <Backup />
        </section>
    }
}

/// Whether the reader has read or tested anything of this page.
fn studied(progress: &Progress, entry: &PageEntry) -> bool {
    progress.reading.keys().any(|key| key.page() == entry.id)
        || progress.best.keys().any(|key| key.page() == entry.id)
}

/// How far each item of one page is read and tested.
fn completion(entry: &PageEntry, progress: &Progress) -> Html {
    html! {
        <section class="completion-page" data-page={entry.id.clone()}>
            <h4><Link to={Route::PageHome { page: entry.id.clone() }}>{ entry.label() }</Link></h4>
            <ul class="completion">
                { for entry.items.iter().map(|item| {
                    let reading = progress.reading_of(&ItemKey::new(&entry.id, &item.id));
                    let quiz = if item.kind == ItemKind::Quotations {
                        QuizTarget::Weekly
                    } else {
                        QuizTarget::Item(item.id.clone())
                    };
                    let best = progress.best_of(&quiz.progress_key(&entry.id));
                    let read = if reading.read { "已读完".to_string() } else { format!("已读 {}%", reading.percent) };
                    let tested = best.map_or("未测验".to_string(), |b| format!("最好成绩 {b}%"));
                    let route = Route::Item { page: entry.id.clone(), item: item.id.clone(), paragraph: None, highlight: None };
                    html! {
                        <li>
                            <Link to={route}>{ item.heading.as_str() }</Link>
                            <span class="hint">{ format!("{read} · {tested}") }</span>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// A bar per attempt, its height the percentage; readable at phone size.
fn score_chart(attempts: &[&Attempt]) -> Html {
    const WIDTH: usize = 320;
    const HEIGHT: usize = 160;
    const TOP: usize = 10;
    const LEFT: usize = 36;
    let plot_height = HEIGHT - TOP - 24;
    let slot = (WIDTH - LEFT) / attempts.len().max(1);
    let bar = (slot * 2 / 3).max(6);
    let summary = attempts
        .iter()
        .map(|a| format!("{}%", a.percent))
        .collect::<Vec<_>>()
        .join("、");
    html! {
        <svg class="score-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img"
            aria-label={format!("最近 {} 次测验的成绩：{summary}", attempts.len())}>
            { for [0usize, 50, 100].into_iter().map(|level| {
                let y = TOP + plot_height - plot_height * level / 100;
                html! {
                    <g>
                        <line class="grid" x1={LEFT.to_string()} x2={WIDTH.to_string()} y1={y.to_string()} y2={y.to_string()} />
                        <text class="axis" x={(LEFT - 6).to_string()} y={(y + 5).to_string()} text-anchor="end">{ level.to_string() }</text>
                    </g>
                }
            }) }
            { for attempts.iter().enumerate().map(|(i, a)| {
                let height = plot_height * a.percent.min(100) as usize / 100;
                let x = LEFT + i * slot + (slot - bar) / 2;
                let y = TOP + plot_height - height;
                html! {
                    <g class="bar">
                        <rect x={x.to_string()} y={y.to_string()} width={bar.to_string()} height={height.max(1).to_string()} />
                        <text class="axis" x={(x + bar / 2).to_string()} y={(HEIGHT - 6).to_string()} text-anchor="middle">{ (i + 1).to_string() }</text>
                    </g>
                }
            }) }
        </svg>
    }
}
