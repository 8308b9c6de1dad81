//! The core's `Fetch` in the browser: `fetch()` with a timeout and a size bound.

use std::cell::Cell;
use std::rc::Rc;

use tracecheck_core::resolve::{Fetch, FetchError, Progress, Request, Response};
use yew::Callback;

use super::offline::{CACHED_AT_HEADER, CacheNotes};
use gloo_timers::callback::Timeout;

/// Largest answer read (1 MiB, the core's JSON limit).
const MAX_BODY: usize = 1 << 20;

/// `fetch()`, abandoned after the request's own time limit (what is left
/// of the verification's budget), or the answer boot.js already asked for
/// ([`super::early`]). Redirects are followed by the browser;
/// the page's CSP `connect-src` (index.html) governs every hop, and the
/// core checks where the answer finally came from.
#[derive(Default)]
pub struct BrowserFetcher {
    /// Answers the service worker served from its cache (offline).
    pub cached: CacheNotes,
    /// Told what the verification is waiting for.
    pub on_progress: Option<Callback<Progress>>,
    /// Leave a copy of every answer for the module that loads next
    /// ([`super::early::keep`]): the banner build's fetcher.
    pub hand_over: bool,
}

impl Fetch for BrowserFetcher {
    async fn fetch(&self, request: Request) -> Result<Response, FetchError> {
        let controller = web_sys::AbortController::new().map_err(|_| FetchError::Unreachable)?;
        let timed_out = Rc::new(Cell::new(false));
        let _timer = {
            let (controller, timed_out) = (controller.clone(), Rc::clone(&timed_out));
            Timeout::new(request.timeout_ms, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let sent = match super::early::take(&request).await {
            Some(early) => Ok(gloo_net::http::Response::from(early)),
            None => {
                let signal = controller.signal();
                gloo_net::http::Request::get(&request.url)
                    .header("Accept", request.accept)
                    .abort_signal(Some(&signal))
                    .send()
                    .await
            }
        };
        let failed = |timed_out: &Cell<bool>| {
            if timed_out.get() {
                FetchError::Timeout
            } else {
                FetchError::Unreachable
            }
        };
        let response = sent.map_err(|_| failed(&timed_out))?;
        let response = if self.hand_over {
            let raw = web_sys::Response::from(response);
            super::early::keep(&request, &raw);
            gloo_net::http::Response::from(raw)
        } else {
            response
        };
        // The page's CSP (`connect-src 'self' https:`) as a rule on every
        // redirected answer, for engines that follow a hop their CSP should
        // have stopped (WebKitGTK, through the service worker): it must
        // land on https or on this page's own origin.
        if response.redirected() && !lands_in_policy(&response.url()) {
            return Err(FetchError::Refused {
                url: response.url(),
            });
        }
        let declared = response
            .headers()
            .get("content-length")
            .and_then(|l| l.parse::<usize>().ok());
        if declared.is_some_and(|length| length > MAX_BODY) {
            return Err(FetchError::TooLarge { limit: MAX_BODY });
        }
        let cached_at = response
            .headers()
            .get(CACHED_AT_HEADER)
            // Whole milliseconds (assets/sw.js); an integer parse keeps
            // the float parser out of the page.
            .and_then(|t| t.parse::<u64>().ok())
            .map(|ms| ms as f64);

        if let Some(at_ms) = cached_at {
            self.cached.note(&request.url, at_ms);
        }
        let body = response.binary().await.map_err(|_| failed(&timed_out))?;
        if body.len() > MAX_BODY {
            return Err(FetchError::TooLarge { limit: MAX_BODY });
        }
        Ok(Response {
            url: response.url(),
            status: response.status(),
            content_type: response.headers().get("content-type"),
            location: None,
            body,
        })
    }

    fn now_ms(&self) -> f64 {
        super::clock::monotonic_ms()
    }

    fn progress(&self, step: Progress) {
        if let Some(callback) = &self.on_progress {
            callback.emit(step);
        }
    }
}

/// Whether a redirect's final `url` is one the page's CSP allows.
fn lands_in_policy(url: &str) -> bool {
    let own = super::config::origin().unwrap_or_default();
    url.starts_with("https://") || (!own.is_empty() && url.starts_with(&format!("{own}/")))
}
