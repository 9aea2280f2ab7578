//! The 排序 control: fragments listed in the reader's current arrangement, each with 上移 and
//! 下移 buttons. Shared by 排序 questions and the recitation's clause ordering.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FragmentOrderProps {
    /// The fragments, indexed as `arrangement` names them.
    pub fragments: Vec<AttrValue>,
    /// Indexes into `fragments`, in the order shown.
    pub arrangement: Vec<usize>,
    /// No moves (a checked question).
    #[prop_or_default]
    pub locked: bool,
    /// Hears the arrangement after each move.
    pub onchange: Callback<Vec<usize>>,
}

#[function_component(FragmentOrder)]
pub fn fragment_order(props: &FragmentOrderProps) -> Html {
    let n = props.arrangement.len();
    let mover = |from: usize, to: usize| {
        let (onchange, arrangement) = (props.onchange.clone(), props.arrangement.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = arrangement.clone();
            next.swap(from, to);
            onchange.emit(next);
        })
    };
    html! {
        <ol class="fragments">
            { for props.arrangement.iter().enumerate().map(|(at, &index)| {
                let text = props.fragments[index].clone();
                html! {
                    <li class="fragment" data-fragment={index.to_string()}>
                        <span class="fragment-text">{ text.clone() }</span>
                        <span class="fragment-moves">
                            <button type="button" class="button" disabled={props.locked || at == 0}
                                aria-label={format!("上移：{text}")} onclick={mover(at, at.saturating_sub(1))}>{ "↑" }</button>
                            <button type="button" class="button" disabled={props.locked || at + 1 == n}
                                aria-label={format!("下移：{text}")} onclick={mover(at, (at + 1).min(n - 1))}>{ "↓" }</button>
                        </span>
                    </li>
                }
            }) }
        </ol>
    }
}
