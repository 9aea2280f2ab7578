//! Reads text aloud with the browser's zh-CN speech synthesis, one paragraph at a time.
//! The only module that touches `speechSynthesis`.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The end-of-utterance handlers kept alive while their utterances may still end.
type Handlers = Rc<RefCell<Vec<Closure<dyn FnMut()>>>>;

/// A reader that speaks a list of paragraphs in order and reports which one it is on.
pub struct Speaker {
    texts: Vec<String>,
    on_paragraph: Rc<dyn Fn(Option<usize>)>,
    /// Bumped whenever speech is stopped, so a cancelled utterance's end is ignored.
    generation: Rc<RefCell<u32>>,
    handlers: Handlers,
}

impl Speaker {
    /// A speaker for `texts`; `on_paragraph` hears the index being read, `None` at the end.
    pub fn new(texts: Vec<String>, on_paragraph: impl Fn(Option<usize>) + 'static) -> Speaker {
        Speaker {
            texts,
            on_paragraph: Rc::new(on_paragraph),
            generation: Rc::new(RefCell::new(0)),
            handlers: Rc::new(RefCell::new(Vec::new())),
        }
    }

    /// Starts reading at paragraph `index`.
    pub fn play_from(&self, index: usize) {
        self.stop();
        let generation = *self.generation.borrow();
        speak(
            index,
            generation,
            Rc::new(self.texts.clone()),
            self.on_paragraph.clone(),
            self.generation.clone(),
            self.handlers.clone(),
        );
    }

    /// Stops reading; `play_from` resumes at any paragraph.
    pub fn stop(&self) {
        *self.generation.borrow_mut() += 1;
        if let Ok(synth) = gloo::utils::window().speech_synthesis() {
            synth.cancel();
        }
        self.handlers.borrow_mut().clear();
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
    }
}

fn speak(
    index: usize,
    generation: u32,
    texts: Rc<Vec<String>>,
    on_paragraph: Rc<dyn Fn(Option<usize>)>,
    current: Rc<RefCell<u32>>,
    handlers: Handlers,
) {
    let Some(text) = texts.get(index) else {
        on_paragraph(None);
        return;
    };
    let Ok(synth) = gloo::utils::window().speech_synthesis() else {
        on_paragraph(None);
        return;
    };
    let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(text) else {
        on_paragraph(None);
        return;
    };
    utterance.set_lang("zh-CN");
    utterance.set_rate(0.9);
    let on_end = {
        let (texts, on_paragraph, current, handlers) = (
            texts.clone(),
            on_paragraph.clone(),
            current.clone(),
            handlers.clone(),
        );
        Closure::<dyn FnMut()>::new(move || {
            if *current.borrow() == generation {
                speak(
                    index + 1,
                    generation,
                    texts.clone(),
                    on_paragraph.clone(),
                    current.clone(),
                    handlers.clone(),
                );
            }
        })
    };
    utterance.set_onend(Some(on_end.as_ref().unchecked_ref()));
    handlers.borrow_mut().push(on_end);
    on_paragraph(Some(index));
    synth.speak(&utterance);
}
