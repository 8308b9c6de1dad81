//! Verifying one code and showing the result: the verdict with its reason,
//! what to do next when a check could not finish, then the details.

use std::rc::Rc;

use tracecheck_core::verdict::{Context, Report};
use yew::prelude::*;

use crate::components::checking::Checking;
use crate::components::next_steps::NextSteps;
use crate::components::offline_note::OfflineNote;
use crate::components::report_ref::ReportRef;
use crate::components::result_view::ResultView;
use crate::components::verdict_banner::VerdictBanner;
use crate::hooks::use_verification::use_verification;
use crate::i18n::{Lang, Msg};
use crate::platform::clock;
use crate::platform::history::{self, Visit};
use crate::platform::shell;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// What was scanned or typed.
    pub code: String,
    /// The verification context, once the trust list has loaded.
    pub context: Option<Rc<Context>>,
    /// "Scan another".
    pub on_back: Callback<()>,
    /// Another code to check (a corrected one, or with its lot).
    pub on_code: Callback<String>,
}

/// The page; "try again" starts a fresh verification of the same code.
#[function_component]
pub fn VerifyPage(props: &Props) -> Html {
    let attempt = use_state(|| 0_u32);
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    html! {
        <Verification key={format!("{}#{}", props.code, *attempt)} code={props.code.clone()}
            context={props.context.clone()} on_back={props.on_back.clone()}
            on_code={props.on_code.clone()} {on_retry} />
    }
}

#[derive(Properties, PartialEq)]
struct VerificationProps {
    code: String,
    context: Option<Rc<Context>>,
    on_back: Callback<()>,
    on_code: Callback<String>,
    on_retry: Callback<()>,
}

#[function_component]
fn Verification(props: &VerificationProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    // Read before this visit is recorded.
    let previous = use_memo(props.code.clone(), |code| history::last_for(code));
    let on_done = {
        let code = props.code.clone();
        Callback::from(move |report: Rc<Report>| remember(&code, &report, lang))
    };
    let state = use_verification(&props.code, props.context.clone(), lang, on_done);
    let report = state.done.as_ref().map(|v| Rc::clone(&v.report));
    let cached = state
        .done
        .as_ref()
        .map(|v| v.cached.clone())
        .unwrap_or_default();

    // The verdict is drawn (the banner below, with the trust list in): the
    // shell's copy of it (the banner build's) gives way, in the same frame.
    let drawn = props.context.is_some() && report.is_some();
    use_effect_with(drawn, |drawn| {
        if *drawn {
            shell::remove();
        }
    });
    let status = match (&props.context, &report) {
        (None, _) => html! { <p class="checking">{lang.t(Msg::LoadingTrust)}</p> },
        (Some(_), None) => html! { <Checking progress={state.progress} /> },
        (Some(_), Some(report)) => html! {
            <VerdictBanner level={report.level} notices={report.notices.clone()} report={ReportRef::from(report)} />
        },
    };
    let next = report.as_ref().map(|report| {
        html! {
            <NextSteps report={ReportRef::from(report)} code={props.code.clone()}
                on_retry={props.on_retry.clone()} on_code={props.on_code.clone()}
                on_scan={props.on_back.clone()} />
        }
    });
    let on_back = props.on_back.reform(|_: MouseEvent| ());
    // The "scanned code" line and "scan another" button: under "Checking…"
    // while it runs, at the end of the page once the verdict is in. Two
    // places, not one element the result pushes down (a layout shift of
    // 0.15 on a direct link; an element that comes or goes is no shift).
    // Neither a key nor another tag on one element worked: replacing the
    // last child of this list made Yew 0.23 panic ("failed to insert node
    // before next sibling"); removing one and appending the other does not.
    let foot = html! {
        <div class="verify-foot">
            <p class="scanned"><span>{lang.t(Msg::ScannedCode)}{": "}</span><code>{props.code.clone()}</code></p>
            <button type="button" class="primary again" onclick={on_back}>{lang.t(Msg::ScanAnother)}</button>
        </div>
    };
    // Once the verdict is in, the foot comes with the lower part of the
    // report, which is drawn a task after the verdict (`ResultView`).
    let (foot_checking, details) = match &report {
        Some(report) => (
            Html::default(),
            html! { <ResultView report={ReportRef::from(report)}>{foot}</ResultView> },
        ),
        None => (foot, Html::default()),
    };
    let seen_before = previous
        .as_ref()
        .as_ref()
        .map(|visit| lang.t(Msg::ScannedBefore(lang.datetime(clock::local(visit.at_ms)))));
    html! {
        <div class="verify-page">
            // Announced to screen readers when the verdict replaces "Checking…".
            <div class="status-region" role="status" aria-live="polite" aria-atomic="true">{status}</div>
            {foot_checking}
            {next.unwrap_or_default()}
            <OfflineNote {cached} />
            if let Some(note) = seen_before {
                <p class="seen-before">{note}</p>
            }
            {details}
        </div>
    }
}

/// Keeps this verification in the phone's history.
fn remember(code: &str, report: &Report, lang: Lang) {
    history::record(Visit {
        code: code.to_owned(),
        at_ms: js_sys::Date::now(),
        level: report.level.code().to_owned(),
        // Only a verified name is kept (a fake's claimed name is not).
        name: report
            .verified
            .as_ref()
            .map(|v| lang.text(&v.product.name))
            .filter(|n| !n.is_empty()),
    });
}
