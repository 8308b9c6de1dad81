//! What to do next when a check could not finish: a likely typo gets the
//! corrected code, a code to edit, or the camera instead; no network or a
//! server that does not answer gets "try again"; a code that names only
//! the product gets the way to check the batch. A failure is said for what
//! it is, never blamed on the product.

use tracecheck_core::code::suggest_correction;
use tracecheck_core::resolve::FetchError;
use tracecheck_core::verdict::{Finding, Level, Report};
use yew::prelude::*;

use crate::components::manual_entry::ManualEntry;
use crate::components::report_ref::ReportRef;
use crate::i18n::{Lang, Msg};
use crate::platform::window;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub report: ReportRef,
    /// The code as scanned or typed.
    pub code: String,
    /// Check the same code again.
    pub on_retry: Callback<()>,
    /// Check another code (a corrected one).
    pub on_code: Callback<String>,
    /// Go back to scanning.
    pub on_scan: Callback<()>,
}

/// What went wrong, as far as the next step is concerned.
enum Problem {
    /// The code itself: maybe a typo (with its correction).
    Code { correction: Option<String> },
    /// No answer: offline, or the server is down.
    Network,
    /// Only the product was checked.
    BatchMissing { gtin: Option<String> },
}

fn problem(report: &Report, code: &str) -> Option<Problem> {
    if report.level == Level::ProductVerified {
        let gtin = report
            .code
            .as_ref()
            .and_then(|c| c.gtin())
            .map(str::to_owned);
        return Some(Problem::BatchMissing { gtin });
    }
    let finding = &report.decisive_check()?.finding;
    let network = |error: &FetchError| {
        matches!(
            error,
            FetchError::Unreachable | FetchError::Timeout | FetchError::DeadlinePassed { .. }
        )
    };
    match finding {
        Finding::CodeInvalid { error } => Some(Problem::Code {
            correction: suggest_correction(code, error),
        }),
        Finding::FetchFailed { error, .. } if network(error) => Some(Problem::Network),
        Finding::HttpStatus { status, .. } if *status >= 500 => Some(Problem::Network),
        Finding::TrustListUnavailable {
            error: tracecheck_core::trust::TrustListError::Unavailable,
        } => Some(Problem::Network),
        _ => None,
    }
}

/// `navigator.onLine`, true where it is missing.
fn online() -> bool {
    window().map_or(true, |w| w.navigator().on_line())
}

#[function_component]
pub fn NextSteps(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let Some(problem) = problem(&props.report, &props.code) else {
        return html! {};
    };
    let scan = props.on_scan.reform(|_: MouseEvent| ());
    let scan_button = html! { <button type="button" class="secondary" onclick={scan}>{lang.t(Msg::ScanInstead)}</button> };
    let body = match problem {
        Problem::Code { correction } => html! {
            <>
                if let Some(corrected) = correction {
                    <button type="button" class="primary suggestion"
                        onclick={props.on_code.reform({ let corrected = corrected.clone(); move |_: MouseEvent| corrected.clone() })}>
                        {lang.t(Msg::DidYouMean(corrected))}
                    </button>
                }
                <ManualEntry on_code={props.on_code.clone()} initial={Some(props.code.clone())} />
                {scan_button}
            </>
        },
        Problem::Network => html! {
            <>
                <p class="problem">{lang.t(if online() { Msg::ServerDown } else { Msg::Offline })}</p>
                <button type="button" class="primary" onclick={props.on_retry.reform(|_: MouseEvent| ())}>
                    {lang.t(Msg::TryAgain)}
                </button>
            </>
        },
        Problem::BatchMissing { gtin } => html! {
            <>
                <p>{lang.t(Msg::AddLotHint)}</p>
                <ManualEntry on_code={props.on_code.clone()}
                    initial={gtin.map(|g| format!("(01){g}(10)"))} />
                {scan_button}
            </>
        },
    };
    html! { <section class="card next-steps">{body}</section> }
}
