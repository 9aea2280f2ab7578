//! 备份与恢复: export the reader's progress as a file (or, inside WeChat, where downloads
//! do not work, as a text code to copy) and import one back, merged with what is here.
//! A bad file or code changes nothing and says what is wrong. It also asks the browser to
//! keep the site's storage (`navigator.storage.persist()`) and shows the answer.

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::ui::hooks::{keep_typed, use_wechat};
use crate::ui::library::use_library;
use crate::ui::platform;
use crate::ui::store::use_progress;
use xuexi_core::progress::{export_code, export_json, import, transfer, ProgressAction};

/// What the last export or import did.
#[derive(Clone, PartialEq)]
enum Outcome {
    None,
    Exported,
    /// The code to copy by hand.
    Code(String),
    Imported,
    Refused(String),
}

#[function_component(Backup)]
pub fn backup() -> Html {
    let progress = use_progress();
    let library = use_library();
    let outcome = use_state(|| Outcome::None);
    let in_wechat = use_wechat();
    let pasted = use_state(String::new);
    let reader = use_mut_ref(|| None::<FileReader>);
    // The browser's answer to the request for persistent storage; `None` until it comes.
    let persisted = use_state(|| None::<Option<bool>>);
    {
        let persisted = persisted.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                persisted.set(Some(platform::persist_storage().await));
            });
        });
    }
    let take_in = {
        let (progress, outcome, library) = (progress.clone(), outcome.clone(), library.clone());
        Callback::from(move |text: String| {
            let known = library.library().known_ids();
            match import(&text, known, progress.progress()) {
                Ok(merged) => {
                    progress.replace(merged);
                    outcome.set(Outcome::Imported);
                }
                Err(why) => outcome.set(Outcome::Refused(why.to_string())),
            }
        })
    };
    let onexport = {
        let (progress, outcome) = (progress.clone(), outcome.clone());
        Callback::from(move |_| {
            let now = platform::now_ms();
            progress.apply(ProgressAction::BackedUp { at_ms: now });
            if in_wechat {
                outcome.set(Outcome::Code(export_code(progress.progress(), now)));
            } else {
                let json = export_json(progress.progress(), now);
                platform::download("学习记录.json", "application/json", &json);
                outcome.set(Outcome::Exported);
            }
        })
    };
    let onshowcode = {
        let (progress, outcome) = (progress.clone(), outcome.clone());
        Callback::from(move |_| {
            let now = platform::now_ms();
            progress.apply(ProgressAction::BackedUp { at_ms: now });
            outcome.set(Outcome::Code(export_code(progress.progress(), now)))
        })
    };
    let onfile = {
        let (reader, outcome, take_in) = (reader.clone(), outcome.clone(), take_in.clone());
        Callback::from(move |event: Event| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let file = gloo::file::File::from(file);
            // Refuse a huge file before reading it into memory.
            if file.size() > transfer::MAX_IMPORT_BYTES as u64 {
                let why = xuexi_core::progress::ImportError::TooLarge {
                    bytes: file.size() as usize,
                };
                outcome.set(Outcome::Refused(why.to_string()));
                return;
            }
            let (outcome, take_in) = (outcome.clone(), take_in.clone());
            *reader.borrow_mut() =
                Some(gloo::file::callbacks::read_as_text(
                    &file,
                    move |text| match text {
                        Ok(text) => take_in.emit(text),
                        Err(_) => outcome.set(Outcome::Refused("文件无法读取".to_string())),
                    },
                ));
            input.set_value("");
        })
    };
    let onpaste = keep_typed(&pasted);
    let onimportcode = {
        let (pasted, take_in) = (pasted.clone(), take_in.clone());
        Callback::from(move |_| take_in.emit((*pasted).clone()))
    };
    html! {
        <section class="backup" aria-labelledby="backup-title">
            <h3 id="backup-title">{ "备份与恢复" }</h3>
            <p class="hint">{ "把学习记录带到另一部手机：先导出，再在那边导入。导入会合并，不会覆盖。" }</p>
            { match *persisted {
                None => html! {},
                Some(answer) => html! {
                    <p class="hint" id="storage-persist" data-persisted={match answer { Some(true) => "granted", Some(false) => "declined", None => "unsupported" }}>
                        { match answer {
                            Some(true) => "本机存储：已设为持久保存，浏览器不会因空间不足自动清除学习记录（退出微信登录或清理微信存储仍会清除，请备份）。",
                            Some(false) => "本机存储：浏览器没有同意持久保存，空间不足时学习记录可能被清除，请定期生成学习码备份。",
                            None => "本机存储：这个浏览器不能设置持久保存，请定期生成学习码备份。",
                        } }
                    </p>
                },
            } }
            <div class="tool-row">
                <button type="button" class="button" id="export-button" onclick={onexport}>
                    { if in_wechat { "生成学习码" } else { "导出为文件" } }
                </button>
                if !in_wechat {
                    <button type="button" class="button" onclick={onshowcode}>{ "生成学习码" }</button>
                }
            </div>
            <p>
                <label for="import-file">{ "从文件导入：" }</label>
                <input id="import-file" type="file" accept=".json,application/json,text/plain" onchange={onfile} />
            </p>
            <p>
                <label for="import-code">{ "或粘贴学习码：" }</label>
                <textarea id="import-code" class="code-box" rows="3" oninput={onpaste} value={(*pasted).clone()} />
            </p>
            <button type="button" class="button" id="import-code-button" onclick={onimportcode}>{ "导入学习码" }</button>
            { match &*outcome {
                Outcome::None => html! {},
                Outcome::Exported => html! { <p class="hint" role="status">{ "已导出文件「学习记录.json」。" }</p> },
                Outcome::Code(code) => html! {
                    <p role="status">
                        <label for="export-code">{ "学习码（长按全选后复制，发送给微信的「文件传输助手」保存）：" }</label>
                        <textarea id="export-code" class="code-box" rows="4" readonly=true value={code.clone()} />
                    </p>
                },
                Outcome::Imported => html! { <p class="hint" role="status" id="import-result">{ "导入成功，已与本机记录合并。" }</p> },
                Outcome::Refused(why) => html! { <p class="notice" role="alert" id="import-result">{ format!("没有导入：{why}。本机记录没有改变。") }</p> },
            } }
        </section>
    }
}
