//! Offline and updates: follows the service worker (`sw.js`) where the browser has one,
//! notices a newer build, and applies it only when the reader asks. The only Rust module
//! that touches `navigator.serviceWorker`. `assets/start.js` registers the worker after
//! `load`, whether or not the app ever starts; registering it again here changes nothing
//! and hands back the registration to follow (the app may start before `load`).
//!
//! A newer build is noticed two ways. With a service worker, the browser installs the new
//! `sw.js` next to the running one, where it waits; that is the update to offer. Without
//! one (iOS WeChat, some Android webviews), `version.json`, fetched past every cache on
//! start and whenever the page comes back into view, names a different build than this
//! page's `<meta name="xuexi-version">` (both written by `tools/src/bin/precache.rs`); with a
//! service worker the same check asks the browser to look for the new `sw.js` at once,
//! since a page left open in WeChat may never be navigated again. Nothing reloads until
//! the reader taps the prompt, so an answer half-typed is never lost.
//!
//! A development build, and the offline shell (served for every build alike), have an empty
//! version meta: the app on them registers nothing and checks nothing.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use js_sys::{Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    RequestCache, RequestInit, Response, ServiceWorker, ServiceWorkerContainer,
    ServiceWorkerRegistration, ServiceWorkerState,
};

use super::platform;

/// Keeps the update checks alive; dropping it stops them.
pub struct UpdateWatch {
    listeners: Rc<RefCell<Vec<EventListener>>>,
}

/// Registers the service worker, checks for a newer build now and whenever the page comes
/// back into view, and calls `onavailable` when there is one to apply.
pub fn watch(onavailable: impl Fn() + Clone + 'static) -> UpdateWatch {
    let listeners = Rc::new(RefCell::new(Vec::new()));
    let Some(version) = page_version() else {
        return UpdateWatch { listeners };
    };
    if let Some(container) = container() {
        let (listeners, onavailable) = (listeners.clone(), onavailable.clone());
        let registering = container.register(&platform::absolute_url("sw.js"));
        spawn_local(async move {
            let Some(registration) = registered(registering).await else {
                return;
            };
            follow_install(&registration, &listeners, &onavailable);
            let target = registration.clone();
            let found_listeners = listeners.clone();
            listeners
                .borrow_mut()
                .push(EventListener::new(&target, "updatefound", move |_| {
                    follow_install(&registration, &found_listeners, &onavailable)
                }));
        });
    }
    check_version(version.clone(), onavailable.clone());
    let visibility = EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
        if platform::is_visible() {
            check_version(version.clone(), onavailable.clone());
        }
    });
    listeners.borrow_mut().push(visibility);
    UpdateWatch { listeners }
}

/// Applies the newer build: the waiting service worker takes over and the page reloads
/// once it has; without one, a plain reload fetches the new page.
pub fn apply_update() {
    let Some(container) = container() else {
        reload();
        return;
    };
    let asking = container.get_registration();
    spawn_local(async move {
        let Ok(found) = JsFuture::from(asking).await else {
            return;
        };
        let waiting = found
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
            .and_then(|registration| registration.waiting());
        let Some(worker) = waiting else {
            reload();
            return;
        };
        EventListener::once(&container, "controllerchange", |_| reload()).forget();
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
        let _ = worker.post_message(&message);
    });
}

/// What the offline copy holds of the archive's pages, as the service worker reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArchiveCopy {
    /// Whether the reader chose to keep every page offline.
    pub keep_all: bool,
    /// Pages whose data the offline copy holds.
    pub kept: u32,
    /// Pages in the archive.
    pub total: u32,
    /// Whether the worker is still fetching pages.
    pub busy: bool,
}

/// Asks the service worker controlling this page about its copy of the archive, and with
/// `keep_all` set, to keep every page (or, `Some(false)`, only the current one and those
/// opened). `onreport` hears every report until the returned listener is dropped; `None`
/// when no worker controls the page (no offline copy at all, as in iOS WeChat).
pub fn archive_copy(
    keep_all: Option<bool>,
    onreport: impl Fn(ArchiveCopy) + 'static,
) -> Option<EventListener> {
    let container = container()?;
    let worker = container.controller()?;
    let listener = EventListener::new(&container, "message", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = event.data();
        let field = |name: &str| Reflect::get(&data, &name.into()).ok();
        if field("type").and_then(|t| t.as_string()).as_deref() != Some("ARCHIVE") {
            return;
        }
        let number = |name: &str| field(name).and_then(|v| v.as_f64()).unwrap_or(0.0) as u32;
        let flag = |name: &str| field(name).is_some_and(|v| v.is_truthy());
        onreport(ArchiveCopy {
            keep_all: flag("keepAll"),
            kept: number("kept"),
            total: number("total"),
            busy: flag("busy"),
        });
    });
    let message = js_sys::Object::new();
    let _ = Reflect::set(&message, &"type".into(), &"ARCHIVE".into());
    if let Some(keep_all) = keep_all {
        let _ = Reflect::set(&message, &"keepAll".into(), &keep_all.into());
    }
    let _ = worker.post_message(&message);
    Some(listener)
}

impl Drop for UpdateWatch {
    fn drop(&mut self) {
        self.listeners.borrow_mut().clear();
    }
}

/// Offers the update once a newer worker waits behind a running one; follows one that is
/// still installing. (The first install also passes through "installed", but with no
/// running worker to wait behind it activates at once, and there is nothing to offer.)
fn follow_install(
    registration: &ServiceWorkerRegistration,
    listeners: &Rc<RefCell<Vec<EventListener>>>,
    onavailable: &(impl Fn() + Clone + 'static),
) {
    if registration.waiting().is_some() && registration.active().is_some() {
        onavailable();
        return;
    }
    let Some(worker) = registration.installing() else {
        return;
    };
    let (registration, onavailable) = (registration.clone(), onavailable.clone());
    let target: ServiceWorker = worker.clone();
    listeners
        .borrow_mut()
        .push(EventListener::new(&target, "statechange", move |_| {
            let installed = worker.state() == ServiceWorkerState::Installed;
            if installed && registration.active().is_some() {
                onavailable();
            }
        }));
}

/// Compares the served build with this page's, unless the browser knows it is offline.
fn check_version(page_version: String, onavailable: impl Fn() + Clone + 'static) {
    let window = gloo::utils::window();
    if !window.navigator().on_line() {
        return;
    }
    let init = RequestInit::new();
    init.set_cache(RequestCache::NoStore);
    let request = window.fetch_with_str_and_init(&platform::absolute_url("version.json"), &init);
    spawn_local(async move {
        if served_version(request)
            .await
            .is_some_and(|served| served != page_version)
        {
            newer_build_served(onavailable).await;
        }
    });
}

/// The build `version.json` names, once the request for it answers; `None` when it fails or
/// names none.
async fn served_version(request: Promise) -> Option<String> {
    let response: Response = JsFuture::from(request).await.ok()?.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    let json = JsFuture::from(response.json().ok()?).await.ok()?;
    Reflect::get(&json, &"version".into()).ok()?.as_string()
}

/// A newer build is on the server. Without a service worker a reload brings it; with one
/// a reload would bring back the cached page, so the browser fetches the new `sw.js` and
/// the prompt appears once that is installed (`follow_install`, on "updatefound").
async fn newer_build_served(onavailable: impl Fn()) {
    let Some(container) = container() else {
        onavailable();
        return;
    };
    let Ok(found) = JsFuture::from(container.get_registration()).await else {
        return;
    };
    match found.dyn_into::<ServiceWorkerRegistration>() {
        Ok(registration) => {
            if let Ok(update) = registration.update() {
                // Offline, or no new `sw.js` after all: nothing to offer.
                let _ = JsFuture::from(update).await;
            }
        }
        // Registered nothing (yet): a reload fetches the new page from the network.
        Err(_) => onavailable(),
    }
}

/// `navigator.serviceWorker`, where the browser has it.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    Reflect::get(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
        .map(JsCast::unchecked_into)
}

/// The build this page belongs to; `None` in a development build.
fn page_version() -> Option<String> {
    Some(platform::build_version()).filter(|version| !version.is_empty())
}

/// The registration `registering` resolves with; `None` when it is refused (offline, or a
/// browser that refuses to register a worker) or resolves with nothing (some browsers that
/// block workers, and test harnesses), which ends the story quietly.
async fn registered(registering: Promise) -> Option<ServiceWorkerRegistration> {
    JsFuture::from(registering).await.ok()?.dyn_into().ok()
}

fn reload() {
    let _ = gloo::utils::window().location().reload();
}
