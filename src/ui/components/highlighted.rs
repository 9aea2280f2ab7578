//! Text with some character ranges marked, rendered as text nodes and `<mark>` elements
//! (never as HTML source).

use std::ops::Range;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HighlightedProps {
    pub text: AttrValue,
    /// Character (not byte) ranges to mark, sorted and not overlapping.
    #[prop_or_default]
    pub ranges: Vec<Range<usize>>,
}

#[function_component(Highlighted)]
pub fn highlighted(props: &HighlightedProps) -> Html {
    let chars: Vec<char> = props.text.chars().collect();
    let mut parts = Vec::new();
    let mut at = 0;
    for range in &props.ranges {
        let (start, end) = (range.start.min(chars.len()), range.end.min(chars.len()));
        if start < at || start >= end {
            continue;
        }
        parts.push(html! { { chars[at..start].iter().collect::<String>() } });
        parts.push(html! { <mark>{ chars[start..end].iter().collect::<String>() }</mark> });
        at = end;
    }
    parts.push(html! { { chars[at..].iter().collect::<String>() } });
    html! { <>{ for parts }</> }
}
