//! 背诵: learning one 每周一学 quotation by heart in four steps — read it through; fill key
//! phrases with their first character as a hint; fill more blanks without hints; write it
//! all from memory (or, on a phone, put its clauses in order) — with the differences shown
//! character by character. Every step done makes the quotation a spaced-review card.

use yew::prelude::*;

use crate::ui::components::fragment_order::FragmentOrder;
use crate::ui::hooks::{keep_typed, typed_text};
use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::reveal::use_reveal;
use crate::ui::route::Route;
use crate::ui::store::use_progress;
use xuexi_core::content::{Page, Quotation};
use xuexi_core::progress::{ProgressAction, QuotationKey};
use xuexi_core::recite::{
    compare, exercise, Attempt, BlankResult, ClauseOrder, Comparison, DiffSegment, Level, Segment,
};

#[derive(Properties, PartialEq)]
pub struct RecitePageProps {
    pub page: &'static Page,
    pub item_id: String,
    pub quotation_id: String,
}

#[function_component(RecitePage)]
pub fn recite_page(props: &RecitePageProps) -> Html {
    let progress = use_progress();
    let key = QuotationKey::new(&props.page.id, &props.item_id, &props.quotation_id);
    let level = use_state(|| None::<Level>);
    // A new step is brought on screen from its top.
    let reveal = use_reveal();
    {
        // Start at the step after the highest one passed, once progress is loaded.
        let (level, progress, key) = (level.clone(), progress.clone(), key.clone());
        use_effect_with((key.clone(), progress.loaded()), move |(_, loaded)| {
            if *loaded && level.is_none() {
                let next = progress
                    .progress()
                    .recite
                    .get(&key)
                    .copied()
                    .unwrap_or_default()
                    .next_level();
                level.set(Some(next));
            }
        });
    }
    let Some(item) = props.page.item(&props.item_id) else {
        return html! {};
    };
    let Some(position) = item.quotation_index(&props.quotation_id) else {
        return html! {};
    };
    let quotation = &item.quotations[position];
    let current = level.unwrap_or(Level::Read);
    // After 默写: the next quotation of the box, or after the last one today's reviews.
    let next_quotation = item
        .quotations
        .get(position + 1)
        .map(|next| Route::recite(&props.page.id, &item.id, &next.id));
    let record = {
        let (progress, key) = (progress.clone(), key.clone());
        Callback::from(move |attempt: Attempt| {
            progress.apply(ProgressAction::Recited {
                quotation: key.clone(),
                attempt,
                day: platform::today(),
            });
        })
    };
    let go_to = |to: Level| {
        let (level, reveal) = (level.clone(), reveal.clone());
        Callback::from(move |_| {
            if *level != Some(to) {
                reveal.after_render("recite-step", "recite-step");
                level.set(Some(to));
            }
        })
    };
    let achieved = progress
        .progress()
        .recite
        .get(&key)
        .copied()
        .unwrap_or_default();
    html! {
        <section class="recite" aria-labelledby="item-title">
            <p class="column-label">{ "每周一学 · 背诵" }</p>
            <h2 id="item-title" tabindex="-1">{ format!("第{}则", position + 1) }</h2>
            <p class="attribution">{ format!("{}，{}{}", quotation.date.chinese(), quotation.speaker, quotation.occasion) }</p>
            <nav class="steps" aria-label="背诵步骤">
                { for Level::ALL.into_iter().map(|l| {
                    let passed = achieved.highest_passed.is_some_and(|h| h >= l);
                    html! {
                        <button type="button" class={classes!("button", "choice", (l == current).then_some("selected"))}
                            aria-pressed={(l == current).to_string()} onclick={go_to(l)}>
                            { format!("{}{}", if passed { "✔ " } else { "" }, step_name(l)) }
                        </button>
                    }
                }) }
            </nav>
            <RecitationStep key={format!("{key}-{}", current.number())} quotation={quotation.clone()} level={current}
                onrecord={record} onnext={go_to(next_step(current))} next_quotation={next_quotation} />
            if achieved.best_recall_percent > 0 {
                <p class="hint">{ format!("默写最好成绩：记住了 {}%", achieved.best_recall_percent) }</p>
            }
            <p><Link to={Route::Review} class="button">{ "今日复习" }</Link></p>
        </section>
    }
}

fn step_name(level: Level) -> &'static str {
    match level {
        Level::Read => "第一步 通读",
        Level::Hinted => "第二步 提示填空",
        Level::Blanks => "第三步 填空",
        Level::FromMemory => "第四步 默写",
    }
}

fn next_step(level: Level) -> Level {
    match level {
        Level::Read => Level::Hinted,
        Level::Hinted => Level::Blanks,
        Level::Blanks | Level::FromMemory => Level::FromMemory,
    }
}

#[derive(Properties, PartialEq)]
struct StepProps {
    quotation: Quotation,
    level: Level,
    onrecord: Callback<Attempt>,
    onnext: Callback<MouseEvent>,
    /// The quotation to learn after this one (`None` after the last).
    next_quotation: Option<Route>,
}

#[function_component(RecitationStep)]
fn recitation_step(props: &StepProps) -> Html {
    match props.level {
        Level::Read => html! { <ReadStep ..props.clone_props() /> },
        Level::Hinted | Level::Blanks => html! { <BlankStep ..props.clone_props() /> },
        Level::FromMemory => html! { <MemoryStep ..props.clone_props() /> },
    }
}

#[function_component(ReadStep)]
fn read_step(props: &StepProps) -> Html {
    let done = use_state(|| false);
    let onread = {
        let (done, onrecord) = (done.clone(), props.onrecord.clone());
        Callback::from(move |_| {
            onrecord.emit(Attempt::read());
            done.set(true);
        })
    };
    html! {
        <div class="step" id="recite-step">
            <p class="hint">{ "先把这一则从头到尾读一遍，最好读出声来。" }</p>
            <blockquote class="quotation"><p>{ props.quotation.text.as_str() }</p></blockquote>
            if *done {
                <button type="button" class="button primary" id="recite-next" onclick={props.onnext.clone()}>{ "下一步" }</button>
            } else {
                <button type="button" class="button primary" id="recite-read" onclick={onread}>{ "我读完了" }</button>
            }
        </div>
    }
}

impl StepProps {
    fn clone_props(&self) -> StepProps {
        StepProps {
            quotation: self.quotation.clone(),
            level: self.level,
            onrecord: self.onrecord.clone(),
            onnext: self.onnext.clone(),
            next_quotation: self.next_quotation.clone(),
        }
    }
}

#[function_component(BlankStep)]
fn blank_step(props: &StepProps) -> Html {
    let made = exercise(&props.quotation.text, props.level).ok();
    let n_blanks = made.as_ref().map_or(0, |e| e.n_blanks());
    let typed = use_state(|| vec![String::new(); n_blanks]);
    let result = use_state(|| None::<BlankResult>);
    let reveal = use_reveal();
    let Some(exercise) = made else {
        return html! { <p>{ "这一则太短，无法挖空。" }</p> };
    };
    let oncheck = {
        let (typed, result, onrecord, exercise) = (
            typed.clone(),
            result.clone(),
            props.onrecord.clone(),
            exercise.clone(),
        );
        Callback::from(move |_| {
            let answers: Vec<&str> = typed.iter().map(String::as_str).collect();
            if let Ok(checked) = exercise.check(&answers) {
                onrecord.emit(checked.attempt());
                let last = if checked.all_right() {
                    "recite-next"
                } else {
                    "recite-result"
                };
                reveal.after_render("recite-result", last);
                result.set(Some(checked));
            }
        })
    };
    let instructions = if props.level == Level::Hinted {
        "在空格里填上缺的词语，已给出第一个字。"
    } else {
        "在空格里填上缺的词语。"
    };
    html! {
        <div class="step" id="recite-step">
            <p class="hint">{ instructions }</p>
            <p class="recite-text">
                { for exercise.segments.iter().map(|segment| match segment {
                    Segment::Text(text) => html! { <span>{ text.clone() }</span> },
                    Segment::Blank { id, answer, hint } => {
                        let id = *id;
                        let verdict = result.as_ref().map(|r| r.right.get(id).copied().unwrap_or(false));
                        let oninput = {
                            let typed = typed.clone();
                            Callback::from(move |event: InputEvent| {
                                let mut next = (*typed).clone();
                                if let Some(slot) = next.get_mut(id) { *slot = typed_text(&event); }
                                typed.set(next);
                            })
                        };
                        let width = format!("blank-w{}", answer.chars().count().clamp(1, 8));
                        html! {
                            <span class={classes!("recite-blank", verdict.map(|right| if right { "right" } else { "wrong" }))}>
                                if let Some(hint) = hint { <span class="hint-char">{ hint.to_string() }</span> }
                                <input type="text" class={classes!("blank-field", width)} id={format!("blank-{id}")}
                                    aria-label={format!("第{}空", id + 1)} value={typed.get(id).cloned().unwrap_or_default()}
                                    {oninput} autocomplete="off" />
                                if verdict == Some(false) { <span class="correction">{ format!("（{answer}）") }</span> }
                            </span>
                        }
                    }
                }) }
            </p>
            <button type="button" class="button primary" id="recite-check" onclick={oncheck}>{ "检查" }</button>
            if let Some(checked) = &*result {
                <p class="feedback" role="status" id="recite-result" tabindex="-1">
                    { if checked.all_right() { "全部正确！".to_string() } else { format!("填对 {} / {} 空，括号里是正确答案。改好后可以再检查。", checked.n_right(), checked.right.len()) } }
                </p>
                if checked.all_right() {
                    <button type="button" class="button primary" id="recite-next" onclick={props.onnext.clone()}>{ "下一步" }</button>
                }
            }
        </div>
    }
}

#[function_component(MemoryStep)]
fn memory_step(props: &StepProps) -> Html {
    let by_order = use_state(|| false);
    let typed = use_state(String::new);
    let comparison = use_state(|| None::<Comparison>);
    let seed = use_state(platform_free_seed);
    let arrangement = use_state(|| None::<Vec<usize>>);
    let order_result = use_state(|| None::<bool>);
    let reveal = use_reveal();
    let text = props.quotation.text.to_string();
    let toggle = {
        let by_order = by_order.clone();
        Callback::from(move |_| by_order.set(!*by_order))
    };
    if *by_order {
        let Ok(order) = ClauseOrder::new(&text, *seed) else {
            return html! { <p>{ "这一则只有一句，请直接默写。" }</p> };
        };
        let shown = order.shown().to_vec();
        let current = (*arrangement)
            .clone()
            .unwrap_or_else(|| (0..shown.len()).collect());
        let onchange = {
            let arrangement = arrangement.clone();
            Callback::from(move |next: Vec<usize>| arrangement.set(Some(next)))
        };
        let oncheck = {
            let (order_result, onrecord, current, reveal) = (
                order_result.clone(),
                props.onrecord.clone(),
                current.clone(),
                reveal.clone(),
            );
            Callback::from(move |_| {
                let right = order.check(&current).unwrap_or(false);
                onrecord.emit(ClauseOrder::attempt(right));
                reveal.after_render("recite-result", "recite-result");
                order_result.set(Some(right));
            })
        };
        return html! {
            <div class="step" id="recite-step">
                <p class="hint">{ "把下面的句子按原文顺序排好。" }</p>
                <FragmentOrder fragments={shown.iter().map(|clause| AttrValue::from(clause.clone())).collect::<Vec<_>>()}
                    arrangement={current.clone()} {onchange} />
                <div class="tool-row">
                    <button type="button" class="button primary" id="recite-check" onclick={oncheck}>{ "检查顺序" }</button>
                    <button type="button" class="button" onclick={toggle}>{ "改为默写" }</button>
                </div>
                if let Some(right) = *order_result {
                    <div class="feedback" role="status" id="recite-result" tabindex="-1">
                        <p class="verdict">{ if right { "✔ 顺序完全正确！" } else { "✘ 顺序还不对，再调整一下。" } }</p>
                        if right {
                            { after_memory(props.next_quotation.clone()) }
                        }
                    </div>
                }
            </div>
        };
    }
    let oninput = keep_typed(&typed);
    let oncheck = {
        let (typed, comparison, onrecord, text, reveal) = (
            typed.clone(),
            comparison.clone(),
            props.onrecord.clone(),
            text.clone(),
            reveal.clone(),
        );
        Callback::from(move |_| {
            let compared = compare(&text, &typed);
            onrecord.emit(compared.attempt());
            reveal.after_render("recite-result", "recite-result");
            comparison.set(Some(compared));
        })
    };
    html! {
        <div class="step" id="recite-step">
            <p>
                <label for="memory-input">{ "凭记忆写出整段原文（标点可以不写）：" }</label>
                <textarea id="memory-input" class="memory-input" rows="6" value={(*typed).clone()} {oninput} />
            </p>
            <div class="tool-row">
                <button type="button" class="button primary" id="recite-check" onclick={oncheck}>{ "检查" }</button>
                <button type="button" class="button" onclick={toggle}>{ "改为排列句子" }</button>
            </div>
            if let Some(compared) = &*comparison {
                <div class="feedback" role="status" id="recite-result" tabindex="-1">
                    <p class="verdict">{ format!("记住了 {}%{}", compared.recall_percent(), if compared.passed() { "，很好！" } else { "，再练练。" }) }</p>
                    <p class="diff" aria-label="逐字对照：删除线是多写的字，下划线是漏写或写错的字">
                        { for compared.segments.iter().map(|segment| match segment {
                            DiffSegment::Same(t) => html! { <span>{ t.clone() }</span> },
                            DiffSegment::Missing(t) => html! { <ins class="missing">{ t.clone() }</ins> },
                            DiffSegment::Extra(t) => html! { <del class="extra">{ t.clone() }</del> },
                        }) }
                    </p>
                    <p class="hint">{ "下划线：漏写或写错的原文；删除线：多写或写错的字。" }</p>
                    { after_memory(props.next_quotation.clone()) }
                </div>
            }
        </div>
    }
}

/// Where to go once the quotation has been written from memory: the next one of the box
/// (下一则), or after the last one today's reviews.
fn after_memory(next_quotation: Option<Route>) -> Html {
    html! {
        <p class="tool-row">
            if let Some(next) = next_quotation {
                <Link to={next} class="button primary">{ "下一则" }</Link>
            } else {
                <Link to={Route::Review} class="button primary">{ "去今日复习" }</Link>
            }
        </p>
    }
}

/// A seed for the clause order that is the same on the server and in the browser's first
/// render; a new order comes with each new visit to the step.
fn platform_free_seed() -> u64 {
    0x5eed
}
