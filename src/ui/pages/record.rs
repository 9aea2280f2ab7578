//! 学习记录: the score of every finished quiz as a chart, days studied in a row, total
//! reading time, and how far each item is read and tested.

use yew::prelude::*;

use crate::content::Page;
use crate::progress::{item_key, Attempt};
use crate::ui::components::backup::Backup;
use crate::ui::meta;
use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::route::{QuizTarget, Route};
use crate::ui::store::use_progress;

#[derive(Properties, PartialEq)]
pub struct RecordProps {
    pub page: &'static Page,
}

/// How many of the latest attempts the chart shows.
const CHART_ATTEMPTS: usize = 12;

#[function_component(Record)]
pub fn record(props: &RecordProps) -> Html {
    let progress = use_progress();
    let today = use_state(|| None::<i64>);
    {
        let today = today.clone();
        use_effect_with((), move |_| today.set(Some(platform::today())));
    }
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
                        <li>{ format!("{}：{} / {}（{}%）", meta::quiz_name_of_key(&a.quiz).unwrap_or_default(), a.score, a.total, a.percent) }</li>
                    }) }
                </ol>
            }
            <h3>{ "各篇完成情况" }</h3>
            <ul class="completion">
                { for props.page.items.iter().map(|item| {
                    let reading = p.reading_of(&item_key(&props.page.id, &item.id));
                    let quiz = QuizTarget::for_item(item);
                    let best = p.best_of(&quiz.progress_key(&props.page.id));
                    let read = if reading.read { "已读完".to_string() } else { format!("已读 {}%", reading.percent) };
                    let tested = best.map_or("未测验".to_string(), |b| format!("最好成绩 {b}%"));
                    html! {
                        <li>
                            <Link to={Route::item(props.page, &item.id)}>{ item.heading() }</Link>
                            <span class="hint">{ format!("{read} · {tested}") }</span>
                        </li>
                    }
                }) }
            </ul>
            <Backup />
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
