//! The supply chain as a timeline: step, time, place, who, what went in and out.

use tracecheck_core::credential::Event;
use yew::prelude::*;

use crate::components::party::address_line;
use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Its verified batch's events.
    pub report: ReportRef,
}

#[function_component]
pub fn Timeline(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let events = props
        .report
        .verified_batch()
        .map(|batch| batch.events.as_slice())
        .unwrap_or_default();
    if events.is_empty() {
        return html! {};
    }
    html! {
        <section class="card supply-chain">
            <h2>{lang.t(Msg::SupplyChainHeading)}</h2>
            <ol class="timeline">
                { for events.iter().map(|event| step(event, lang)) }
            </ol>
        </section>
    }
}

fn step(event: &Event, lang: Lang) -> Html {
    let items = |label: Msg, list: &[tracecheck_core::credential::Text]| {
        if list.is_empty() {
            return html! {};
        }
        let names = list
            .iter()
            .map(|t| lang.text(t))
            .collect::<Vec<_>>()
            .join("; ");
        html! { <p class="items"><span class="label">{lang.t(label)}{": "}</span>{names}</p> }
    };
    html! {
        <li>
            <p class="step">{lang.step(&event.step)}</p>
            if let Some(time) = &event.time {
                <p class="when"><time datetime={time.clone()}>{lang.datetime_text(time)}</time></p>
            }
            if !event.description.is_empty() {
                <p>{lang.text(&event.description)}</p>
            }
            if let Some(place) = &event.place {
                <p class="where">
                    {lang.text(&place.name)}
                    if let Some(address) = &place.address {
                        {" — "}{address_line(address, lang)}
                    }
                </p>
            }
            {items(Msg::Inputs, &event.inputs)}
            {items(Msg::Outputs, &event.outputs)}
        </li>
    }
}
