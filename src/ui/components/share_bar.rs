//! The item's tool row: 收藏, 复制链接, and inside WeChat the hint to share from its menu
//! (shown by app.css where boot.js marked the page `data-wechat`, so it takes its place
//! from the first paint and the text below never moves).

use yew::prelude::*;

use crate::ui::platform;
use crate::ui::route::Route;
use crate::ui::store::use_progress;
use xuexi_core::progress::ProgressAction;

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The route whose link is copied and that is kept as a favourite.
    pub route: Route,
    #[prop_or_default]
    pub children: Html,
}

/// What the copy button last did.
#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Done,
    /// The browser would not copy: show the link to copy by hand.
    ByHand(String),
}

#[function_component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let progress = use_progress();
    let copied = use_state(|| Copied::Not);
    {
        let copied = copied.clone();
        use_effect_with(props.route.clone(), move |_| copied.set(Copied::Not));
    }
    let href = props.route.href();
    let favourite = progress.progress().is_favourite(&href);
    let ontoggle = {
        let (progress, href) = (progress.clone(), href.clone());
        Callback::from(move |_| {
            progress.apply(ProgressAction::ToggleFavourite {
                route: href.clone(),
                at_ms: platform::now_ms(),
            })
        })
    };
    let oncopy = {
        let (copied, href) = (copied.clone(), href.clone());
        Callback::from(move |_| {
            let url = platform::absolute_url(&href);
            copied.set(if platform::copy_text(&url) {
                Copied::Done
            } else {
                Copied::ByHand(url)
            });
        })
    };
    html! {
        <div class="share-bar">
            <div class="tool-row">
                <button type="button" class="button" aria-pressed={favourite.to_string()} onclick={ontoggle}>
                    { if favourite { "★ 已收藏" } else { "☆ 收藏" } }
                </button>
                <button type="button" class="button" onclick={oncopy}>{ "复制链接" }</button>
                { props.children.clone() }
            </div>
            { match &*copied {
                Copied::Not => html! {},
                Copied::Done => html! { <p class="hint" role="status">{ "链接已复制，可以粘贴给朋友。" }</p> },
                Copied::ByHand(url) => html! {
                    <p class="hint" role="status">
                        <label for="share-url">{ "请长按下面的链接复制：" }</label>
                        <input id="share-url" class="share-url" type="text" readonly=true value={url.clone()} />
                    </p>
                },
            } }
            <p class="hint wechat-hint wechat-only">{ "在微信中分享本页：点右上角 ··· ，选「发送给朋友」或「分享到朋友圈」。" }</p>
        </div>
    }
}
