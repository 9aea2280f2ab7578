//! 今日复习: today's spaced-review queue (FSRS-6). A quotation is recalled and graded by the
//! reader (忘了 / 有点难 / 记得 / 很轻松); a question once answered wrong is asked again and
//! graded by the answer. A card failed today comes back today; one answered right leaves
//! the queue until its next date.

use yew::prelude::*;

use crate::ui::components::question_view::{answer_text, QuestionView};
use crate::ui::hooks::use_today;
use crate::ui::library::{use_library, use_pages, Library};
use crate::ui::nav::Link;
use crate::ui::route::Route;
use crate::ui::store::use_progress;
use xuexi_core::content::Quotation;
use xuexi_core::progress::{CardKey, ProgressAction, QuestionKey};
use xuexi_core::quiz::{grade, Answer, Question, Slot};
use xuexi_core::review::{Card, Day, Grade};

/// What a review card is about.
enum Subject {
    Quotation {
        page: String,
        item: String,
        quotation: &'static Quotation,
    },
    Question {
        page: String,
        question: &'static Question,
    },
}

#[function_component(ReviewPage)]
pub fn review_page() -> Html {
    let progress = use_progress();
    let handle = use_library();
    let library = handle.library();
    let today = use_today();
    // Until the effect has read the clock (and so in the prerendered page), nothing is due:
    // the same page as an empty deck, which the app hydrates without rendering it again.
    let deck = &progress.progress().review;
    let due: Vec<(CardKey, &Card, i64)> = today
        .map(|day| {
            deck.due(Day(day))
                .into_iter()
                .filter_map(|c| Some((reviewable(library, &c.id)?, c, day)))
                .collect()
        })
        .unwrap_or_default();
    let next_date = today.and_then(|day| {
        deck.cards()
            .iter()
            .map(|c| c.due)
            .filter(|d| d.0 > day)
            .min()
    });
    html! {
        <section class="review-page" aria-labelledby="item-title">
            <h2 id="item-title" tabindex="-1">{ "今日复习" }</h2>
            <p id="review-count">{ format!("今天还有 {} 项要复习。", due.len()) }</p>
            { match due.first() {
                Some((key, card, day)) => html! { <ReviewCard key={format!("{}-{}-{}", card.id, card.reviews, day)} card={key.clone()} day={*day} /> },
                None => html! {
                    <div>
                        <p>{ "今天的复习都完成了。" }</p>
                        if let Some(next) = next_date.and_then(|d| d.date()) {
                            <p class="hint">{ format!("下次复习：{}", next.chinese()) }</p>
                        }
                        <p class="hint">{ "背诵过的每周一学和答错过的题，会按记忆规律在合适的日子回来。" }</p>
                    </div>
                },
            } }
            <p><Link to={Route::Home} class="button">{ "返回本期" }</Link></p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReviewCardProps {
    card: CardKey,
    day: i64,
}

#[function_component(ReviewCard)]
fn review_card(props: &ReviewCardProps) -> Html {
    let progress = use_progress();
    let handle = use_library();
    let library = handle.library();
    let revealed = use_state(|| false);
    let slot = use_state(|| None::<Slot>);
    let page_id = props.card.page().to_string();
    let status = use_pages(vec![page_id.clone()]);
    let label = html! { <p class="card-page">{ library.label(&page_id) }</p> };
    if !status.ready() {
        return html! { <p class="hint" role="status">{ "正在打开这一期……" }</p> };
    }
    if !status.unavailable.is_empty() {
        return html! {
            <p class="notice" role="alert">{ format!("{}还没有保存到本机，请联网后再复习这一项。", library.label(&page_id)) }</p>
        };
    }
    match subject(library, &props.card) {
        Some(Subject::Quotation {
            page,
            item,
            quotation,
        }) => {
            let reveal = {
                let revealed = revealed.clone();
                Callback::from(move |_| revealed.set(true))
            };
            let grader = |grade: Grade| {
                let (progress, card, day) = (progress.clone(), props.card.clone(), props.day);
                Callback::from(move |_| {
                    progress.apply(ProgressAction::Reviewed {
                        card: card.clone(),
                        grade,
                        day,
                    })
                })
            };
            html! {
                <article class="review-card" aria-label="复习每周一学">
                    { label.clone() }
                    <p class="column-label">{ "每周一学" }</p>
                    <p class="question-prompt">{ format!("回想这一则：{}，{}{}", quotation.date.chinese(), quotation.speaker, quotation.occasion) }</p>
                    if *revealed {
                        <blockquote class="quotation"><p>{ quotation.text.as_str() }</p></blockquote>
                        <p class="hint">{ "对照原文，你记得怎么样？" }</p>
                        <div class="choices" role="group" aria-label="自评">
                            <button type="button" class="button" onclick={grader(Grade::Again)}>{ "忘了" }</button>
                            <button type="button" class="button" onclick={grader(Grade::Hard)}>{ "有点难" }</button>
                            <button type="button" class="button" onclick={grader(Grade::Good)}>{ "记得" }</button>
                            <button type="button" class="button" onclick={grader(Grade::Easy)}>{ "很轻松" }</button>
                        </div>
                        <p><Link to={Route::Recite { page, item, quotation: quotation.id.to_string() }}>{ "去背诵练习" }</Link></p>
                    } else {
                        <button type="button" class="button primary" id="review-reveal" onclick={reveal}>{ "显示原文" }</button>
                    }
                </article>
            }
        }
        Some(Subject::Question { page, question }) => {
            let current = (*slot).clone().unwrap_or_else(|| {
                let id_len = props.card.to_string().len() as u64;
                Slot::new(question, id_len ^ props.day as u64, 0)
            });
            let onanswer = {
                let (slot, current) = (slot.clone(), current.clone());
                Callback::from(move |answer: Answer| {
                    if current.correct.is_none() {
                        slot.set(Some(Slot {
                            answer: Some(answer),
                            ..current.clone()
                        }));
                    }
                })
            };
            let checked = current.correct;
            let oncheck = {
                let (slot, current) = (slot.clone(), current.clone());
                Callback::from(move |()| {
                    let answer = current
                        .answer
                        .clone()
                        .unwrap_or_else(|| Answer::Order(current.order.clone()));
                    let right = grade(question, &answer);
                    slot.set(Some(Slot {
                        answer: Some(answer),
                        correct: Some(right),
                        ..current.clone()
                    }));
                })
            };
            let onnext = {
                let (progress, current, page) = (progress.clone(), current.clone(), page.clone());
                let day = props.day;
                Callback::from(move |_| {
                    if let (Some(answer), Some(correct)) = (current.answer.clone(), current.correct)
                    {
                        progress.apply(ProgressAction::Answered {
                            question: QuestionKey::new(&page, &question.id),
                            answer,
                            correct,
                            day,
                        });
                    }
                })
            };
            let right = answer_text(question, &xuexi_core::quiz::right_answer(question));
            html! {
                <article class="review-card" aria-label="复习错题">
                    { label }
                    <QuestionView question={question} slot={current.clone()} position={(1, 1)} {onanswer} oncheck={oncheck.clone()} />
                    // Keyed: the button pressed to check never turns into the next one.
                    { match checked {
                        None => html! { <button key="check" type="button" class="button primary" id="quiz-check" onclick={oncheck.reform(|_: MouseEvent| ())}>{ "提交答案" }</button> },
                        Some(correct) => html! {
                            <>
                                <div class={classes!("feedback", if correct { "right" } else { "wrong" })} role="status" id="feedback">
                                    <p class="verdict">{ if correct { "✔ 回答正确" } else { "✘ 回答错误" } }</p>
                                    if !correct { <p>{ format!("正确答案：{right}") }</p> }
                                    <p class="explanation">{ question.explanation.as_str() }</p>
                                </div>
                                <button key="next" type="button" class="button primary" id="review-next" onclick={onnext}>{ "记下，继续" }</button>
                            </>
                        },
                    } }
                </article>
            }
        }
        None => html! {},
    }
}

/// The card `id` names, if the catalog knows what it is about (so it can be reviewed),
/// without fetching its page.
fn reviewable(library: &Library, id: &str) -> Option<CardKey> {
    let card = CardKey::parse(id).ok()?;
    let known = library.known_ids();
    let is_known = match &card {
        CardKey::Question(key) => known.questions.contains(key),
        CardKey::Quotation(key) => known.quotations.contains(key),
    };
    is_known.then_some(card)
}

/// The quotation or question a card names, once its page is loaded.
fn subject(library: &Library, card: &CardKey) -> Option<Subject> {
    match card {
        CardKey::Question(key) => Some(Subject::Question {
            page: key.page().to_string(),
            question: library.bank(key.page())?.question(key.question())?,
        }),
        CardKey::Quotation(key) => Some(Subject::Quotation {
            page: key.page().to_string(),
            item: key.item().to_string(),
            quotation: library.quotation(key.page(), key.item(), key.quotation())?,
        }),
    }
}

/// How many cards are due today, for the home page's 今日复习 button.
pub fn n_due(library: &Library, progress: &xuexi_core::progress::Progress, day: i64) -> usize {
    progress
        .review
        .due(Day(day))
        .into_iter()
        .filter(|c| reviewable(library, &c.id).is_some())
        .count()
}
