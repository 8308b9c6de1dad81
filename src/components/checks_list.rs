//! "Why this result": every check in plain words, with the technical detail
//! one tap away.

use tracecheck_core::verdict::{CertificationReport, Check, CheckId, Outcome};
use yew::prelude::*;

use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: ReportRef,
}

#[function_component]
pub fn ChecksList(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    html! {
        <section class="card checks">
            <details open=true>
                <summary><h2>{lang.t(Msg::WhyThisResult)}</h2></summary>
                <ul>
                    { for props.report.checks.iter().enumerate().map(|(index, check)| line(index, check, &props.report.certifications, lang)) }
                </ul>
            </details>
        </section>
    }
}

/// The anchor of check `index`, for the banner's "see why" link.
pub fn anchor(index: usize) -> String {
    format!("check-{index}")
}

/// A check's name as the list shows it; a certification's names its
/// scheme (the verified one, else the claimed one as a claim).
pub fn check_title(check: &Check, certifications: &[CertificationReport], lang: Lang) -> String {
    match (check.id, check.certification) {
        (CheckId::Certification, Some(index)) => certifications
            .get(index)
            .map(|c| match &c.verified {
                Some(verified) => lang.scheme(&verified.scheme),
                None => lang.t(Msg::ClaimedCertification(lang.text(&c.claim.scheme))),
            })
            .filter(|n| !n.is_empty())
            .map(|n| format!("{}: {n}", lang.check(CheckId::Certification)))
            .unwrap_or_else(|| lang.t(Msg::Certification(index))),
        (id, _) => lang.check(id).to_owned(),
    }
}

fn line(index: usize, check: &Check, certifications: &[CertificationReport], lang: Lang) -> Html {
    let (class, mark) = match check.outcome {
        Outcome::Pass => ("pass", "✓"),
        Outcome::Skipped => ("skipped", "–"),
        Outcome::Caution => ("caution", "!"),
        Outcome::Unverifiable => ("unknown", "?"),
        Outcome::Recalled => ("recalled", "⚠"),
        Outcome::Counterfeit => ("fail", "✕"),
    };
    let title = check_title(check, certifications, lang);
    let detail = format!("{:#?}", check.finding);
    html! {
        <li class={classes!("check", class)} id={anchor(index)} data-check={format!("{:?}", check.id)}>
            <span class="mark" aria-hidden="true">{mark}</span>
            <div>
                <p class="check-title">{title}<span class="outcome">{" — "}{lang.outcome(check.outcome)}</span></p>
                <p class="finding">{lang.finding(&check.finding)}</p>
                <details class="technical">
                    <summary>{lang.t(Msg::TechnicalDetail)}</summary>
                    <pre>{detail}</pre>
                </details>
            </div>
        </li>
    }
}
