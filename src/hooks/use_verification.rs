//! Verifies a code once the trust context is ready; a new code (or leaving
//! the page) abandons the verification in flight.

use std::cell::Cell;
use std::rc::Rc;

use tracecheck_core::verdict::{Context, Report, verify_code};
use yew::prelude::*;

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

/// The verification of `code`, `None` while it is being checked. `on_done`
/// is called once per finished verification (e.g. to keep history).
#[hook]
pub fn use_verification(
    code: &str,
    context: Option<Rc<Context>>,
    on_done: Callback<Rc<Report>>,
) -> Option<Rc<Verification>> {
    let report = use_state(|| None::<Rc<Verification>>);
    {
        let report = report.clone();
        let ready = context.is_some();
        use_effect_with((code.to_owned(), ready), move |(code, _)| {
            report.set(None);
            let alive = Rc::new(Cell::new(true));
            if let Some(context) = context {
                let (code, alive) = (code.clone(), Rc::clone(&alive));
                wasm_bindgen_futures::spawn_local(async move {
                    // Judge validity now, not when the trust list was loaded.
                    let mut context = (*context).clone();
                    context.now = now();
                    let fetcher = BrowserFetcher::default();
                    let result = Rc::new(verify_code(&code, &context, &fetcher).await);
                    if alive.get() {
                        on_done.emit(Rc::clone(&result));
                        let cached = fetcher.cached.all();
                        report.set(Some(Rc::new(Verification {
                            report: result,
                            cached,
                        })));
                    }
                });
            }
            move || alive.set(false)
        });
    }
    (*report).clone()
}
