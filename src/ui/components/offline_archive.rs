//! 全部往期离线保存: the offline copy holds the app, the current 期 and every page once
//! opened; here a reader can choose to keep the whole archive on the device as well. Shown
//! only where a service worker keeps an offline copy.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use crate::ui::service_worker::{self, ArchiveCopy};

#[function_component(OfflineArchive)]
pub fn offline_archive() -> Html {
    let copy = use_state(|| None::<ArchiveCopy>);
    let listener = use_mut_ref(|| None::<EventListener>);
    let ask = {
        let (copy, listener) = (copy.clone(), listener.clone());
        Rc::new(move |keep_all: Option<bool>| {
            let copy = copy.clone();
            *listener.borrow_mut() =
                service_worker::archive_copy(keep_all, move |report| copy.set(Some(report)));
        })
    };
    {
        let ask = ask.clone();
        use_effect_with((), move |_| ask(None));
    }
    let Some(report) = *copy else {
        return html! {};
    };
    let onclick = {
        let ask = ask.clone();
        Callback::from(move |_: MouseEvent| ask(Some(!report.keep_all)))
    };
    let status = if report.busy {
        format!("正在保存到本机：{} / {} 期……", report.kept, report.total)
    } else if report.keep_all {
        format!(
            "全部 {} 期已保存在本机，没有网络也能阅读和自测。",
            report.kept
        )
    } else {
        format!(
            "本机已保存 {} / {} 期（本期和打开过的往期），没有网络时可以阅读。",
            report.kept, report.total
        )
    };
    html! {
        <div class="offline-archive">
            <p class="hint" role="status" id="offline-archive-status">{ status }</p>
            <button type="button" class="button" id="offline-archive-button" {onclick}>
                { if report.keep_all { "只保存本期和打开过的往期" } else { "把全部往期保存到本机" } }
            </button>
        </div>
    }
}
