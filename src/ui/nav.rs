//! In-app navigation: the current route as context, `Link` for real `<a href>` links that
//! switch views without a reload, and the browser history kept in step by the app.

use yew::prelude::*;

use super::route::Route;

/// The current route and a way to go elsewhere.
#[derive(Clone, PartialEq)]
pub struct Navigator {
    pub route: Route,
    /// The route shown before this one in the app, if the reader came from one.
    pub previous: Option<Route>,
    go: Callback<Route>,
}

impl Navigator {
    pub fn new(route: Route, previous: Option<Route>, go: Callback<Route>) -> Navigator {
        Navigator {
            route,
            previous,
            go,
        }
    }

    /// Shows `route` and records it in the browser history.
    pub fn go(&self, route: Route) {
        self.go.emit(route);
    }
}

/// The navigator of the app this component is in.
#[hook]
pub fn use_navigator() -> Navigator {
    use_context::<Navigator>().expect("components are rendered inside App")
}

#[derive(Properties, PartialEq)]
pub struct LinkProps {
    pub to: Route,
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub class: Classes,
    /// An accessible name when the visible text is not enough.
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub rel: Option<AttrValue>,
}

/// A link to a route: a plain `<a href>` (so it opens in a new tab, can be copied and
/// works before the app loads) that a plain click follows inside the app.
#[function_component(Link)]
pub fn link(props: &LinkProps) -> Html {
    let navigator = use_navigator();
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |event: MouseEvent| {
            let modified =
                event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
            if modified || event.button() != 0 {
                return;
            }
            event.prevent_default();
            navigator.go(to.clone());
        })
    };
    html! {
        <a href={props.to.href()} class={props.class.clone()} aria-label={props.label.clone()}
            rel={props.rel.clone()} {onclick}>
            { props.children.clone() }
        </a>
    }
}
