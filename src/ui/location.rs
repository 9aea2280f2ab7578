//! Reads where the app was opened: the page's URL relative to the site root that
//! `<base href>` names, so routing works under any sub-path.

use super::route::Route;

/// The route of the current document, from its URL relative to `document.baseURI`.
pub fn current_route() -> Route {
    Route::parse(&relative_url().unwrap_or_default())
}

fn relative_url() -> Option<String> {
    let document = gloo::utils::document();
    let base = document.base_uri().ok()??;
    let href = gloo::utils::window().location().href().ok()?;
    // The base is the site root directory: strip any file name it ends with.
    let base_dir = &base[..base.rfind('/').map_or(base.len(), |i| i + 1)];
    href.strip_prefix(base_dir).map(str::to_string)
}
