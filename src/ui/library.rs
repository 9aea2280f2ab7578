//! The archive as the app holds it: the catalog of every page (`data/catalog.json` and the
//! volumes it names, joined) and the pages loaded so far (`data/<page>.json`, content and question bank), shared by context.
//! Pages arrive as data, never as code: the wasm holds no article text, so a new week's
//! page changes no byte of it. The only module that fetches data files.
//!
//! A loaded page is kept for the life of the app (leaked to `'static`), so views borrow its
//! text freely; a page is small and a reader opens few of them in one visit. The route's own
//! page is loaded before the app hydrates (`start`), so the first render equals the
//! prerendered file; any other page a view needs (search, 错题本, 今日复习 across the
//! archive) is asked for through [`use_pages`] and arrives a moment later.

use std::cell::OnceCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use yew::prelude::*;

use xuexi_core::content::{
    Catalog, CatalogPart, Item, Page, PageData, PageEntry, Quotation, VolumeRef, DATA_VERSION,
};
use xuexi_core::progress;
use xuexi_core::quiz::Bank;

use super::route::Route;

/// Where the catalog is, relative to the site root.
pub const CATALOG_URL: &str = "data/catalog.json";

/// The catalog and the pages loaded so far. Cheap to clone; equal when nothing changed.
#[derive(Clone, Debug, Default)]
pub struct Library {
    catalog: Rc<Catalog>,
    /// Every id the catalog names, as an import checks them; built when first asked for.
    known_ids: Rc<OnceCell<progress::Catalog>>,
    pages: Rc<BTreeMap<String, &'static PageData>>,
    /// Pages that could not be fetched (offline and not kept on the device).
    unavailable: Rc<BTreeSet<String>>,
}

impl PartialEq for Library {
    fn eq(&self, other: &Library) -> bool {
        Rc::ptr_eq(&self.catalog, &other.catalog)
            && Rc::ptr_eq(&self.pages, &other.pages)
            && Rc::ptr_eq(&self.unavailable, &other.unavailable)
    }
}

/// Why a data file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataError {
    /// The file could not be fetched (offline, or the host answered with an error).
    Fetch(String),
    /// The file is not what this build reads.
    Malformed(String),
    /// The file was written for another version of the app.
    Version(u32),
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataError::Fetch(why) => write!(f, "没能取到内容（{why}）"),
            DataError::Malformed(why) => write!(f, "内容文件无法读取（{why}）"),
            DataError::Version(v) => write!(f, "内容文件来自另一个版本（第 {v} 版）"),
        }
    }
}

impl Library {
    /// A library of `catalog` with `pages` already loaded.
    pub fn new(catalog: Catalog, pages: impl IntoIterator<Item = PageData>) -> Library {
        let pages: Vec<&'static PageData> = pages
            .into_iter()
            .map(|data| &*Box::leak(Box::new(data)))
            .collect();
        Library::of_loaded(catalog, &pages)
    }

    /// A library of `catalog` with pages loaded before (the prerender step renders every
    /// route from one set of pages).
    pub fn of_loaded(catalog: Catalog, pages: &[&'static PageData]) -> Library {
        let pages = pages
            .iter()
            .map(|data| (data.page.id.clone(), *data))
            .collect();
        Library {
            catalog: Rc::new(catalog),
            known_ids: Rc::default(),
            pages: Rc::new(pages),
            unavailable: Rc::default(),
        }
    }

    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Every id of every page of the archive (items, quotations, questions, quizzes, routes
    /// a reader may keep), from the catalog: what an import may name. No page is fetched.
    pub fn known_ids(&self) -> &progress::Catalog {
        self.known_ids
            .get_or_init(|| progress::Catalog::of(&self.catalog))
    }

    /// The current 期 as the catalog lists it.
    pub fn current(&self) -> Option<&PageEntry> {
        self.catalog.current()
    }

    /// The page with this id, if it is loaded.
    pub fn page(&self, id: &str) -> Option<&'static Page> {
        self.pages.get(id).map(|data| &data.page)
    }

    /// The item `item` of page `page`, if the page is loaded and has it.
    pub fn item(&self, page: &str, item: &str) -> Option<&'static Item> {
        self.page(page)?.item(item)
    }

    /// The quotation `quotation` of item `item` of page `page`, if the page is loaded and
    /// has it.
    pub fn quotation(&self, page: &str, item: &str, quotation: &str) -> Option<&'static Quotation> {
        self.item(page, item)?.quotation(quotation)
    }

    /// The question bank of the page with this id, if the page is loaded and has one.
    pub fn bank(&self, id: &str) -> Option<&'static Bank> {
        self.pages.get(id).and_then(|data| data.bank.as_ref())
    }

    /// Every loaded page, newest first (catalog order).
    pub fn loaded_pages(&self) -> Vec<&'static Page> {
        self.catalog
            .pages
            .iter()
            .filter_map(|entry| self.page(&entry.id))
            .collect()
    }

    /// Whether the page with this id could not be fetched.
    pub fn is_unavailable(&self, id: &str) -> bool {
        self.unavailable.contains(id)
    }

    /// The catalog entry of the page with this id.
    pub fn entry(&self, id: &str) -> Option<&PageEntry> {
        self.catalog.page(id)
    }

    /// How a page is named where results of several pages are listed: `第9期 · 2024年3月12日`,
    /// or its title and id when neither is known.
    pub fn label(&self, id: &str) -> String {
        self.entry(id)
            .map_or_else(|| format!("第 {id} 页"), PageEntry::label)
    }

    /// The home of the page with this id: the site's home for the current 期, the page's
    /// own home for an earlier one.
    pub fn home_of(&self, id: &str) -> Route {
        if self.current().is_some_and(|entry| entry.id == id) {
            Route::Home
        } else {
            Route::PageHome {
                page: id.to_string(),
            }
        }
    }

    fn with_page(&self, data: &'static PageData) -> Library {
        let mut pages = (*self.pages).clone();
        pages.insert(data.page.id.clone(), data);
        let mut unavailable = (*self.unavailable).clone();
        unavailable.remove(&data.page.id);
        Library {
            pages: Rc::new(pages),
            unavailable: Rc::new(unavailable),
            ..self.clone()
        }
    }

    fn without(&self, id: &str) -> Library {
        let mut unavailable = (*self.unavailable).clone();
        unavailable.insert(id.to_string());
        Library {
            unavailable: Rc::new(unavailable),
            ..self.clone()
        }
    }
}

/// The page a route shows, as the catalog lists it: the route's own page (for home, the
/// current 期); `None` for a route of no page or of a page the catalog does not know. It is
/// loaded before the route's first render.
pub fn page_of<'a>(route: &Route, catalog: &'a Catalog) -> Option<&'a PageEntry> {
    match route {
        Route::Home => catalog.current(),
        other => catalog.page(other.page_id()?),
    }
}

/// Reads a file of the catalog (`catalog.json` or a volume), refusing one of another data
/// version.
pub fn parse_catalog(text: &str) -> Result<CatalogPart, DataError> {
    parse_data(text, |part: &CatalogPart| part.version)
}

/// Reads a page's data file, refusing one of another data version.
pub fn parse_page(text: &str) -> Result<PageData, DataError> {
    parse_data(text, |data: &PageData| data.version)
}

/// Reads a data file whose version `version_of` tells, refusing one of another version.
fn parse_data<T: serde::de::DeserializeOwned>(
    text: &str,
    version_of: fn(&T) -> u32,
) -> Result<T, DataError> {
    let data: T = serde_json::from_str(text).map_err(|e| DataError::Malformed(e.to_string()))?;
    match version_of(&data) {
        DATA_VERSION => Ok(data),
        other => Err(DataError::Version(other)),
    }
}

/// The URL of a page's data file, relative to the site root; the revision in the query keeps
/// an HTTP cache from answering with last week's copy.
pub fn page_url(entry: &PageEntry) -> String {
    format!("data/{}.json?v={}", entry.id, entry.revision)
}

/// The URL of a volume of the catalog, relative to the site root, with its revision.
pub fn volume_url(volume: &VolumeRef) -> String {
    format!("data/{}?v={}", volume.file, volume.revision)
}

/// A change to the library.
pub enum LibraryAction {
    Loaded(&'static PageData),
    Unavailable(String),
}

#[derive(Clone, PartialEq, Debug)]
struct LibraryState(Library);

impl Reducible for LibraryState {
    type Action = LibraryAction;

    fn reduce(self: Rc<Self>, action: LibraryAction) -> Rc<Self> {
        Rc::new(LibraryState(match action {
            LibraryAction::Loaded(data) => self.0.with_page(data),
            LibraryAction::Unavailable(id) => self.0.without(&id),
        }))
    }
}

/// The library as context, with a way to ask for pages.
#[derive(Clone, PartialEq)]
pub struct LibraryHandle {
    state: UseReducerHandle<LibraryState>,
    /// Pages asked for and not yet arrived, so each is fetched once.
    in_flight: Rc<std::cell::RefCell<BTreeSet<String>>>,
}

impl LibraryHandle {
    pub fn library(&self) -> &Library {
        &self.state.0
    }

    /// Fetches every page of `ids` that is neither loaded nor on its way.
    pub fn request(&self, ids: &[String]) {
        for id in ids {
            let library = self.library();
            if library.page(id).is_some() || !self.in_flight.borrow_mut().insert(id.clone()) {
                continue;
            }
            let Some(entry) = library.entry(id).cloned() else {
                self.in_flight.borrow_mut().remove(id);
                self.state.dispatch(LibraryAction::Unavailable(id.clone()));
                continue;
            };
            let (state, in_flight) = (self.state.clone(), self.in_flight.clone());
            fetch::spawn(async move {
                let result = fetch::page(&entry).await;
                in_flight.borrow_mut().remove(&entry.id);
                match result {
                    Ok(data) => state.dispatch(LibraryAction::Loaded(Box::leak(Box::new(data)))),
                    Err(_) => state.dispatch(LibraryAction::Unavailable(entry.id.clone())),
                }
            });
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LibraryProviderProps {
    pub library: Library,
    pub children: Html,
}

/// Holds the library for everything below it.
#[function_component(LibraryProvider)]
pub fn library_provider(props: &LibraryProviderProps) -> Html {
    let state = {
        let library = props.library.clone();
        use_reducer(move || LibraryState(library))
    };
    let in_flight = use_mut_ref(BTreeSet::<String>::new);
    let handle = LibraryHandle { state, in_flight };
    html! {
        <ContextProvider<LibraryHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<LibraryHandle>>
    }
}

/// The library from context.
#[hook]
pub fn use_library() -> LibraryHandle {
    use_context::<LibraryHandle>().expect("LibraryProvider is at the root of the app")
}

/// What [`use_pages`] has of the pages asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PagesStatus {
    /// Pages not yet here and not known to be unavailable.
    pub waiting: usize,
    /// Pages that could not be fetched.
    pub unavailable: Vec<String>,
}

impl PagesStatus {
    pub fn ready(&self) -> bool {
        self.waiting == 0
    }
}

/// Asks for `ids` after the first render (so hydration is never disturbed) and says how
/// many are still on their way.
#[hook]
pub fn use_pages(ids: Vec<String>) -> PagesStatus {
    let handle = use_library();
    {
        let handle = handle.clone();
        use_effect_with(ids.clone(), move |ids| handle.request(ids));
    }
    let library = handle.library();
    let unavailable: Vec<String> = ids
        .iter()
        .filter(|id| library.page(id).is_none() && library.is_unavailable(id))
        .cloned()
        .collect();
    let waiting = ids
        .iter()
        .filter(|id| library.page(id).is_none() && !library.is_unavailable(id))
        .count();
    PagesStatus {
        waiting,
        unavailable,
    }
}

/// Fetching data files in the browser; natively (prerender, tests) the tools read the
/// content folders instead and nothing here runs.
pub mod fetch {
    use super::*;
    use crate::ui::platform;

    /// Runs a future on the browser's event loop.
    pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
        #[cfg(target_arch = "wasm32")]
        wasm_bindgen_futures::spawn_local(future);
        #[cfg(not(target_arch = "wasm32"))]
        drop(future);
    }

    /// The catalog of this page's build: the build's version in the query keeps an HTTP
    /// cache from answering with last week's catalog (it changes every week); then its
    /// volumes, all asked for at once, joined in its order.
    pub async fn catalog() -> Result<Catalog, DataError> {
        let url = format!("{CATALOG_URL}?v={}", platform::build_version());
        let file = parse_catalog(&text(&url).await?)?;
        let pending: Vec<_> = file.volumes.iter().map(|v| text(&volume_url(v))).collect();
        let mut volumes = Vec::with_capacity(pending.len());
        for volume in pending {
            volumes.push(parse_catalog(&volume.await?)?);
        }
        Ok(file.join(volumes))
    }

    /// The data file of one page.
    pub async fn page(entry: &PageEntry) -> Result<PageData, DataError> {
        let data = parse_page(&text(&page_url(entry)).await?)?;
        if data.page.id != entry.id {
            return Err(DataError::Malformed(format!(
                "page {} in the file of {}",
                data.page.id, entry.id
            )));
        }
        Ok(data)
    }

    /// The text of a file of the site, by URL relative to the site root: asked for at once,
    /// read when awaited (so several can be on their way together).
    #[cfg(target_arch = "wasm32")]
    fn text(url: &str) -> impl std::future::Future<Output = Result<String, DataError>> {
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;

        let request = JsFuture::from(gloo::utils::window().fetch_with_str(&absolute(url)));
        let url = url.to_string();
        async move {
            let failed = |e: wasm_bindgen::JsValue| {
                DataError::Fetch(e.as_string().unwrap_or_else(|| format!("{url}: 网络错误")))
            };
            let response = request.await.map_err(failed)?;
            let response: web_sys::Response = response.dyn_into().map_err(failed)?;
            if !response.ok() {
                return Err(DataError::Fetch(format!(
                    "{url}: HTTP {}",
                    response.status()
                )));
            }
            let text = JsFuture::from(response.text().map_err(failed)?)
                .await
                .map_err(failed)?;
            text.as_string()
                .ok_or_else(|| DataError::Malformed(format!("{url}: not text")))
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn text(url: &str) -> impl std::future::Future<Output = Result<String, DataError>> {
        std::future::ready(Err(DataError::Fetch(format!("{url}: no network natively"))))
    }

    /// `url` resolved against the site root the page's `<base href>` names.
    #[cfg(target_arch = "wasm32")]
    fn absolute(url: &str) -> String {
        platform::absolute_url(url)
    }
}
