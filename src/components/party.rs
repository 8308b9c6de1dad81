//! Who made the product, and where.

use tracecheck_core::credential::Address;
use tracecheck_core::verdict::VerifiedProducer;
use yew::prelude::*;

use crate::components::origin_map::OriginMap;
use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

/// One line of address, most specific first.
pub fn address_line(address: &Address, lang: Lang) -> String {
    [
        lang.text(&address.street),
        lang.text(&address.locality),
        lang.text(&address.region),
    ]
    .into_iter()
    .filter(|part| !part.is_empty())
    .collect::<Vec<_>>()
    .join(", ")
}

#[derive(Properties, PartialEq)]
pub struct ProducerProps {
    /// Its verified producer.
    pub report: ReportRef,
    /// Kiosk: contacts as text, with no link to follow.
    #[prop_or_default]
    pub no_links: bool,
}

/// The producer under the name the trust list gives it; a different name
/// the record writes for itself is secondary, labelled as the record's.
#[function_component]
pub fn ProducerCard(props: &ProducerProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(verified) = &props.report.verified else {
        return html! {};
    };
    let producer = &verified.producer;
    html! {
        <section class="card producer">
            <h2>{lang.t(Msg::ProducerHeading)}</h2>
            <p class="party-name">{lang.text(&producer.name)}</p>
            if let Some(written) = &producer.name_as_written {
                <p class="as-written">{lang.t(Msg::NameAsWritten(lang.text(written)))}</p>
            }
            if let Some(address) = &producer.address {
                <p class="address">{address_line(address, lang)}</p>
            }
            {contacts(producer, props.no_links, lang)}
        </section>
    }
}

/// How to reach the producer, as the record gives it.
fn contacts(producer: &VerifiedProducer, no_links: bool, lang: Lang) -> Html {
    let ways: Vec<(String, String)> = [
        producer
            .telephone
            .as_ref()
            .map(|t| (t.clone(), format!("tel:{}", t.replace(' ', "")))),
        producer
            .email
            .as_ref()
            .map(|e| (e.clone(), format!("mailto:{e}"))),
        producer.website.as_ref().map(|w| (w.clone(), w.clone())),
    ]
    .into_iter()
    .flatten()
    .collect();
    if ways.is_empty() {
        return html! {};
    }
    html! {
        <div class="contacts">
            <p class="label">{lang.t(Msg::ProducerContact)}</p>
            <ul>
                { for ways.into_iter().map(|(text, href)| if no_links {
                    html! { <li>{text}</li> }
                } else {
                    html! { <li><a {href} rel="noopener noreferrer">{text}</a></li> }
                }) }
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FacilityProps {
    /// Its verified facility, if the record names one.
    pub report: ReportRef,
    /// Kiosk: no link may lead away from the page.
    #[prop_or_default]
    pub no_links: bool,
}

#[function_component]
pub fn FacilityCard(props: &FacilityProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(facility) = props
        .report
        .verified
        .as_ref()
        .and_then(|verified| verified.facility.as_ref())
    else {
        return html! {};
    };
    html! {
        <section class="card origin">
            <h2>{lang.t(Msg::OriginHeading)}</h2>
            <p class="party-name">{lang.text(&facility.name)}</p>
            if let Some(address) = &facility.address {
                <p class="address">{address_line(address, lang)}</p>
            }
            if let Some(location) = facility.location {
                <OriginMap {location} name={lang.text(&facility.name)} no_links={props.no_links} />
            }
        </section>
    }
}
