//! 结果码 on a quiz's result: the member types their name once (kept on this device), then
//! copies one line to paste into the branch's WeChat group. The code holds only what the
//! result shows: the page, the quiz, the name, the score with each answer's verdict, and
//! the day.

use yew::prelude::*;

use crate::ui::branch_store;
use crate::ui::hooks::{copy_and_say, keep_typed, use_today};
use crate::ui::platform;
use xuexi_core::branch::code::{clean_name, MAX_NAME_CHARS};
use xuexi_core::branch::ResultCode;
use xuexi_core::quiz::{Bank, QuizKind, QuizResult};
use xuexi_core::review::Day;

#[derive(Properties, PartialEq)]
pub struct ResultCodeBoxProps {
    pub bank: &'static Bank,
    pub kind: QuizKind,
    pub result: QuizResult,
}

#[function_component(ResultCodeBox)]
pub fn result_code_box(props: &ResultCodeBoxProps) -> Html {
    // Read from the device after the first render: the member's name and today.
    let name = use_state(|| None::<String>);
    let today = use_today();
    let editing = use_state(|| false);
    let draft = use_state(String::new);
    let message = use_state(|| None::<String>);
    // Where the focus goes once a change is on screen: the code after saving the name, the
    // name's box after 改姓名 (the button pressed is gone by then).
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
        let (name, editing) = (name.clone(), editing.clone());
        use_effect_with((), move |_| {
            let saved = branch_store::name();
            editing.set(saved.is_none());
            name.set(saved);
        });
    }
    let code = match (&*name, today) {
        (Some(name), Some(day)) => {
            ResultCode::of_result(name, props.bank, &props.kind, &props.result, Day(day))
                .ok()
                .map(|code| code.encode())
        }
        _ => None,
    };
    let oninput = keep_typed(&draft);
    let onsave = {
        let (name, draft, editing, message) = (
            name.clone(),
            draft.clone(),
            editing.clone(),
            message.clone(),
        );
        let pending_focus = pending_focus.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            match clean_name(&draft) {
                Some(clean) => {
                    let kept = branch_store::save_name(&clean);
                    message.set((!kept).then(|| {
                        "本机不能保存姓名（可能是无痕模式），这次照样可以复制。".to_string()
                    }));
                    name.set(Some(clean));
                    editing.set(false);
                    *pending_focus.borrow_mut() = Some("result-code");
                }
                None => message.set(Some(format!(
                    "请填写姓名：不超过 {MAX_NAME_CHARS} 个字，中间不要有空格或斜杠。"
                ))),
            }
        })
    };
    let onedit = {
        let (editing, draft, name) = (editing.clone(), draft.clone(), name.clone());
        let pending_focus = pending_focus.clone();
        Callback::from(move |_| {
            draft.set((*name).clone().unwrap_or_default());
            editing.set(true);
            *pending_focus.borrow_mut() = Some("member-name");
        })
    };
    let oncopy = {
        let (code, message) = (code.clone(), message.clone());
        Callback::from(move |_| {
            let Some(code) = &code else { return };
            copy_and_say(
                code,
                &message,
                "已复制，请到支部群里粘贴发送。",
                "这个浏览器不能自动复制：请长按上面的结果码，选择「复制」。",
            );
        })
    };
    html! {
        <section class="result-code-box" aria-labelledby="result-code-title">
            <h3 id="result-code-title">{ "发到支部群" }</h3>
            if *editing {
                <form class="member-name-form" onsubmit={onsave}>
                    <label for="member-name">{ "你的姓名（只填一次，只保存在本机）" }</label>
                    <input id="member-name" class="text-input" type="text" autocomplete="name"
                        maxlength="12" value={(*draft).clone()} {oninput} />
                    <button type="submit" class="button primary" id="member-name-save">{ "生成结果码" }</button>
                </form>
            } else if let Some(code) = &code {
                <p class="hint">{ format!("{}的结果码（{}，把它复制到支部群里，书记汇总时会自动识别）：",
                    name.as_deref().unwrap_or_default(),
                    today.and_then(|d| Day(d).date()).map(|d| d.to_string()).unwrap_or_default()) }</p>
                <p class="result-code" id="result-code" tabindex="-1">{ code.clone() }</p>
                <div class="tool-row">
                    <button type="button" class="button primary" id="copy-result-code" onclick={oncopy}>{ "复制结果码" }</button>
                    <button type="button" class="button" id="change-member-name" onclick={onedit}>{ "改姓名" }</button>
                </div>
            } else if name.is_some() {
                <p class="hint">{ "这个测验不能生成结果码。" }</p>
            }
            <p class="hint" role="status">{ (*message).clone().unwrap_or_default() }</p>
            <p class="hint">{ "结果码里只有：本期、测验、姓名、得分、每题对错和日期，都是这一页上看得到的；不会上传任何东西。" }</p>
        </section>
    }
}
