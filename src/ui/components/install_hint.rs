//! Installing the app to the home screen: inside WeChat, which cannot install web apps,
//! the way out to a browser (shown by app.css where boot.js marked the page `data-wechat`,
//! so it takes its place from the first paint); elsewhere, when the browser offers
//! installation, a button for it.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

#[function_component(InstallHint)]
pub fn install_hint() -> Html {
    let offer = use_state(|| None::<Rc<JsValue>>);
    let listener = use_mut_ref(|| None::<EventListener>);
    {
        let (offer, listener) = (offer.clone(), listener.clone());
        use_effect_with((), move |_| {
            // The browser's install offer, kept to show when the reader asks.
            let kept = EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeinstallprompt",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                move |event| {
                    event.prevent_default();
                    offer.set(Some(Rc::new(JsValue::from(event.clone()))));
                },
            );
            *listener.borrow_mut() = Some(kept);
        });
    }
    let wechat_hint = html! {
        <p class="install-hint wechat-only">{ "想把学习伴侣放到手机桌面？点右上角 ··· ，选「在浏览器中打开」，再在浏览器里添加到主屏幕。" }</p>
    };
    let Some(event) = (*offer).clone() else {
        return wechat_hint;
    };
    let oninstall = {
        let offer = offer.clone();
        Callback::from(move |_| {
            if let Ok(prompt) = js_sys::Reflect::get(&event, &JsValue::from_str("prompt")) {
                if let Some(prompt) = wasm_bindgen::JsCast::dyn_ref::<js_sys::Function>(&prompt) {
                    let _ = prompt.call0(&event);
                }
            }
            offer.set(None);
        })
    };
    html! {
        <>
            { wechat_hint }
            <p><button type="button" class="button" id="install-button" onclick={oninstall}>{ "安装到手机桌面" }</button></p>
        </>
    }
}
