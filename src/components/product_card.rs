//! What the product is: name, image, codes, and — when the code named the
//! batch — the batch's lot, serial and dates. All from verified facts.

use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Its verified product, and batch when the scanned code named it.
    pub report: ReportRef,
}

#[function_component]
pub fn ProductCard(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(verified) = &props.report.verified else {
        return html! {};
    };
    let product = &verified.product;
    let batch = verified.batch.as_ref();
    let row = |label: Msg, value: Option<String>| match value.filter(|v| !v.is_empty()) {
        Some(value) => html! { <><dt>{lang.t(label)}</dt><dd>{value}</dd></> },
        None => html! {},
    };
    // Images only from https or this site (never other schemes).
    let image = product.image.clone().filter(|url| is_safe_image(url));
    html! {
        <section class="card product" aria-labelledby="product-name">
            <h2 id="product-name">{lang.text(&product.name)}</h2>
            if let Some(src) = image {
                <img class="product-image" src={src} alt={lang.text(&product.name)} referrerpolicy="no-referrer" />
            }
            if !product.description.is_empty() {
                <p class="description">{lang.text(&product.description)}</p>
            }
            <dl class="facts">
                {row(Msg::Brand, product.brand.clone())}
                {row(Msg::Gtin, product.gtin.clone())}
                {row(Msg::Lot, batch.and_then(|b| b.lot.clone()))}
                {row(Msg::Serial, batch.and_then(|b| b.serial.clone()))}
                {row(Msg::ProductionDate, batch.and_then(|b| b.production_date).map(|d| lang.date(d)))}
                {row(Msg::ExpiryDate, batch.and_then(|b| b.expiry_date).map(|d| lang.date(d)))}
                {row(Msg::ShelfLife, Some(lang.text(&product.shelf_life)))}
                {row(Msg::Country, product.country.as_deref().map(|c| lang.country(c)))}
            </dl>
        </section>
    }
}

/// An image the page may show: `https:`, or from the widget's own origin
/// (a demo served over plain http on a LAN).
fn is_safe_image(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let own = crate::platform::config::origin().unwrap_or_default();
    tracecheck_core::resolve::WebUrl::parse(url).is_ok_and(|u| !own.is_empty() && u.origin() == own)
}
