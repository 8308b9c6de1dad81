//! Certifications as badges. A badge's name comes from the scheme table by
//! its verified code (translated here), its stars only from the OCOP
//! council's credential, its certifier's name from the trust list; what a
//! certificate writes about itself is secondary, labelled as its own words.
//! A claim that did not check out is shown as a claim, not as a badge.

use tracecheck_core::verdict::{CertificationReport, Outcome, VerifiedCertification};
use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Its certifications; a certificate that ended before the
    /// verification ran (`checked_at`) is expired.
    pub report: ReportRef,
}

#[function_component]
pub fn Certifications(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let report = &props.report;
    if report.certifications.is_empty() {
        return html! {};
    }
    html! {
        <section class="card certifications">
            <h2>{lang.t(Msg::CertificationsHeading)}</h2>
            <ul class="badges">
                { for report.certifications.iter().map(|certification| match &certification.verified {
                    Some(verified) => badge(verified, certification.outcome, report.checked_at, lang),
                    None => unconfirmed(certification, lang),
                }) }
            </ul>
        </section>
    }
}

fn badge(
    certification: &VerifiedCertification,
    outcome: Outcome,
    checked_at: time::OffsetDateTime,
    lang: Lang,
) -> Html {
    let (class, mark) = match outcome {
        Outcome::Pass => ("ok", "✓"),
        Outcome::Caution | Outcome::Skipped => ("caution", "!"),
        Outcome::Unverifiable => ("unknown", "?"),
        Outcome::Recalled | Outcome::Counterfeit => ("bad", "✕"),
    };
    let stars = certification.stars.map(|stars| {
        let n = stars.count();
        let shown: String = "★".repeat(usize::from(n)) + &"☆".repeat(5 - usize::from(n));
        html! {
            <p class="stars">
                <span aria-hidden="true">{shown}</span>
                <span class="visually-hidden">{lang.t(Msg::Stars(n))}</span>
            </p>
        }
    });
    let validity = certification.valid_until.map(|until| {
        let date = lang.date(until.date());
        if until < checked_at {
            html! { <p class="expired">{lang.t(Msg::ExpiredOn(date))}</p> }
        } else {
            html! { <p>{lang.t(Msg::ValidUntil(date))}</p> }
        }
    });
    let name = lang.scheme(&certification.scheme);
    let written = lang.text(&certification.name_as_written);
    html! {
        <li class={classes!("badge", class)} data-scheme={certification.scheme.code().to_owned()}>
            <p class="scheme"><span class="mark" aria-hidden="true">{mark}</span>{name.clone()}</p>
            {stars.unwrap_or_default()}
            <p>{lang.t(Msg::CertifiedBy(lang.text(&certification.certifier)))}</p>
            if let Some(number) = certification.number.clone() {
                <p class="number">{lang.t(Msg::CertificateNumber)}{": "}{number}</p>
            }
            {validity.unwrap_or_default()}
            if !written.is_empty() && written != name {
                <p class="as-written">{lang.t(Msg::CertificateCallsItself(written))}</p>
            }
            <p class="outcome">{lang.outcome(outcome)}</p>
        </li>
    }
}

/// A claim that was not confirmed: the producer's words, marked as such.
fn unconfirmed(report: &CertificationReport, lang: Lang) -> Html {
    let claimed = lang.text(&report.claim.scheme);
    let mark = if report.outcome == Outcome::Counterfeit {
        "✕"
    } else {
        "?"
    };
    html! {
        <li class={classes!("badge", "claimed", (report.outcome == Outcome::Counterfeit).then_some("bad"))}>
            <p class="scheme"><span class="mark" aria-hidden="true">{mark}</span>{lang.t(Msg::ClaimedCertification(claimed))}</p>
            <p class="outcome">{lang.outcome(report.outcome)}</p>
        </li>
    }
}
