//! The Yew UI: a thin layer over the pure core. Browser APIs are touched only in effects
//! and in the small modules that own them (`location`).

pub mod app;
pub mod location;
pub mod pages;
pub mod route;

/// Mounts the app into `#app` and marks the document ready for tests and styles.
pub fn start() {
    let document = gloo::utils::document();
    let root = document
        .get_element_by_id("app")
        .expect("index.html has a #app element");
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps::from_location())
        .render();
}
