//! Writes one HTML file per route into `dist/` after Trunk's build, so every link is a
//! real file on any static host and its text is there before the wasm arrives (and with
//! JavaScript off): each is Trunk's `index.html` with a `<base href>` that points at the
//! site root, the route's own title and description, and the app rendered by Yew's
//! server renderer into `#app`, which the browser then hydrates.
//!
//! Usage: `cargo run --bin prerender -- [dist]`

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

/// The prerender step runs natively at build time; a wasm build of it does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {

    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use xuexi::bundled::PAGES;
    use xuexi::ui::app::{App, AppProps};
    use xuexi::ui::meta;
    use xuexi::ui::route::Route;

    /// The app's mount point in Trunk's `index.html`.
    const APP_ROOT: &str = "<div id=\"app\"></div>";
    /// Marks the end of the prerendered app, so a second run can find and replace it.
    const APP_END: &str = "</div><!--/app-->";

    pub fn main() -> ExitCode {
        let dist = PathBuf::from(
            std::env::args()
                .nth(1)
                .unwrap_or_else(|| "dist".to_string()),
        );
        match run(&dist) {
            Ok(n) => {
                println!("prerender: wrote {n} route files into {}", dist.display());
                ExitCode::SUCCESS
            }
            Err(message) => {
                eprintln!("prerender: {message}");
                ExitCode::FAILURE
            }
        }
    }

    fn run(dist: &Path) -> Result<usize, String> {
        let template_path = dist.join("index.html");
        let template = std::fs::read_to_string(&template_path)
            .map_err(|e| format!("{}: {e} (run trunk build first)", template_path.display()))?;
        if !template.contains("<meta charset=\"utf-8\">") || !template.contains("<title>") {
            return Err(format!(
                "{}: no <meta charset=\"utf-8\"> or <title>",
                template_path.display()
            ));
        }
        // A second run finds its own `<base>` and app in index.html; the template is Trunk's page.
        let template = strip_app(&strip_base(&template));
        if !template.contains(APP_ROOT) {
            return Err(format!("{}: no {APP_ROOT}", template_path.display()));
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        let routes = Route::all(PAGES);
        for route in &routes {
            let file = route.file().expect("Route::all lists routes with files");
            let app = runtime.block_on(render_app(route.clone()));
            let html = route_html(&template, route).replacen(
                APP_ROOT,
                &format!("<div id=\"app\">{app}{APP_END}"),
                1,
            );
            let path = dist.join(&file);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&path, html).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Ok(routes.len())
    }

    /// The template with the route's `<base href>`, `<title>` and description.
    fn route_html(template: &str, route: &Route) -> String {
        let base = "../".repeat(route.depth());
        let base = if base.is_empty() {
            "./".to_string()
        } else {
            base
        };
        let (title, description) = (meta::title(route), meta::description(route));
        // `<base>` goes right after the charset, before anything that holds a URL.
        let charset = "<meta charset=\"utf-8\">";
        let mut html =
            template.replacen(charset, &format!("{charset}\n  <base href=\"{base}\">"), 1);
        let old_title = between(&html, "<title>", "</title>")
            .unwrap_or_default()
            .to_string();
        html = html.replacen(
            &format!("<title>{old_title}</title>"),
            &format!("<title>{}</title>", escape(&title)),
            1,
        );
        if let Some(description) = description {
            if let Some(old) = between(&html, "<meta name=\"description\" content=\"", "\"") {
                let old = old.to_string();
                html = html.replacen(
                    &format!("<meta name=\"description\" content=\"{old}\""),
                    &format!(
                        "<meta name=\"description\" content=\"{}\"",
                        escape(&description)
                    ),
                    1,
                );
            }
        }
        html
    }

    /// The app as Yew renders it for `route`, ready to hydrate.
    async fn render_app(route: Route) -> String {
        yew::ServerRenderer::<App>::with_props(move || AppProps {
            route: route.clone(),
        })
        .hydratable(true)
        .render()
        .await
    }

    /// The template with a previous run's prerendered app taken out again.
    fn strip_app(html: &str) -> String {
        let start = "<div id=\"app\">";
        match (html.find(start), html.find(APP_END)) {
            (Some(from), Some(to)) if from < to => {
                format!("{}{APP_ROOT}{}", &html[..from], &html[to + APP_END.len()..])
            }
            _ => html.to_string(),
        }
    }

    fn strip_base(html: &str) -> String {
        match html.find("\n  <base href=") {
            Some(start) => {
                let end = start + html[start..].find('>').map_or(0, |i| i + 1);
                format!("{}{}", &html[..start], &html[end..])
            }
            None => html.to_string(),
        }
    }

    fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
        let from = text.find(start)? + start.len();
        let len = text[from..].find(end)?;
        Some(&text[from..from + len])
    }

    fn escape(text: &str) -> String {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    }
}
