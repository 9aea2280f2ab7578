//! Bringing the next thing to read or tap on screen after an action: an event handler says
//! what to show (`Reveal::after_render`), and once the view has rendered it (in an effect,
//! when the new elements exist and have their size) the page scrolls it into view below the
//! sticky header, at any text size, and the focus moves there.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::platform;

/// What to bring on screen after the next render: from the top of one element to the
/// bottom of another, by id.
#[derive(Clone, PartialEq)]
pub struct Reveal(Rc<RefCell<Option<(&'static str, &'static str)>>>);

impl Reveal {
    /// After the coming render, shows from the top of `first` to the bottom of `last` and
    /// focuses `first`.
    pub fn after_render(&self, first: &'static str, last: &'static str) {
        *self.0.borrow_mut() = Some((first, last));
    }
}

/// A `Reveal` carried out after each render of the calling component.
#[hook]
pub fn use_reveal() -> Reveal {
    let pending = use_mut_ref(|| None::<(&'static str, &'static str)>);
    {
        let pending = pending.clone();
        use_effect(move || {
            let wanted = pending.borrow_mut().take();
            if let Some((first, last)) = wanted {
                platform::reveal(first, last);
            }
        });
    }
    Reveal(pending)
}
