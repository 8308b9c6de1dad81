//! The trade-fair kiosk (`/kiosk`): the camera always on, large type, each
//! result shown for a while and then back to scanning, the same code not
//! re-checked within a cooldown, a different code replacing the result at
//! once, and no link that leads away.
//!
//! Options in the address: `show` (seconds a result stays, default 15),
//! `cooldown` (seconds before the same code counts again, default 20),
//! `lang` (`vi` or `en`).

use std::rc::Rc;

use tracecheck_core::verdict::Context;
use yew::prelude::*;

use crate::components::camera_scanner::CameraScanner;
use crate::components::checking::Checking;
use crate::components::report_ref::ReportRef;
use crate::components::result_view::ResultView;
use crate::components::verdict_banner::VerdictBanner;
use crate::hooks::use_verification::use_verification;
use crate::i18n::{Lang, Msg};
use crate::route;
use gloo_timers::callback::Interval;

/// Seconds a result stays on screen, and the range allowed.
const SHOW_DEFAULT: u32 = 15;
/// Seconds before the same code counts again.
const COOLDOWN_DEFAULT: u32 = 20;

/// A whole number of seconds from the address, within `5..=600`.
fn seconds(name: &str, default: u32) -> u32 {
    route::param(name)
        .and_then(|v| v.parse::<u32>().ok())
        .map_or(default, |v| v.clamp(5, 600))
}

/// What was scanned last, and when (ms since 1970).
#[derive(Clone, PartialEq)]
struct Shown {
    code: String,
    at_ms: f64,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub context: Option<Rc<Context>>,
}

#[function_component]
pub fn KioskPage(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let show_secs = use_memo((), |_| seconds("show", SHOW_DEFAULT));
    let cooldown_secs = use_memo((), |_| seconds("cooldown", COOLDOWN_DEFAULT));
    let shown = use_state(|| None::<Shown>);
    // The last code that fired, kept after its result goes, for the cooldown.
    let last_fired = use_mut_ref(|| None::<Shown>);
    let remaining = use_state(|| 0u32);

    let on_code = {
        let (shown, last_fired, remaining) = (shown.clone(), last_fired.clone(), remaining.clone());
        let (show_secs, cooldown_secs) = (*show_secs, *cooldown_secs);
        Callback::from(move |code: String| {
            let now = js_sys::Date::now();
            let recent = last_fired.borrow().as_ref().is_some_and(|last| {
                last.code == code && now - last.at_ms < f64::from(cooldown_secs) * 1000.0
            });
            if recent {
                return;
            }
            let fired = Shown { code, at_ms: now };
            *last_fired.borrow_mut() = Some(fired.clone());
            remaining.set(show_secs);
            shown.set(Some(fired));
        })
    };

    // Count down while a result shows; at zero, back to scanning.
    {
        let (shown, remaining) = (shown.clone(), remaining.clone());
        use_effect_with(shown.as_ref().map(|s| s.at_ms.to_bits()), move |showing| {
            let ticker = showing.map(|_| {
                let (shown, remaining) = (shown.clone(), remaining.clone());
                let left = std::cell::Cell::new(*remaining);
                Interval::new(1_000, move || {
                    let next = left.get().saturating_sub(1);
                    left.set(next);
                    remaining.set(next);
                    if next == 0 {
                        shown.set(None);
                    }
                })
            });
            move || drop(ticker)
        });
    }

    let back = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(None))
    };
    let code = shown.as_ref().map(|s| s.code.clone()).unwrap_or_default();
    html! {
        <div class={classes!("kiosk", shown.is_some().then_some("showing"))}>
            <section class="kiosk-scan" aria-label={lang.t(Msg::ScanHeading)}>
                <h1>{lang.t(Msg::KioskHeading)}</h1>
                <CameraScanner continuous=true {on_code} />
            </section>
            <section class="kiosk-result">
                if shown.is_some() {
                    <KioskResult code={code} context={props.context.clone()} />
                    <p class="countdown">{lang.t(Msg::KioskBackIn(*remaining))}</p>
                    <button type="button" class="primary" onclick={back}>{lang.t(Msg::ScanAnother)}</button>
                } else {
                    <p class="kiosk-idle">{lang.t(Msg::KioskIdle)}</p>
                }
            </section>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ResultProps {
    code: String,
    context: Option<Rc<Context>>,
}

/// One code's verdict and details, without any link.
#[function_component]
fn KioskResult(props: &ResultProps) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = use_verification(&props.code, props.context.clone(), lang, Callback::noop());
    let verification = state.done;
    html! {
        <>
            <div class="status-region" role="status" aria-live="polite" aria-atomic="true">
                if let Some(v) = &verification {
                    <VerdictBanner level={v.report.level} notices={v.report.notices.clone()}
                        report={ReportRef::from(&v.report)} no_links=true />
                } else {
                    <Checking progress={state.progress} />
                }
            </div>
            if let Some(v) = &verification {
                <ResultView report={ReportRef::from(&v.report)} no_links=true />
            }
        </>
    }
}
