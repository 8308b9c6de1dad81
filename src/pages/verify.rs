//! Verifying one code and showing the result.

use std::rc::Rc;

use tracecheck_core::verdict::{Context, Finding, Level, Report, verify_code};
use yew::prelude::*;

use crate::components::certifications::Certifications;
use crate::components::checks_list::ChecksList;
use crate::components::party::{FacilityCard, ProducerCard};
use crate::components::product_card::ProductCard;
use crate::components::timeline::Timeline;
use crate::components::trust_footer::TrustFooter;
use crate::components::verdict_banner::VerdictBanner;
use crate::i18n::{Lang, Msg};
use crate::platform::clock::{self, now};
use crate::platform::fetch::BrowserFetcher;
use crate::platform::history::{self, Visit};

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What was scanned or typed.
    pub code: String,
    /// The verification context, once the trust list has loaded.
    pub context: Option<Rc<Context>>,
    /// "Scan another".
    pub on_back: Callback<()>,
    /// A code chosen from this page (not used yet by the result view).
    pub on_code: Callback<String>,
}

#[function_component]
pub fn VerifyPage(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let report = use_state(|| None::<Rc<Report>>);
    // Read before this visit is recorded.
    let previous = use_memo(props.code.clone(), |code| history::last_for(code));
    {
        let report = report.clone();
        let ready = props.context.clone();
        use_effect_with((props.code.clone(), ready.is_some()), move |(code, _)| {
            report.set(None);
            let alive = Rc::new(std::cell::Cell::new(true));
            if let Some(context) = ready {
                let (code, alive) = (code.clone(), Rc::clone(&alive));
                wasm_bindgen_futures::spawn_local(async move {
                    // Judge validity now, not when the trust list was loaded.
                    let mut context = (*context).clone();
                    context.now = now();
                    let result = verify_code(&code, &context, &BrowserFetcher::default()).await;
                    if alive.get() {
                        remember(&code, &result, lang);
                        report.set(Some(Rc::new(result)));
                    }
                });
            }
            move || alive.set(false)
        });
    }

    let status = match (&props.context, &*report) {
        (None, _) => html! { <p class="checking">{lang.t(Msg::LoadingTrust)}</p> },
        (Some(_), None) => html! { <p class="checking">{lang.t(Msg::Checking)}</p> },
        (Some(_), Some(report)) => {
            html! { <VerdictBanner level={report.level} notices={report.notices.clone()} /> }
        }
    };
    let details = report
        .as_ref()
        .map(|r| result_details(r, lang))
        .unwrap_or_default();
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    let seen_before = previous
        .as_ref()
        .as_ref()
        .map(|visit| lang.t(Msg::ScannedBefore(lang.datetime(clock::local(visit.at_ms)))));
    html! {
        <div class="verify-page">
            // Announced to screen readers when the verdict replaces "Checking…".
            <div class="status-region" role="status" aria-live="polite" aria-atomic="true">{status}</div>
            if let Some(note) = seen_before {
                <p class="seen-before">{note}</p>
            }
            {details}
            <p class="scanned"><span>{lang.t(Msg::ScannedCode)}{": "}</span><code>{props.code.clone()}</code></p>
            <button type="button" class="primary again" onclick={on_back}>{lang.t(Msg::ScanAnother)}</button>
        </div>
    }
}

/// Keeps this verification in the phone's history.
fn remember(code: &str, report: &Report, lang: Lang) {
    let level = serde_json::to_value(report.level)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned));
    history::record(Visit {
        code: code.to_owned(),
        at_ms: js_sys::Date::now(),
        level: level.unwrap_or_default(),
        name: report
            .passport
            .as_ref()
            .map(|p| lang.text(&p.product.name))
            .filter(|n| !n.is_empty()),
    });
}

/// Everything below the banner. A record that failed its checks shows only
/// what it claims to be, under a warning; its details are not presented as facts.
fn result_details(report: &Rc<Report>, lang: Lang) -> Html {
    let trusted = matches!(report.level, Level::Verified | Level::Caution);
    let passport = report.passport.as_ref();
    let record = match (passport, trusted) {
        (Some(passport), true) => html! {
            <>
                <ProductCard passport={passport.clone()} code={report.code.clone()} />
                <Certifications reports={report.certifications.clone()} checked_at={report.checked_at} />
                <ProducerCard party={passport.producer.clone()} />
                <FacilityCard facility={passport.facility.clone()} />
                <Timeline events={passport.events.clone()} />
            </>
        },
        (Some(passport), false) => html! {
            <section class="claims">
                <p>{lang.t(Msg::RecordClaims)}</p>
                <p class="claimed-name">{lang.text(&passport.product.name)}</p>
                if let Some(producer) = &passport.producer {
                    <p>{lang.text(&producer.name)}</p>
                }
            </section>
        },
        (None, _) => html! {},
    };
    // A link to another system: offer it (https only), never as verified.
    let foreign = report.checks.iter().find_map(|check| match &check.finding {
        Finding::ForeignSystem { url, .. } if url.starts_with("https://") => Some(url.clone()),
        _ => None,
    });
    html! {
        <>
            if let Some(url) = foreign {
                <p class="foreign"><a href={url} rel="noopener noreferrer nofollow" target="_blank">{lang.t(Msg::OpenLink)}</a></p>
            }
            {record}
            <ChecksList checks={report.checks.clone()} certifications={report.certifications.clone()} />
            <TrustFooter trust_list={report.trust_list.clone()} level={report.level} />
        </>
    }
}
