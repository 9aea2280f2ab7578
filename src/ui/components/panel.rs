//! The frame of a panel that opens over the page (搜索, 设置): its title, 关闭, and what it
//! holds.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PanelProps {
    /// Names the panel's elements: `<name>-panel`, `<name>-title`, `<name>-close`.
    pub name: &'static str,
    pub title: &'static str,
    pub onclose: Callback<()>,
    pub children: Html,
}

#[function_component(Panel)]
pub fn panel(props: &PanelProps) -> Html {
    let name = props.name;
    let onclose = props.onclose.reform(|_: MouseEvent| ());
    html! {
        <section id={format!("{name}-panel")} class="panel" role="dialog" aria-modal="false" aria-labelledby={format!("{name}-title")}>
            <div class="panel-head">
                <h2 id={format!("{name}-title")}>{ props.title }</h2>
                <button type="button" class="button" id={format!("{name}-close")} onclick={onclose}>{ "关闭" }</button>
            </div>
            { props.children.clone() }
        </section>
    }
}
