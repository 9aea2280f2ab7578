//! 设置: text size in six steps up to 200% and the colour theme (夜间, 护眼), saved on the device.

use yew::prelude::*;

use crate::ui::components::panel::Panel;
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
    // A button that sets one choice, pressed while it is the one chosen.
    let choice = |selected: bool, action: ProgressAction, label: String| {
        let progress = progress.clone();
        let onclick = Callback::from(move |_| progress.apply(action.clone()));
        html! {
            <button type="button" class={classes!("button", "choice", selected.then_some("selected"))}
                aria-pressed={selected.to_string()} {onclick}>
                { label }
            </button>
        }
    };
    let step_button = |step: FontStep| {
        choice(
            settings.font_step == step,
            ProgressAction::SetFontStep(step),
            format!("{}%", step.percent()),
        )
    };
    let theme_button = |theme: ThemeChoice| {
        choice(
            settings.theme == theme,
            ProgressAction::SetTheme(theme),
            theme.label().to_string(),
        )
    };
    let steps = (0..FontStep::PERCENTS.len() as u8).filter_map(FontStep::new);
    html! {
        <Panel name="settings" title="设置" onclose={props.onclose.clone()}>
            <h3 id="font-size-label">{ "字号" }</h3>
            <div class="choices" role="group" aria-labelledby="font-size-label">
                { for steps.map(step_button) }
            </div>
            <h3 id="theme-label">{ "颜色" }</h3>
            <div class="choices" role="group" aria-labelledby="theme-label">
                { for ThemeChoice::ALL.into_iter().map(theme_button) }
            </div>
            <p class="hint">{ "设置只保存在本机。" }</p>
        </Panel>
    }
}
