//! 设置: text size in six steps up to 200% and the colour theme (夜间, 护眼), saved on the device.

use yew::prelude::*;

use crate::ui::store::use_progress;
use xuexi_core::progress::{FontStep, ProgressAction, ThemeChoice};

#[derive(Properties, PartialEq)]
pub struct SettingsPanelProps {
    pub onclose: Callback<()>,
}

#[function_component(SettingsPanel)]
pub fn settings_panel(props: &SettingsPanelProps) -> Html {
    let progress = use_progress();
    let settings = progress.progress().settings;
    let step_button = |step: FontStep| {
        let progress = progress.clone();
        let selected = settings.font_step == step;
        let onclick = Callback::from(move |_| progress.apply(ProgressAction::SetFontStep(step)));
        html! {
            <button type="button" class={classes!("button", "choice", selected.then_some("selected"))}
                aria-pressed={selected.to_string()} {onclick}>
                { format!("{}%", step.percent()) }
            </button>
        }
    };
    let theme_button = |theme: ThemeChoice| {
        let progress = progress.clone();
        let selected = settings.theme == theme;
        let onclick = Callback::from(move |_| progress.apply(ProgressAction::SetTheme(theme)));
        html! {
            <button type="button" class={classes!("button", "choice", selected.then_some("selected"))}
                aria-pressed={selected.to_string()} {onclick}>
                { theme.label() }
            </button>
        }
    };
    let onclose = {
        let onclose = props.onclose.clone();
        Callback::from(move |_| onclose.emit(()))
    };
    let steps = (0..FontStep::PERCENTS.len() as u8).filter_map(FontStep::new);
    html! {
        <section id="settings-panel" class="panel" role="dialog" aria-modal="false" aria-labelledby="settings-title">
            <div class="panel-head">
                <h2 id="settings-title">{ "设置" }</h2>
                <button type="button" class="button" id="settings-close" onclick={onclose}>{ "关闭" }</button>
            </div>
            <h3 id="font-size-label">{ "字号" }</h3>
            <div class="choices" role="group" aria-labelledby="font-size-label">
                { for steps.map(step_button) }
            </div>
            <h3 id="theme-label">{ "颜色" }</h3>
            <div class="choices" role="group" aria-labelledby="theme-label">
                { for ThemeChoice::ALL.into_iter().map(theme_button) }
            </div>
            <p class="hint">{ "设置只保存在本机。" }</p>
        </section>
    }
}
