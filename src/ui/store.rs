//! Keeps the reader's progress on the device: loads it once, saves every change, keeps
//! unreadable data aside under a backup key, and carries on in memory when storage is
//! missing or full. Two tabs open at once lose nothing: each merges what the other saved,
//! both when the browser reports the other's change and right before every write.
//! The only module that touches `localStorage`.

use std::rc::Rc;

use yew::prelude::*;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use xuexi_core::progress::{self, merge, Progress, ProgressAction};

/// Where the progress is stored.
pub const STORAGE_KEY: &str = "xuexi.progress";
/// Where unreadable progress is kept aside, never overwritten by a later problem.
pub const BACKUP_KEY: &str = "xuexi.progress.backup";

/// The progress and what happened to its storage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressState {
    pub progress: Progress,
    /// Whether stored progress has been read (views wait for it to restore positions).
    pub loaded: bool,
    /// Something the reader should be told about their stored progress.
    pub notice: Option<String>,
}

/// Changes to the progress state.
pub enum StoreAction {
    Loaded {
        progress: Progress,
        notice: Option<String>,
    },
    Apply(ProgressAction),
    /// Progress saved elsewhere (another tab): merged, nothing lost.
    MergeFrom(Box<Progress>),
    Notice(String),
    DismissNotice,
}

impl Reducible for ProgressState {
    type Action = StoreAction;

    fn reduce(self: Rc<Self>, action: StoreAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            StoreAction::Loaded { progress, notice } => {
                next.progress = progress;
                next.loaded = true;
                next.notice = notice.or(next.notice);
            }
            StoreAction::Apply(action) => next.progress = self.progress.apply(action),
            StoreAction::MergeFrom(theirs) => next.progress = merge(&self.progress, &theirs),
            StoreAction::Notice(notice) => next.notice = Some(notice),
            StoreAction::DismissNotice => next.notice = None,
        }
        Rc::new(next)
    }
}

/// The progress as context, with domain methods.
#[derive(Clone, PartialEq)]
pub struct ProgressHandle {
    state: UseReducerHandle<ProgressState>,
}

impl ProgressHandle {
    pub fn progress(&self) -> &Progress {
        &self.state.progress
    }

    pub fn loaded(&self) -> bool {
        self.state.loaded
    }

    pub fn notice(&self) -> Option<&str> {
        self.state.notice.as_deref()
    }

    pub fn apply(&self, action: ProgressAction) {
        self.state.dispatch(StoreAction::Apply(action));
    }

    pub fn dismiss_notice(&self) {
        self.state.dispatch(StoreAction::DismissNotice);
    }

    /// Replaces the progress, e.g. with an import already merged into it.
    pub fn replace(&self, progress: Progress) {
        self.state
            .dispatch(StoreAction::Apply(ProgressAction::Replace(Box::new(
                progress,
            ))));
    }
}

/// The progress of the app this component is in.
#[hook]
pub fn use_progress() -> ProgressHandle {
    use_context::<ProgressHandle>().expect("components are rendered inside ProgressProvider")
}

#[derive(Properties, PartialEq)]
pub struct ProgressProviderProps {
    #[prop_or_default]
    pub children: Html,
}

/// Provides the progress to its children, loading it after the first render (so the
/// prerendered page and the first render agree) and saving each change.
#[function_component(ProgressProvider)]
pub fn progress_provider(props: &ProgressProviderProps) -> Html {
    let state = use_reducer(ProgressState::default);
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let (progress, notice) = load_stored();
            state.dispatch(StoreAction::Loaded { progress, notice });
        });
    }
    {
        // Before each write, merge what another tab may have saved since.
        let dispatcher = state.dispatcher();
        let loaded = state.loaded;
        use_effect_with(
            (state.progress.clone(), loaded),
            move |(progress, loaded)| {
                if *loaded {
                    let theirs = stored_progress();
                    let merged = theirs
                        .as_ref()
                        .map_or_else(|| progress.clone(), |theirs| merge(progress, theirs));
                    if let Err(why) = write(STORAGE_KEY, &progress::save(&merged)) {
                        dispatcher.dispatch(StoreAction::Notice(why));
                    }
                    if let Some(theirs) = theirs.filter(|_| merged != *progress) {
                        dispatcher.dispatch(StoreAction::MergeFrom(Box::new(theirs)));
                    }
                }
            },
        );
    }
    {
        // Another tab saved: take in what it has.
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().as_deref() != Some(STORAGE_KEY) {
                    return;
                }
                let loaded = progress::load(event.new_value().as_deref());
                if loaded.problem.is_none() {
                    dispatcher.dispatch(StoreAction::MergeFrom(Box::new(loaded.progress)));
                }
            });
            move || drop(listener)
        });
    }
    let handle = ProgressHandle { state };
    html! {
        <ContextProvider<ProgressHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<ProgressHandle>>
    }
}

/// Reads stored progress; unreadable data is copied to the backup key first.
fn load_stored() -> (Progress, Option<String>) {
    let storage = match local_storage() {
        Ok(storage) => storage,
        Err(why) => return (Progress::default(), Some(why)),
    };
    let stored = storage.get_item(STORAGE_KEY).ok().flatten();
    let loaded = progress::load(stored.as_deref());
    let Some(problem) = loaded.problem else {
        return (loaded.progress, None);
    };
    let kept = stored
        .filter(|_| storage.get_item(BACKUP_KEY).ok().flatten().is_none())
        .map(|raw| storage.set_item(BACKUP_KEY, &raw).is_ok())
        .unwrap_or(true);
    let notice = if kept {
        format!("{problem}。原数据已另存为备份，现在从头开始记录。")
    } else {
        format!("{problem}。现在从头开始记录。")
    };
    (loaded.progress, Some(notice))
}

/// The progress stored now, if it is readable.
fn stored_progress() -> Option<Progress> {
    let stored = local_storage().ok()?.get_item(STORAGE_KEY).ok().flatten()?;
    let loaded = progress::load(Some(&stored));
    loaded.problem.is_none().then_some(loaded.progress)
}

fn write(key: &str, value: &str) -> Result<(), String> {
    local_storage()?
        .set_item(key, value)
        .map_err(|_| "存储空间已满或不可用：学习记录暂时只保存在本页，关闭后会丢失。".to_string())
}

fn local_storage() -> Result<web_sys::Storage, String> {
    gloo::utils::window()
        .local_storage()
        .ok()
        .flatten()
        .ok_or_else(|| {
            "本浏览器不允许保存数据（可能是无痕模式）：学习记录只保存在本页。".to_string()
        })
}
