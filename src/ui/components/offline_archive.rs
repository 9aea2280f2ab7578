//! 全部往期离线保存: the offline copy holds the app, the current 期 and every page once
//! opened; here a reader can choose to keep the whole archive on the device as well (and
//! every later week's too). Shown only where a service worker keeps an offline copy.

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
    let onclick = Callback::from(move |_: MouseEvent| ask(Some(true)));
    let status = if report.busy {
        format!("正在保存到本机：{} / {} 期……", report.kept, report.total)
    } else if report.keep_all && report.kept == report.total {
        format!(
            "全部 {} 期都已保存在本机，没有网络也能阅读和自测。",
            report.total
        )
    } else {
        format!(
            "本机已保存 {} / {} 期（本期和打开过的往期），没有网络时也能阅读。",
            report.kept, report.total
        )
    };
    html! {
        <div class="offline-archive">
            <p class="hint" role="status" id="offline-archive-status">{ status }</p>
            if !report.busy && report.kept < report.total {
                <button type="button" class="button" id="offline-archive-button" {onclick}>
                    { "把全部往期保存到本机" }
                </button>
            }
        </div>
    }
}
