//! Keeps the reader's progress on the device: loads it once and saves every change, doing
//! exactly the writes the core's [`Keeper`] decides (which never replaces stored data it
//! cannot read without a copy of it) and telling the reader what it says happened. Two
//! tabs open at once lose nothing: each merges what the other saved, both when the browser
//! reports the other's change and right before every write.
//! Answers not checked yet are kept under a key of their own ([`keep_unchecked_answer`]).
//! The only module that touches `localStorage`.

use std::rc::Rc;

use yew::prelude::*;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use xuexi_core::progress::{
    self, merge, Decision, Found, Keeper, Progress, ProgressAction, QuizKey, StorageKey, Synced,
    UncheckedAnswers,
};
use xuexi_core::quiz::QuizSession;

/// The progress and what happened to its storage.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgressState {
    pub progress: Progress,
    /// Whether stored progress has been read (views wait for it to restore positions).
    pub loaded: bool,
    /// Something the reader should be told about their stored progress.
    pub notice: Option<String>,
    /// Counts what other tabs stored that this page could not merge (data it cannot
    /// read), so the save effect decides again at once.
    pub n_unmerged_changes: u32,
}

/// Changes to the progress state.
pub enum StoreAction {
    Loaded {
        progress: Box<Progress>,
        notice: Option<String>,
    },
    Apply(ProgressAction),
    /// Progress saved elsewhere (another tab): merged, nothing lost.
    MergeFrom(Box<Progress>),
    Notice(String),
    DismissNotice,
    /// Another tab stored something this page cannot read.
    UnmergedChange,
}

impl Reducible for ProgressState {
    type Action = StoreAction;

    fn reduce(self: Rc<Self>, action: StoreAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            StoreAction::Loaded { progress, notice } => {
                next.progress = *progress;
                next.loaded = true;
                next.notice = notice.or(next.notice);
            }
            StoreAction::Apply(action) => next.progress = self.progress.apply(action),
            StoreAction::MergeFrom(theirs) => next.progress = merge(&self.progress, &theirs),
            StoreAction::Notice(notice) => next.notice = Some(notice),
            StoreAction::DismissNotice => next.notice = None,
            StoreAction::UnmergedChange => {
                next.n_unmerged_changes = next.n_unmerged_changes.wrapping_add(1)
            }
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
    let keeper = use_mut_ref(Keeper::new);
    {
        let (state, keeper) = (state.clone(), keeper.clone());
        use_effect_with((), move |_| {
            let decision = keeper.borrow().load(&found());
            let synced = carry_out(decision, &mut keeper.borrow_mut());
            state.dispatch(StoreAction::Loaded {
                progress: Box::new(synced.progress),
                notice: synced.notice.map(|notice| notice.to_string()),
            });
        });
    }
    {
        // Before each write, merge what another tab may have saved since.
        let dispatcher = state.dispatcher();
        let key = (
            state.progress.clone(),
            state.loaded,
            state.n_unmerged_changes,
        );
        use_effect_with(key, move |(progress, loaded, _)| {
            if *loaded {
                let decision = keeper.borrow().save(&found(), progress);
                let synced = carry_out(decision, &mut keeper.borrow_mut());
                if let Some(notice) = synced.notice {
                    dispatcher.dispatch(StoreAction::Notice(notice.to_string()));
                }
                if let Some(theirs) = synced.theirs {
                    dispatcher.dispatch(StoreAction::MergeFrom(Box::new(theirs)));
                }
            }
        });
    }
    {
        // Another tab saved: take in what it has, or decide again if it cannot be read.
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "storage", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
                    return;
                };
                if event.key().and_then(|key| StorageKey::parse(&key)) != Some(StorageKey::Progress)
                {
                    return;
                }
                let loaded = progress::load(event.new_value().as_deref());
                match loaded.problem {
                    None => dispatcher.dispatch(StoreAction::MergeFrom(Box::new(loaded.progress))),
                    Some(_) => dispatcher.dispatch(StoreAction::UnmergedChange),
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

/// Every quiz's answer given but not checked yet, stored apart from the progress.
pub fn unchecked_answers() -> UncheckedAnswers {
    let stored = local_storage()
        .and_then(|storage| storage.get_item(&StorageKey::UncheckedAnswers.name()).ok())
        .flatten();
    UncheckedAnswers::parse(stored.as_deref())
}

/// Keeps quiz `quiz`'s answer not checked yet as `session` stands, or forgets it once
/// there is none: one small write at each keystroke instead of all the progress. A write
/// storage refuses is left be: the answer is still on screen, and checking it saves it
/// with the progress, whose keeper tells the reader when storage is full.
pub fn keep_unchecked_answer(quiz: &QuizKey, session: &QuizSession) {
    let Some(storage) = local_storage() else {
        return;
    };
    let key = StorageKey::UncheckedAnswers.name();
    let stored = storage.get_item(&key).ok().flatten();
    let mut answers = UncheckedAnswers::parse(stored.as_deref());
    answers.keep(quiz, session);
    let text = (!answers.is_empty()).then(|| answers.to_text());
    if text == stored {
        return;
    }
    let _ = match text {
        Some(text) => storage.set_item(&key, &text),
        None => storage.remove_item(&key),
    };
}

/// What storage holds now.
fn found() -> Found {
    match local_storage() {
        Some(storage) => Found::read(|key| storage.get_item(key).ok().flatten()),
        None => Found::unavailable(),
    }
}

/// Does the writes `decision` asks for, each only if the one before succeeded, and keeps
/// the keeper it leaves for the next decision.
fn carry_out(mut decision: Decision, keeper: &mut Keeper) -> Synced {
    let storage = local_storage();
    while let Some((key, text)) = decision.next_write() {
        let ok = storage
            .as_ref()
            .is_some_and(|storage| storage.set_item(&key.name(), text).is_ok());
        decision.written(ok);
    }
    let (next, synced) = decision.finish();
    *keeper = next;
    synced
}

/// The browser's `localStorage`, if this page may use it (private browsing may forbid it).
fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}
