//! The Yew UI: a thin layer over the pure core. Browser APIs are touched only in effects,
//! in event handlers, and in the small modules that own them (`location`, `platform`,
//! `speech`, `store`).

pub mod app;
pub mod components;
pub mod location;
pub mod meta;
pub mod nav;
pub mod pages;
pub mod platform;
pub mod route;
pub mod service_worker;
pub mod speech;
pub mod store;

/// Hydrates the prerendered page in `#app`: the app takes over the DOM the build rendered for
/// this route (`src/bin/prerender.rs`) instead of rendering it again.
pub fn start() {
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("app")
        .expect("index.html has a #app element");
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps::from_location()).hydrate();
}
