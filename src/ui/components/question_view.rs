//! One question with the controls to answer it: radio buttons (单选, 判断), check boxes
//! (多选), a text box in the gap (填空), or fragments to move up and down (排序). Options
//! are shown in the slot's shuffled order; answers name options by their original index.
//! Once checked, the right options and the reader's wrong choice are marked ✔/✘ in words.

use yew::prelude::*;

use crate::ui::components::fragment_order::FragmentOrder;
use crate::ui::route::Route;
use xuexi_core::content::Page;
use xuexi_core::quiz::{Answer, Question, QuestionKind, Slot};

#[derive(Properties, PartialEq)]
pub struct QuestionViewProps {
    pub question: &'static Question,
    pub slot: Slot,
    /// The position shown to the reader, e.g. (3, 10) for 第 3 / 10 题.
    pub position: (usize, usize),
    /// Hears every change of answer; locked once the slot is checked.
    pub onanswer: Callback<Answer>,
    /// Asks for the answer to be checked, as 提交答案 does: Enter in a blank's text box.
    pub oncheck: Callback<()>,
}

#[function_component(QuestionView)]
pub fn question_view(props: &QuestionViewProps) -> Html {
    let question = props.question;
    let locked = props.slot.correct.is_some();
    let (n, total) = props.position;
    let legend = html! {
        <legend>
            <span class="question-meta">{ format!("第 {n} / {total} 题 · {}", question.kind.label()) }</span>
            <span class="question-prompt" id="question-prompt">{ prompt_text(question) }</span>
        </legend>
    };
    let controls = match &question.kind {
        QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => choices(props, locked),
        QuestionKind::TrueFalse { .. } => true_false(props, locked),
        QuestionKind::Blank { .. } => blank(props, locked),
        QuestionKind::Order { .. } => ordering(props, locked),
    };
    html! {
        <fieldset class="question" id="question" tabindex="-1" disabled={locked} data-question={question.id.to_string()}>
            { legend }
            { controls }
        </fieldset>
    }
}

/// The prompt as the reader sees it; a blank's gap is shown as a line.
fn prompt_text(question: &Question) -> String {
    match question.prompt_around_gap() {
        Some((before, after)) => format!("{before}＿＿＿＿{after}"),
        None => question.prompt.to_string(),
    }
}

fn choices(props: &QuestionViewProps, locked: bool) -> Html {
    let question = props.question;
    let multiple = matches!(question.kind, QuestionKind::Multiple { .. });
    let chosen: Vec<usize> = match &props.slot.answer {
        Some(Answer::Choices(chosen)) => chosen.clone(),
        _ => Vec::new(),
    };
    let options = question.options();
    html! {
        <ul class="options">
            { for props.slot.order.iter().enumerate().map(|(shown, &original)| {
                let checked = chosen.contains(&original);
                let onchange = {
                    let (onanswer, chosen) = (props.onanswer.clone(), chosen.clone());
                    Callback::from(move |_: Event| {
                        let next = if multiple {
                            let mut next: Vec<usize> = chosen.iter().copied().filter(|&c| c != original).collect();
                            if !checked {
                                next.push(original);
                                next.sort_unstable();
                            }
                            next
                        } else {
                            vec![original]
                        };
                        onanswer.emit(Answer::Choices(next));
                    })
                };
                let id = format!("option-{shown}");
                let letter = char::from(b'A' + shown as u8);
                let right = options[original].correct;
                html! {
                    <li data-option={original.to_string()} class={marked(locked, right, checked)}>
                        <input type={if multiple { "checkbox" } else { "radio" }} name="answer" id={id.clone()}
                            {checked} {onchange} disabled={locked} />
                        <label for={id}><span class="letter">{ letter }</span><span class="option-text">{ options[original].text.as_str() }</span>
                            { mark(locked, right, checked) }</label>
                    </li>
                }
            }) }
        </ul>
    }
}

fn true_false(props: &QuestionViewProps, locked: bool) -> Html {
    let truth = matches!(
        props.question.kind,
        QuestionKind::TrueFalse { answer: true }
    );
    let given = match &props.slot.answer {
        Some(Answer::TrueFalse(given)) => Some(*given),
        _ => None,
    };
    html! {
        <ul class="options">
            { for [(true, "对"), (false, "错")].into_iter().map(|(value, label)| {
                let onchange = {
                    let onanswer = props.onanswer.clone();
                    Callback::from(move |_: Event| onanswer.emit(Answer::TrueFalse(value)))
                };
                let id = format!("option-{value}");
                let (right, checked) = (truth == value, given == Some(value));
                html! {
                    <li class={marked(locked, right, checked)}>
                        <input type="radio" name="answer" id={id.clone()} {checked}
                            {onchange} disabled={locked} />
                        <label for={id}><span class="option-text">{ label }</span>{ mark(locked, right, checked) }</label>
                    </li>
                }
            }) }
        </ul>
    }
}

/// A checked option's class: the right answer, or the reader's wrong choice.
fn marked(locked: bool, right: bool, chosen: bool) -> Classes {
    match (locked, right, chosen) {
        (false, _, _) => classes!(),
        (true, true, _) => classes!("right-answer", chosen.then_some("chosen")),
        (true, false, true) => classes!("wrong-choice", "chosen"),
        (true, false, false) => classes!(),
    }
}

/// Once checked, each option says in words what it was, not by colour only.
fn mark(locked: bool, right: bool, chosen: bool) -> Html {
    let words = match (locked, right, chosen) {
        (true, true, true) => "✔ 正确答案，你选对了",
        (true, true, false) => "✔ 正确答案",
        (true, false, true) => "✘ 你的选择，不对",
        _ => return html! {},
    };
    html! { <span class="option-mark">{ words }</span> }
}

fn blank(props: &QuestionViewProps, locked: bool) -> Html {
    let typed = match &props.slot.answer {
        Some(Answer::Text(typed)) => typed.clone(),
        _ => String::new(),
    };
    let oninput = {
        let onanswer = props.onanswer.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            onanswer.emit(Answer::Text(input.value()));
        })
    };
    let onkeydown = {
        let oncheck = props.oncheck.clone();
        Callback::from(move |event: KeyboardEvent| {
            // An Enter that ends a composition (typing Chinese with an input method) only
            // commits the characters.
            if event.key() == "Enter" && !event.is_composing() {
                event.prevent_default();
                oncheck.emit(());
            }
        })
    };
    html! {
        <p class="blank">
            <label for="blank-input">{ "在横线处填写：" }</label>
            <input id="blank-input" class="blank-input" type="text" value={typed} {oninput} {onkeydown}
                disabled={locked} autocomplete="off" enterkeyhint="done" />
        </p>
    }
}

fn ordering(props: &QuestionViewProps, locked: bool) -> Html {
    let QuestionKind::Order { fragments } = &props.question.kind else {
        return html! {};
    };
    let arrangement: Vec<usize> = match &props.slot.answer {
        Some(Answer::Order(order)) => order.clone(),
        _ => props.slot.order.clone(),
    };
    let fragments: Vec<AttrValue> = fragments
        .iter()
        .map(|f| AttrValue::from(f.to_string()))
        .collect();
    let onchange = props.onanswer.reform(Answer::Order);
    html! { <FragmentOrder {fragments} {arrangement} {locked} {onchange} /> }
}

/// An answer in words: the chosen options, 对/错, what was typed, or the fragments in order.
pub fn answer_text(question: &Question, answer: &Answer) -> String {
    match (&question.kind, answer) {
        (
            QuestionKind::Single { options } | QuestionKind::Multiple { options },
            Answer::Choices(chosen),
        ) => chosen
            .iter()
            .filter_map(|&i| options.get(i).map(|o| o.text.to_string()))
            .collect::<Vec<_>>()
            .join("；"),
        (_, Answer::TrueFalse(value)) => if *value { "对" } else { "错" }.to_string(),
        (_, Answer::Text(typed)) => typed.clone(),
        (QuestionKind::Order { fragments }, Answer::Order(order)) => order
            .iter()
            .filter_map(|&i| fragments.get(i).map(|f| f.to_string()))
            .collect::<Vec<_>>()
            .join(" → "),
        _ => String::new(),
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
