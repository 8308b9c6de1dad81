//! Verifies a code once the trust context is ready; a new code (or leaving
//! the page) abandons the verification in flight.

use std::cell::Cell;
use std::rc::Rc;

use tracecheck_core::resolve::Progress;
use tracecheck_core::verdict::{Context, Report, verify_code};
use yew::prelude::*;

use crate::i18n::Lang;
use crate::platform::clock::now;
use crate::platform::fetch::BrowserFetcher;

/// A finished verification.
#[derive(Debug, Clone, PartialEq)]
pub struct Verification {
    /// What the checks found.
    pub report: Rc<Report>,
    /// Documents answered from the phone's cache (offline): URL and when saved (ms).
    pub cached: Vec<(String, f64)>,
}

/// Where a verification is.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VerificationState {
    /// The finished verification, `None` while it is being checked.
    pub done: Option<Rc<Verification>>,
    /// What it is waiting for, while it runs.
    pub progress: Option<Progress>,
}

/// The verification of `code`. The page's language when it starts decides
/// which language's passport link is preferred in the resolver's linkset
/// (switching language later does not fetch again). `on_done` is called
/// once per finished verification (e.g. to keep history).
#[hook]
pub fn use_verification(
    code: &str,
    context: Option<Rc<Context>>,
    lang: Lang,
    on_done: Callback<Rc<Report>>,
) -> VerificationState {
    let report = use_state(|| None::<Rc<Verification>>);
    let progress = use_state(|| None::<Progress>);
    {
        let (report, progress) = (report.clone(), progress.clone());
        let ready = context.is_some();
        use_effect_with((code.to_owned(), ready), move |(code, _)| {
            report.set(None);
            progress.set(None);
            let alive = Rc::new(Cell::new(true));
            if let Some(context) = context {
                let (code, alive) = (code.clone(), Rc::clone(&alive));
                wasm_bindgen_futures::spawn_local(async move {
                    // Judge validity now, not when the trust list was loaded.
                    let mut context = (*context).clone();
                    context.now = now();
                    context.languages = lang.preferences();
                    let on_progress = {
                        let (progress, alive) = (progress.clone(), Rc::clone(&alive));
                        Callback::from(move |step| {
                            if alive.get() {
                                progress.set(Some(step));
                            }
                        })
                    };
                    let fetcher = BrowserFetcher {
                        on_progress: Some(on_progress),
                        ..BrowserFetcher::default()
                    };
                    let result = Rc::new(verify_code(&code, &context, &fetcher).await);
                    if alive.get() {
                        on_done.emit(Rc::clone(&result));
                        let cached = fetcher.cached.all();
                        report.set(Some(Rc::new(Verification {
                            report: result,
                            cached,
                        })));
                        crate::platform::offline::verdict_shown();
                    }
                });
            }
            move || alive.set(false)
        });
    }
    VerificationState {
        done: (*report).clone(),
        progress: *progress,
    }
}
