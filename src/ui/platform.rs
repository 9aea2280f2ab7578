//! The small browser facts and actions the views need: which browser this is, whether
//! speech exists, copying text, absolute URLs, scrolling, and the document's attributes.
//! Call these from effects and event handlers only, never while rendering.

use wasm_bindgen::JsValue;

/// The time now, in milliseconds since the epoch.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The reader's local day number (see `review::Day::local`): the app's one clock.
pub fn today() -> i64 {
    let offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    xuexi_core::review::Day::local(now_ms() as i64, offset_minutes).0
}

/// A fresh seed for drawing and shuffling a quiz.
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64 ^ now_ms()
}

/// Whether the page runs inside WeChat's in-app browser.
pub fn is_wechat() -> bool {
    user_agent().contains("MicroMessenger")
}

/// Whether this WeChat shares (发送给朋友, 分享到朋友圈, 复制链接) the URL the page was
/// loaded with rather than the one on screen after `history.pushState`: WeChat on iOS and
/// on the desktop (Tencent/weui#125 and #591; reports agree that WeChat on Android shares
/// the current URL). There, in-app links load the route's own file instead.
pub fn shares_entry_url() -> bool {
    is_wechat() && !user_agent().contains("Android")
}

/// Loads `href` (relative to the site root) as a new document whose app starts at once:
/// the tab is marked (`sessionStorage["xuexi.app-started"]`), which `boot.js` reads before
/// the first paint, as it reads stored progress.
pub fn load(href: &str) {
    let window = gloo::utils::window();
    if let Ok(Some(session)) = window.session_storage() {
        let _ = session.set_item("xuexi.app-started", "1");
    }
    let _ = window.location().assign(&absolute_url(href));
}

/// Asks the browser to keep this site's storage even when space runs short
/// (`navigator.storage.persist()`): `Some(true)` when it will, `Some(false)` when it
/// declined, `None` when it has no such request (older WebViews, insecure pages).
pub async fn persist_storage() -> Option<bool> {
    use wasm_bindgen::JsCast;
    let navigator = gloo::utils::window().navigator();
    let storage = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage"))
        .ok()
        .filter(|storage| storage.is_object())?;
    let persist = js_sys::Reflect::get(&storage, &JsValue::from_str("persist"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let promise = persist
        .call0(&storage)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let granted = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Some(granted.as_bool() == Some(true))
}

/// Whether the browser can read text aloud (Android WebViews and WeChat often cannot).
pub fn has_speech() -> bool {
    let window = gloo::utils::window();
    js_sys::Reflect::get(&window, &JsValue::from_str("speechSynthesis"))
        .is_ok_and(|synth| !synth.is_undefined() && !synth.is_null())
}

/// Copies `text` to the clipboard where the browser allows it; `false` when it cannot,
/// so the caller shows the text to copy by hand.
pub fn copy_text(text: &str) -> bool {
    let navigator = gloo::utils::window().navigator();
    let has_clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .is_ok_and(|c| !c.is_undefined());
    if !has_clipboard || !gloo::utils::window().is_secure_context() {
        return false;
    }
    let _promise = navigator.clipboard().write_text(text);
    true
}

/// Opens the browser's print dialog.
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Offers `contents` as a file download named `name`.
pub fn download(name: &str, mime: &str, contents: &str) {
    use wasm_bindgen::JsCast;
    let blob = gloo::file::Blob::new_with_options(contents, Some(mime));
    let url = gloo::file::ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    link.set_href(&url);
    link.set_download(name);
    link.click();
}

/// The absolute URL of a link relative to the site root (`<base href>`).
pub fn absolute_url(href: &str) -> String {
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    web_sys::Url::new_with_base(href, &base)
        .map(|url| url.href())
        .unwrap_or_else(|_| href.to_string())
}

/// Sets the document title.
pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// Sets (or with `None` removes) an attribute of `<html>`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

/// Sets a CSS custom property on `<html>`.
pub fn set_root_style(property: &str, value: &str) {
    use wasm_bindgen::JsCast;
    if let Some(root) = gloo::utils::document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = root.style().set_property(property, value);
    }
}

/// Scrolls the window to `top` pixels from the document's start.
pub fn scroll_to(top: f64) {
    gloo::utils::window().scroll_to_with_x_and_y(0.0, top.max(0.0));
}

/// The window's vertical scroll offset and inner height, in pixels.
pub fn viewport() -> (f64, f64) {
    let window = gloo::utils::window();
    let scroll_y = window.scroll_y().unwrap_or(0.0);
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    (scroll_y, height)
}

/// Whether the page is in front of the reader (not a background tab).
pub fn is_visible() -> bool {
    gloo::utils::document().visibility_state() == web_sys::VisibilityState::Visible
}

/// Focuses the element with this id, if there is one, without scrolling to it (a view
/// that restores a reading position must not be thrown back to its top).
pub fn focus(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

fn user_agent() -> String {
    gloo::utils::window()
        .navigator()
        .user_agent()
        .unwrap_or_default()
}

/// Tells the reader the app could not start (its data could not be had): the prerendered
/// text stays readable, and a note at the bottom of the screen says why.
pub fn report_start_failure(why: &str) {
    let document = gloo::utils::document();
    let Some(body) = document.body() else {
        return;
    };
    if let Ok(note) = document.create_element("div") {
        note.set_class_name("app-status failed");
        let _ = note.set_attribute("role", "status");
        note.set_text_content(Some(&format!(
            "学习功能没能打开：{why}。文章仍可阅读；请联网后刷新本页。"
        )));
        let _ = body.append_child(&note);
    }
    let _ = body.set_attribute("data-app", "failed");
}

/// The build this page belongs to (`<meta name="xuexi-version">`, written by the precache
/// step); empty in a development build.
pub fn build_version() -> String {
    gloo::utils::document()
        .query_selector("meta[name=\"xuexi-version\"]")
        .ok()
        .flatten()
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_default()
}

/// Brings the stretch from the top of element `first` to the bottom of element `last` on
/// screen below the sticky header, scrolling as little as it takes (its top first when it
/// is taller than the screen), and moves the focus to `first` without another scroll.
pub fn reveal(first: &str, last: &str) {
    let document = gloo::utils::document();
    let (Some(top_element), Some(bottom_element)) = (
        document.get_element_by_id(first),
        document.get_element_by_id(last),
    ) else {
        return;
    };
    // A little air between the header and what is shown, and above the screen's edge.
    const MARGIN: f64 = 8.0;
    let header_bottom = document
        .query_selector(".app-header")
        .ok()
        .flatten()
        .map_or(0.0, |header| {
            header.get_bounding_client_rect().bottom().max(0.0)
        });
    let (_, height) = viewport();
    let top = top_element.get_bounding_client_rect().top();
    let bottom = bottom_element.get_bounding_client_rect().bottom().max(top);
    let (room_top, room_bottom) = (header_bottom + MARGIN, height - MARGIN);
    let by = if top < room_top {
        top - room_top
    } else if bottom > room_bottom {
        (bottom - room_bottom).min(top - room_top)
    } else {
        0.0
    };
    if by != 0.0 {
        gloo::utils::window().scroll_by_with_x_and_y(0.0, by);
    }
    focus(first);
}
