//! Certifications as badges: scheme, OCOP stars, certifier, number, validity.

use tracecheck_core::verdict::{CertificationReport, Outcome};
use yew::prelude::*;

use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub reports: Vec<CertificationReport>,
    /// When the verification ran: a certificate that ended before it is expired.
    pub checked_at: time::OffsetDateTime,
}

#[function_component]
pub fn Certifications(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    if props.reports.is_empty() {
        return html! {};
    }
    html! {
        <section class="card certifications">
            <h2>{lang.t(Msg::CertificationsHeading)}</h2>
            <ul class="badges">
                { for props.reports.iter().map(|report| badge(report, props.checked_at, lang)) }
            </ul>
        </section>
    }
}

fn badge(report: &CertificationReport, checked_at: time::OffsetDateTime, lang: Lang) -> Html {
    let certification = report.certification.as_ref();
    let name = certification
        .map(|c| lang.text(&c.scheme_name))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| lang.text(&report.claim.scheme));
    let (class, mark) = match report.outcome {
        Outcome::Pass => ("ok", "✓"),
        Outcome::Caution | Outcome::Skipped => ("caution", "!"),
        Outcome::Unverifiable => ("unknown", "?"),
        Outcome::Counterfeit => ("bad", "✕"),
    };
    let stars = certification.and_then(|c| c.stars).map(|n| {
        let shown: String = "★".repeat(n as usize) + &"☆".repeat(5 - n as usize);
        html! {
            <p class="stars">
                <span aria-hidden="true">{shown}</span>
                <span class="visually-hidden">{lang.t(Msg::Stars(n))}</span>
            </p>
        }
    });
    let validity = report.valid_until.map(|until| {
        let date = lang.date(until.date());
        if until < checked_at {
            html! { <p class="expired">{lang.t(Msg::ExpiredOn(date))}</p> }
        } else {
            html! { <p>{lang.t(Msg::ValidUntil(date))}</p> }
        }
    });
    html! {
        <li class={classes!("badge", class)}>
            <p class="scheme"><span class="mark" aria-hidden="true">{mark}</span>{name}</p>
            {stars.unwrap_or_default()}
            if let Some(certifier) = &report.certifier {
                <p>{lang.t(Msg::CertifiedBy(lang.text(certifier)))}</p>
            }
            if let Some(number) = certification.and_then(|c| c.number.clone()) {
                <p class="number">{lang.t(Msg::CertificateNumber)}{": "}{number}</p>
            }
            {validity.unwrap_or_default()}
            <p class="outcome">{lang.outcome(report.outcome)}</p>
        </li>
    }
}
