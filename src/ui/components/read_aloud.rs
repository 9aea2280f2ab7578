//! 朗读: reads an item's title and paragraphs aloud, highlighting the paragraph being read,
//! with pause and resume. Shown only where the browser can speak: boot.js marks such a
//! page `data-speech` before the first paint and app.css shows the group there, so it has
//! its place from the start and the text below never moves when the app starts.

use std::rc::Rc;

use yew::prelude::*;

use crate::ui::platform;
use crate::ui::speech::Speaker;

#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// The paragraphs to read: (paragraph id, text).
    pub paragraphs: Rc<Vec<(String, String)>>,
    /// Hears the id of the paragraph being read, `None` when reading stops.
    pub onparagraph: Callback<Option<String>>,
}

/// Where reading is.
#[derive(Clone, Copy, PartialEq)]
enum Playback {
    Stopped,
    Playing(usize),
    Paused(usize),
}

#[function_component(ReadAloud)]
pub fn read_aloud(props: &ReadAloudProps) -> Html {
    let playback = use_state(|| Playback::Stopped);
    let speaker = use_mut_ref(|| None::<Speaker>);
    {
        // A new item (or leaving the view) stops reading.
        let (speaker, playback) = (speaker.clone(), playback.clone());
        use_effect_with(props.paragraphs.clone(), move |_| {
            move || {
                speaker.borrow_mut().take();
                playback.set(Playback::Stopped);
            }
        });
    }
    let on_paragraph = {
        let (playback, onparagraph, paragraphs) = (
            playback.clone(),
            props.onparagraph.clone(),
            props.paragraphs.clone(),
        );
        move |index: Option<usize>| {
            playback.set(index.map_or(Playback::Stopped, Playback::Playing));
            onparagraph.emit(
                index
                    .and_then(|i| paragraphs.get(i))
                    .map(|(id, _)| id.clone()),
            );
        }
    };
    let start = {
        let (speaker, paragraphs, playback) =
            (speaker.clone(), props.paragraphs.clone(), playback.clone());
        Callback::from(move |_: MouseEvent| {
            if !platform::has_speech() {
                return;
            }
            let from = match *playback {
                Playback::Paused(index) => index,
                _ => 0,
            };
            let texts = paragraphs.iter().map(|(_, text)| text.clone()).collect();
            let new_speaker = Speaker::new(texts, on_paragraph.clone());
            new_speaker.play_from(from);
            *speaker.borrow_mut() = Some(new_speaker);
        })
    };
    let pause = {
        let (speaker, playback) = (speaker.clone(), playback.clone());
        Callback::from(move |_: MouseEvent| {
            if let Playback::Playing(index) = *playback {
                if let Some(speaker) = speaker.borrow().as_ref() {
                    speaker.stop();
                }
                playback.set(Playback::Paused(index));
            }
        })
    };
    let stop = {
        let (speaker, playback, onparagraph) =
            (speaker.clone(), playback.clone(), props.onparagraph.clone());
        Callback::from(move |_: MouseEvent| {
            speaker.borrow_mut().take();
            playback.set(Playback::Stopped);
            onparagraph.emit(None);
        })
    };
    html! {
        <div class="read-aloud" role="group" aria-label="朗读">
            { match *playback {
                Playback::Stopped => html! {
                    <button type="button" class="button" onclick={start}>{ "朗读" }</button>
                },
                Playback::Playing(_) => html! {
                    <>
                        <button type="button" class="button" onclick={pause}>{ "暂停" }</button>
                        <button type="button" class="button" onclick={stop}>{ "停止" }</button>
                    </>
                },
                Playback::Paused(_) => html! {
                    <>
                        <button type="button" class="button" onclick={start}>{ "继续朗读" }</button>
                        <button type="button" class="button" onclick={stop}>{ "停止" }</button>
                    </>
                },
            } }
        </div>
    }
}
