//! The Yew UI: a thin layer over the pure core. Browser APIs are touched only in effects,
//! in event handlers, in [`start`] (the document it hydrates), and in the modules that own
//! them: `library` (fetching the data files), `location` (the page's URL), `platform` (the
//! clock, the user agent, clipboard, downloads, scrolling, focus, the document's marks),
//! `service_worker` (`navigator.serviceWorker`), `speech` (`speechSynthesis`), `store` (the
//! progress in localStorage) and `branch_store` (the member's name and the roster in
//! localStorage, the pastes in sessionStorage). `hooks` hands a view what `platform` reads of
//! the device once the page has hydrated.

pub mod app;
pub mod branch_store;
pub mod components;
pub mod hooks;
pub mod library;
pub mod location;
pub mod meta;
pub mod nav;
pub mod pages;
pub mod platform;
pub mod reveal;
pub mod route;
pub mod service_worker;
pub mod speech;
pub mod store;

/// Loads the catalog and the route's own page, then hydrates the prerendered page in `#app`:
/// the app takes over the DOM the build rendered for this route (`tools/src/bin/prerender.rs`)
/// instead of rendering it again. A page the service worker served from its offline shell
/// (`<meta name="xuexi-shell">`, a route it had not kept) has nothing prerendered: the app
/// renders it. If the data cannot be had, the prerendered text stays and the reader is told.
pub fn start() {
    library::fetch::spawn(async {
        let route = location::current_route();
        match load(&route).await {
            Ok(library) => {
                let document = gloo::utils::document();
                let root = document
                    .get_element_by_id("app")
                    .expect("index.html has a #app element");
                let props = app::AppProps { route, library };
                let renderer = yew::Renderer::<app::App>::with_root_and_props(root, props);
                if document
                    .query_selector("meta[name=\"xuexi-shell\"]")
                    .ok()
                    .flatten()
                    .is_some()
                {
                    renderer.render();
                } else {
                    renderer.hydrate();
                }
            }
            Err(error) => platform::report_start_failure(&error.to_string()),
        }
    });
}

/// The catalog, then the page `route` shows (both already on their way: `boot.js` and
/// `start.js` preload what the page's `<meta name="xuexi-data">` names).
async fn load(route: &route::Route) -> Result<library::Library, library::DataError> {
    let catalog = library::fetch::catalog().await?;
    // A route of a page the catalog does not know renders 没有找到这一页.
    let page = match library::page_of(route, &catalog) {
        Some(entry) => Some(library::fetch::page(entry).await?),
        None => None,
    };
    Ok(library::Library::new(catalog, page))
}
