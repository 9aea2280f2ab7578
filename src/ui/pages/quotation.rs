//! One quotation of 每周一学 on its own page: text, date, speaker, occasion and source.

use yew::prelude::*;

use crate::ui::components::share_bar::ShareBar;
use crate::ui::nav::Link;
use crate::ui::route::Route;
use xuexi_core::content::Page;

#[derive(Properties, PartialEq)]
pub struct QuotationPageProps {
    pub page: &'static Page,
    pub item_id: String,
    pub quotation_id: String,
}

#[function_component(QuotationPage)]
pub fn quotation_page(props: &QuotationPageProps) -> Html {
    let Some(item) = props.page.item(&props.item_id) else {
        return html! {};
    };
    let Some(position) = item.quotation_index(&props.quotation_id) else {
        return html! {};
    };
    let quotation = &item.quotations[position];
    let route = Route::quotation(&props.page.id, &item.id, &quotation.id);
    html! {
        <article class="quotation-page" aria-labelledby="item-title">
            <header class="item-header">
                <p class="column-label">{ item.heading() }</p>
                <h2 id="item-title">{ format!("第{}则 · {}", position + 1, quotation.date.chinese()) }</h2>
            </header>
            <blockquote class="quotation"><p>{ quotation.text.as_str() }</p></blockquote>
            <dl class="quotation-facts">
                <dt>{ "时间" }</dt>
                <dd><time datetime={quotation.date.to_string()}>{ quotation.date.chinese() }</time></dd>
                <dt>{ "讲话人" }</dt>
                <dd>{ quotation.speaker.as_str() }</dd>
                <dt>{ "场合" }</dt>
                <dd>{ quotation.occasion.as_str() }</dd>
                if let Some(source) = &item.source {
                    <dt>{ "来源" }</dt>
                    <dd>{ source.as_str() }</dd>
                }
            </dl>
            <ShareBar route={route} />
            <nav class="item-nav" aria-label="每周一学">
                <Link to={Route::recite(&props.page.id, &item.id, &quotation.id)}
                    class="button primary">{ "背诵这一则" }</Link>
                <Link to={Route::item(props.page, &item.id)} class="button">{ "本期每周一学（全部）" }</Link>
                <Link to={Route::Home} class="button">{ "返回本期" }</Link>
            </nav>
        </article>
    }
}
