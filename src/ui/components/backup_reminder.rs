//! The backup reminder: once a reader has something worth keeping and has made no backup
//! code for a month, a banner suggests one and how to keep it (send it to 文件传输助手),
//! at most once a week (`core::progress::reminder`), decided when the page opens. Where the browser has it, the app
//! also asks for persistent storage as soon as there is something worth keeping. The shell
//! leaves it out of 学习记录 itself, where the backup is made.

use yew::prelude::*;

use crate::ui::nav::Link;
use crate::ui::platform;
use crate::ui::route::Route;
use crate::ui::store::use_progress;
use xuexi_core::progress::{backup_due, worth_keeping, ProgressAction};

#[function_component(BackupReminder)]
pub fn backup_reminder() -> Html {
    let progress = use_progress();
    let shown = use_state(|| false);
    {
        // Where the browser has it, ask for persistent storage as soon as there is
        // something worth keeping.
        let worth = progress.loaded() && worth_keeping(progress.progress());
        use_effect_with(worth, move |worth| {
            if *worth {
                wasm_bindgen_futures::spawn_local(async {
                    let _ = platform::persist_storage().await;
                });
            }
        });
    }
    {
        // Decided once, from the progress as it was stored when the page opened: never in
        // the middle of what the reader is doing (a first answer must not push the quiz
        // down the screen). The reminder is recorded as it is shown, and stays until
        // dismissed or the reader goes to back up.
        let (progress, shown) = (progress.clone(), shown.clone());
        use_effect_with(progress.loaded(), move |loaded| {
            let now = platform::now_ms();
            if *loaded && backup_due(progress.progress(), now) {
                progress.apply(ProgressAction::Reminded { at_ms: now });
                shown.set(true);
            }
        });
    }
    if !*shown {
        return html! {};
    }
    let dismiss = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(false))
    };
    html! {
        <aside class="backup-reminder" id="backup-reminder" aria-labelledby="backup-reminder-title">
            <p id="backup-reminder-title"><strong>{ "备份一下学习记录吧" }</strong></p>
            <p>{ "学习记录只存在这部手机的浏览器里，微信退出登录或清理存储时可能被清除。到「学习记录」生成学习码，发送给微信里的「文件传输助手」，换手机或记录丢失时粘贴导入即可。" }</p>
            <p class="tool-row">
                <Link to={Route::Record} class="button">{ "去备份" }</Link>
                <button type="button" class="button" id="backup-reminder-later" onclick={dismiss}>{ "以后再说" }</button>
            </p>
        </aside>
    }
}
