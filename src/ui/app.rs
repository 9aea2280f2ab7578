//! The app shell: header with the app's name, the routed main region, and the footer.

use yew::prelude::*;

use super::location;
use super::pages::{home::Home, item::ItemPage, not_found::NotFound, quotation::QuotationPage};
use super::route::Route;
use crate::bundled;

/// The app's name, shown in the header.
pub const APP_NAME: &str = "学习伴侣";

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub route: Route,
}

impl AppProps {
    /// Props for the document the app was loaded into.
    pub fn from_location() -> AppProps {
        AppProps {
            route: location::current_route(),
        }
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    use_effect_with((), |_| {
        // Tests and styles wait for this mark: the app has mounted and is interactive.
        if let Some(body) = gloo::utils::document().body() {
            let _ = body.set_attribute("data-app", "ready");
        }
    });
    html! {
        <>
            <header class="app-header">
                <a class="app-title" href="./"><h1>{ APP_NAME }</h1></a>
            </header>
            <main id="main" class="app-main">{ main_view(&props.route) }</main>
            <footer class="app-footer">
                <p>{ "学习记录只保存在本机，不会上传。" }</p>
            </footer>
        </>
    }
}

fn main_view(route: &Route) -> Html {
    let Some(current) = bundled::current_page() else {
        return html! { <NotFound /> };
    };
    match route {
        Route::Home => html! { <Home page={current} /> },
        Route::Item {
            page,
            item,
            paragraph,
        } => match bundled::page(page).filter(|p| p.item(item).is_some()) {
            Some(page) => html! {
                <ItemPage page={page} item_id={item.clone()} paragraph={paragraph.clone()} />
            },
            None => html! { <NotFound /> },
        },
        Route::Quotation {
            page,
            item,
            quotation,
        } => {
            let found = bundled::page(page)
                .and_then(|p| p.item(item).map(|i| (p, i)))
                .filter(|(_, i)| i.quotation(quotation).is_some());
            match found {
                Some((page, item)) => html! {
                    <QuotationPage page={page} item_id={item.id.to_string()} quotation_id={quotation.clone()} />
                },
                None => html! { <NotFound /> },
            }
        }
        Route::NotFound => html! { <NotFound /> },
    }
}
