//! The thin bar under the header that shows how far into an item the reader is: a native
//! `<progress>` (no inline styles, so the content security policy needs no exception).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReadingBarProps {
    /// 0–100.
    pub percent: u8,
}

#[function_component(ReadingBar)]
pub fn reading_bar(props: &ReadingBarProps) -> Html {
    html! {
        <progress class="reading-bar" aria-label="阅读进度" max="100"
            value={props.percent.min(100).to_string()}></progress>
    }
}
