//! The app shell: header with the app's name and its tools (搜索, 收藏, 设置), the routed
//! main region, the footer; navigation, keyboard shortcuts, theme and text size.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::components::archive::ArchivePage;
use super::components::backup_reminder::BackupReminder;
use super::components::install_hint::InstallHint;
use super::components::notice::Notice;
use super::components::search_panel::SearchPanel;
use super::components::settings_panel::SettingsPanel;
use super::components::update_prompt::UpdatePrompt;
use super::library::{page_of, use_library, use_pages, Library, LibraryProvider};
use super::location;
use super::meta::{self, APP_NAME};
use super::nav::{Link, Navigator};
use super::pages::{
    branch::BranchSummary, favourites::Favourites, home::Home, item::ItemPage,
    meeting::MeetingSetup, mistakes::MistakeBook, not_found::NotFound, quiz::QuizPage,
    quotation::QuotationPage, recite::RecitePage, record::Record, review::ReviewPage, sheet::Sheet,
};
use super::platform;
use super::route::{QuizTarget, Route};
use super::store::{use_progress, ProgressProvider};

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub route: Route,
    /// The catalog and the pages the route shows first.
    pub library: Library,
}

/// Which panel is open over the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Panel {
    Search,
    Settings,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    html! {
        <LibraryProvider library={props.library.clone()}>
            <ProgressProvider>
                <Shell route={props.route.clone()} />
            </ProgressProvider>
        </LibraryProvider>
    }
}

#[derive(Properties, PartialEq, Clone)]
struct ShellProps {
    route: Route,
}

#[function_component(Shell)]
fn shell(props: &ShellProps) -> Html {
    // The first render must match the prerendered file, which knows nothing of the
    // query: the paragraph and highlight follow right after.
    let route = use_state(|| props.route.without_focus());
    let previous = use_state(|| None::<Route>);
    let first_route = use_mut_ref(|| true);
    let panel = use_state(|| None::<Panel>);
    let progress = use_progress();
    let library = use_library();
    let go = {
        let (route, previous, panel) = (route.clone(), previous.clone(), panel.clone());
        Callback::from(move |next: Route| {
            // Inside WeChat on iOS, the share menu would send the page the reader entered:
            // every route is a real file, so load it (the app restarts from cache).
            if platform::shares_entry_url() {
                platform::load(&next.href());
                return;
            }
            panel.set(None);
            previous.set(Some((*route).clone()));
            route.set(next);
        })
    };
    let navigator = Navigator::new((*route).clone(), (*previous).clone(), go.clone());

    {
        let (route, full) = (route.clone(), props.route.clone());
        use_effect_with((), move |_| {
            if *route != full {
                route.set(full);
            }
            // Tests and styles wait for this mark: the app has mounted and is interactive.
            if let Some(body) = gloo::utils::document().body() {
                let _ = body.set_attribute("data-app", "ready");
            }
        });
    }
    {
        // Back and forward buttons show the route of the URL they return to.
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "popstate", move |_| {
                route.set(location::current_route());
            });
            move || drop(listener)
        });
    }
    {
        // A new route: record it in the history, name the document, start at the top
        // (an item view scrolls itself), and move focus to the new heading.
        let first_route = first_route.clone();
        use_effect_with((*route).clone(), move |route| {
            // The document's own URL is never pushed again.
            let first = std::mem::replace(&mut *first_route.borrow_mut(), false);
            if !first && location::current_route() != *route {
                if let Ok(history) = gloo::utils::window().history() {
                    let _ = history.push_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&route.href()),
                    );
                }
                if !matches!(route, Route::Item { .. }) {
                    platform::scroll_to(0.0);
                }
                platform::focus("item-title");
            }
        });
    }
    {
        // The document's title names the route; a page that arrives later may name it better.
        let library = library.library().clone();
        use_effect_with(((*route).clone(), library), |(route, library)| {
            platform::set_title(&meta::title(library, route));
        });
    }
    {
        let settings = progress.progress().settings;
        use_effect_with(settings, |settings| {
            platform::set_root_attribute("data-theme", settings.theme.attribute());
            // A percent as a CSS number ("1.15") in integers: no float formatter in the wasm for this.
            let percent = settings.font_step.percent();
            let scale = format!("{}.{:02}", percent / 100, percent % 100);
            platform::set_root_style("--font-scale", &scale);
        });
    }
    {
        // Keyboard: ← → previous / next item, / search, Esc closes a panel.
        let (route, panel, go) = (route.clone(), panel.clone(), go.clone());
        let library = library.library().clone();
        use_effect_with(((*route).clone(), *panel), move |(current, open)| {
            let (current, open) = (current.clone(), *open);
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                options,
                move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if event.ctrl_key() || event.meta_key() || event.alt_key() {
                        return;
                    }
                    let typing = event
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .is_some_and(|e| {
                            matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        });
                    match event.key().as_str() {
                        "Escape" if open.is_some() => {
                            panel.set(None);
                            platform::focus(match open {
                                Some(Panel::Search) => "search-button",
                                _ => "settings-button",
                            });
                        }
                        "/" if !typing => {
                            event.prevent_default();
                            panel.set(Some(Panel::Search));
                        }
                        "ArrowLeft" | "ArrowRight" if !typing && open.is_none() => {
                            if let Some(next) =
                                neighbour(&library, &current, event.key() == "ArrowRight")
                            {
                                go.emit(next);
                            }
                        }
                        _ => {}
                    }
                },
            );
            move || drop(listener)
        });
    }
    {
        // An opened panel takes the focus: the search box, or the settings' first control.
        use_effect_with(*panel, |open| match open {
            Some(Panel::Search) => platform::focus("search-input"),
            Some(Panel::Settings) => platform::focus("settings-close"),
            None => {}
        });
    }
    let toggle = |which: Panel| {
        let panel = panel.clone();
        Callback::from(move |_: MouseEvent| {
            panel.set(if *panel == Some(which) {
                None
            } else {
                Some(which)
            })
        })
    };
    let close = {
        let panel = panel.clone();
        Callback::from(move |_| panel.set(None))
    };
    html! {
        <ContextProvider<Navigator> context={navigator}>
            <a class="skip-link" href="#main">{ "跳到正文" }</a>
            <header class="app-header">
                <Link to={Route::Home} class="app-title"><h1>{ APP_NAME }</h1></Link>
                <nav class="app-tools" aria-label="工具">
                    <button type="button" id="search-button" class="tool" aria-expanded={(*panel == Some(Panel::Search)).to_string()}
                        aria-controls="search-panel" onclick={toggle(Panel::Search)}>{ "搜索" }</button>
                    <Link to={Route::Favourites} class="tool">{ "收藏" }</Link>
                    <Link to={Route::Record} class="tool">{ "记录" }</Link>
                    <button type="button" id="settings-button" class="tool" aria-expanded={(*panel == Some(Panel::Settings)).to_string()}
                        aria-controls="settings-panel" onclick={toggle(Panel::Settings)}>{ "设置" }</button>
                </nav>
            </header>
            { match *panel {
                Some(Panel::Search) => html! { <SearchPanel onclose={close.clone()} /> },
                Some(Panel::Settings) => html! { <SettingsPanel onclose={close.clone()} /> },
                None => html! {},
            } }
            <Notice />
            <UpdatePrompt />
            if !matches!(*route, Route::Record) {
                <BackupReminder />
            }
            <main id="main" class="app-main" tabindex="-1"><MainView route={(*route).clone()} /></main>
            <footer class="app-footer">
                <p>{ "学习记录只保存在本机，不会上传。" }</p>
                <p class="branch-links">{ "支部学习：" }<Link to={Route::Branch}>{ "支部汇总" }</Link>{ " · " }<Link to={Route::Meeting}>{ "现场测验" }</Link></p>
                // Shown only where there is a keyboard (app.css: a fine pointer that can hover).
                <p class="keyboard-only">{ "快捷键：← → 上一篇、下一篇；/ 搜索；Esc 关闭。" }</p>
                <InstallHint />
            </footer>
        </ContextProvider<Navigator>>
    }
}

/// Whether a quiz route names a quiz the page has.
fn quiz_exists(page: &xuexi_core::content::Page, quiz: &QuizTarget) -> bool {
    match quiz {
        QuizTarget::Item(item) => page.item(item).is_some(),
        _ => true,
    }
}

/// The item before or after the current one in page order.
fn neighbour(library: &Library, route: &Route, forward: bool) -> Option<Route> {
    let Route::Item { page, item, .. } = route else {
        return None;
    };
    let page = library.page(page)?;
    let index = page.item_index(item)?;
    let next = if forward {
        index.checked_add(1)?
    } else {
        index.checked_sub(1)?
    };
    page.items.get(next).map(|item| Route::item(page, &item.id))
}

#[derive(Properties, PartialEq)]
struct MainViewProps {
    route: Route,
}

/// The view of a route, once the page it belongs to is here.
#[function_component(MainView)]
fn main_view(props: &MainViewProps) -> Html {
    let handle = use_library();
    let library = handle.library();
    let route = &props.route;
    // A page the catalog lists but that is not loaded yet (the reader moved to another page
    // of the archive inside the app) is fetched; one the catalog does not know is not found.
    let entry = page_of(route, library.catalog());
    let status = use_pages(entry.map(|entry| entry.id.clone()).into_iter().collect());
    let page = match entry {
        Some(entry) => match library.page(&entry.id) {
            Some(page) => Some(page),
            None if !status.ready() => {
                return html! { <p class="hint loading" role="status">{ "正在打开这一期……" }</p> }
            }
            None => {
                return html! {
                    <p class="notice" role="alert">
                        { format!("{}没能打开：这一期还没有保存到本机，请联网后再试。", library.label(&entry.id)) }
                    </p>
                }
            }
        },
        None => None,
    };
    match (route, page) {
        (Route::Home, Some(page)) => html! { <Home page={page} archive={true} /> },
        (Route::Home, None) => html! { <NotFound /> },
        (Route::PageHome { .. }, Some(page)) => html! { <Home page={page} archive={false} /> },
        (Route::Favourites, _) => html! { <Favourites /> },
        (Route::Record, _) => html! { <Record /> },
        (Route::Review, _) => html! { <ReviewPage /> },
        (Route::Mistakes, _) => html! { <MistakeBook /> },
        (Route::Archive, _) => html! { <ArchivePage /> },
        (Route::Branch, _) => html! { <BranchSummary /> },
        (Route::Meeting, _) => html! { <MeetingSetup /> },
        (Route::Sheet { .. }, Some(page)) => html! { <Sheet page={page} /> },
        (
            Route::Recite {
                item, quotation, ..
            },
            Some(page),
        ) if library.quotation(&page.id, item, quotation).is_some() => html! {
            <RecitePage page={page} item_id={item.clone()} quotation_id={quotation.clone()} />
        },
        (Route::Quiz { quiz, .. }, Some(page)) if quiz_exists(page, quiz) => {
            html! { <QuizPage page={page} quiz={quiz.clone()} /> }
        }
        (
            Route::Item {
                item,
                paragraph,
                highlight,
                ..
            },
            Some(page),
        ) if page.item(item).is_some() => html! {
            <ItemPage page={page} item_id={item.clone()} paragraph={paragraph.clone()} highlight={highlight.clone()} />
        },
        (
            Route::Quotation {
                item, quotation, ..
            },
            Some(page),
        ) if library.quotation(&page.id, item, quotation).is_some() => html! {
            <QuotationPage page={page} item_id={item.clone()} quotation_id={quotation.clone()} />
        },
        _ => html! { <NotFound /> },
    }
}
