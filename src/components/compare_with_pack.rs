//! A genuine code copied onto a fake pack still verifies: the one defence
//! is the shopper comparing what is printed on the pack with what the
//! record says, so the batch's lot, use-by date and serial are put side by
//! side here, large, with the way to report a mismatch.

use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Its verified batch.
    pub report: ReportRef,
    /// Kiosk: no link to jump to.
    #[prop_or_default]
    pub no_links: bool,
}

#[function_component]
pub fn CompareWithPack(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(batch) = props.report.verified_batch() else {
        return html! {};
    };
    let rows = [
        (Msg::Lot, batch.lot.clone()),
        (Msg::ExpiryDate, batch.expiry_date.map(|d| lang.date(d))),
        (Msg::Serial, batch.serial.clone()),
    ];
    let rows: Vec<Html> = rows
        .into_iter()
        .filter_map(|(label, value)| {
            let value = value.filter(|v| !v.is_empty())?;
            Some(html! { <><dt>{lang.t(label)}</dt><dd>{value}</dd></> })
        })
        .collect();
    if rows.is_empty() {
        return html! {};
    }
    html! {
        <section class="card compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{lang.t(Msg::CompareHeading)}</h2>
            <dl class="compare-facts">{ for rows }</dl>
            <p class="hint">{lang.t(Msg::CompareHint)}</p>
            if !props.no_links {
                <p><a href="#report">{lang.t(Msg::ReportFakeLink)}</a></p>
            }
        </section>
    }
}
