//! The label 「自动出题」 on a quiz whose questions were drafted by rules and not yet all
//! reviewed by a person, so the reader knows; a reviewed bank shows none.

use yew::prelude::*;

use xuexi_core::quiz::Bank;

#[derive(Properties, PartialEq)]
pub struct DraftedLabelProps {
    pub bank: &'static Bank,
}

#[function_component(DraftedLabel)]
pub fn drafted_label(props: &DraftedLabelProps) -> Html {
    if !props.bank.is_unreviewed_draft() {
        return html! {};
    }
    html! {
        <p class="drafted-label" id="drafted-label">
            <span class="tag">{ "自动出题" }</span>
            { " 本期题目由程序按原文生成，尚待人工审核。" }
        </p>
    }
}
