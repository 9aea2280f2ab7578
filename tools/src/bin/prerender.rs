//! Runs after Trunk's build: reads the content folders (every question checked against its
//! page; a malformed file fails the build with `file:line: what is wrong`), writes the data
//! files the app fetches (`dist/data/`), and writes one HTML file per route into `dist/`, so
//! every link is a real file on any static host and its text is there before the wasm
//! arrives (and with JavaScript off): each is Trunk's `index.html` with a `<base href>` that
//! points at the site root, the route's own title and description, and the app rendered by
//! Yew's server renderer into `#app`, which the browser then hydrates. Also `shell.html`:
//! the page with nothing rendered, which the service worker serves offline for a route it
//! has not kept, and the app then renders from its data.
//!
//! Usage: `cargo run --bin prerender -- [dist] [content folder]`

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

    use xuexi::ui::app::{App, AppProps};
    use xuexi::ui::library::{page_of, page_url, volume_url, Library};
    use xuexi::ui::meta;
    use xuexi::ui::route::Route;
    use xuexi_core::content::{Catalog, PageData, VolumeRef, DATA_VERSION, VOLUME_PAGES};
    use xuexi_tools::{cli, content_dir, data_files, files};

    /// Names the data files the route's first render needs, so `assets/start.js` (and
    /// `assets/boot.js` for a returning reader) fetch them beside the app.
    const DATA_META: &str = "<meta name=\"xuexi-data\"";

    /// Marks the offline shell, which the app renders instead of hydrating.
    const SHELL_META: &str = "<meta name=\"xuexi-shell\" content=\"\">";

    /// The app's mount point in Trunk's `index.html`.
    const APP_ROOT: &str = "<div id=\"app\"></div>";
    /// Marks the end of the prerendered app, so a second run can find and replace it.
    const APP_END: &str = "</div><!--/app-->";

    pub fn main() -> ExitCode {
        let mut args = std::env::args().skip(1);
        let dist = PathBuf::from(args.next().unwrap_or_else(|| "dist".to_string()));
        let content = args
            .next()
            .map(PathBuf::from)
            .unwrap_or_else(content_dir::repository_content_dir);
        let result = run(&dist, &content).map(|(n_pages, n_routes)| {
            println!(
                "prerender: {n_pages} pages as data and {n_routes} route files in {}",
                dist.display()
            )
        });
        cli::finish("prerender", result)
    }

    fn run(dist: &Path, content: &Path) -> Result<(usize, usize), String> {
        let pages = content_dir::read(content)?;
        let packed = data_files::pack(&pages, volume_pages()?);
        data_files::write(dist, &packed)?;
        // Loaded once for every route; each render builds its library from these.
        let loaded: Vec<&'static PageData> = pages
            .iter()
            .map(|files| {
                &*Box::leak(Box::new(PageData {
                    version: DATA_VERSION,
                    page: files.page.clone(),
                    bank: files.bank.clone(),
                }))
            })
            .collect();
        let library = Library::of_loaded(packed.catalog.clone(), &loaded);
        let template_path = dist.join("index.html");
        let template =
            files::read(&template_path).map_err(|e| format!("{e} (run trunk build first)"))?;
        if !template.contains("<meta charset=\"utf-8\">") || !template.contains("<title>") {
            return Err(format!(
                "{}: no <meta charset=\"utf-8\"> or <title>",
                template_path.display()
            ));
        }
        // A second run finds its own `<base>`, data meta and app in index.html; the template is
        // Trunk's page.
        let template = strip_app(&strip_line(
            &strip_line(&template, "<base href="),
            DATA_META,
        ));
        if !template.contains(APP_ROOT) {
            return Err(format!("{}: no {APP_ROOT}", template_path.display()));
        }
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .map_err(|e| format!("cannot start the renderer: {e}"))?;
        let routes = Route::all(pages.iter().map(|files| &files.page));
        for route in &routes {
            let file = route.file().expect("Route::all lists routes with files");
            let app = runtime.block_on(render_app(
                route.clone(),
                packed.catalog.clone(),
                loaded.clone(),
            ));
            let html = route_html(&template, &library, route, &packed.file.volumes).replacen(
                APP_ROOT,
                &format!("<div id=\"app\">{app}{APP_END}"),
                1,
            );
            files::write(&dist.join(&file), html)?;
        }
        // The shell serves any route of any 期, so it names no page's data: the same bytes every
        // week, which a returning reader's worker copies instead of downloading again.
        let shell = strip_line(
            &route_html(&template, &library, &Route::Home, &[]),
            DATA_META,
        )
        .replacen(
            "<meta charset=\"utf-8\">",
            &format!("<meta charset=\"utf-8\">\n  {SHELL_META}"),
            1,
        );
        files::write(&dist.join("shell.html"), shell)?;
        Ok((pages.len(), routes.len()))
    }

    /// How many pages a volume of the catalog holds: [`VOLUME_PAGES`], or `XUEXI_VOLUME_PAGES`
    /// (the archive's end-to-end tests set 2, so their three pages make a volume and one page
    /// beside it).
    fn volume_pages() -> Result<usize, String> {
        match std::env::var("XUEXI_VOLUME_PAGES") {
            Err(_) => Ok(VOLUME_PAGES),
            Ok(n) => match n.parse() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(format!("XUEXI_VOLUME_PAGES={n}: not a number of pages")),
            },
        }
    }

    /// The template with the route's `<base href>`, `<title>` and description.
    fn route_html(
        template: &str,
        library: &Library,
        route: &Route,
        volumes: &[VolumeRef],
    ) -> String {
        let base = "../".repeat(route.depth());
        let base = if base.is_empty() {
            "./".to_string()
        } else {
            base
        };
        let (title, description) = (
            meta::title(library, route),
            meta::description(library, route),
        );
        // `<base>` goes right after the charset, before anything that holds a URL.
        let charset = "<meta charset=\"utf-8\">";
        // What the app reads before it hydrates, besides catalog.json: the catalog's volumes and
        // the route's page, which boot.js and start.js ask for beside the app.
        let data: Vec<String> = volumes
            .iter()
            .map(volume_url)
            .chain(page_of(route, library.catalog()).map(page_url))
            .collect();
        let data_meta = if data.is_empty() {
            String::new()
        } else {
            format!("\n  {DATA_META} content=\"{}\">", escape(&data.join(" ")))
        };
        let mut html = template.replacen(
            charset,
            &format!("{charset}\n  <base href=\"{base}\">{data_meta}"),
            1,
        );
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
    async fn render_app(route: Route, catalog: Catalog, pages: Vec<&'static PageData>) -> String {
        yew::ServerRenderer::<App>::with_props(move || AppProps {
            route,
            library: Library::of_loaded(catalog, &pages),
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

    /// The template without the line a previous run gave the element that `open` starts
    /// (its `<base>` or its data meta).
    fn strip_line(html: &str, open: &str) -> String {
        match html.find(&format!("\n  {open}")) {
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
