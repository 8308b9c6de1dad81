//! Offline use: the service worker that keeps the app and its data on the
//! phone, and how old the kept data is.

use std::cell::{Cell, RefCell};

use js_sys::Reflect;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::window;

/// The header the service worker adds to answers served from its cache.
pub const CACHED_AT_HEADER: &str = "x-tracecheck-cached-at";

thread_local! {
    /// When the trust list in use was saved, if it came from the cache.
    static TRUST_LIST_CACHED_AT: Cell<Option<f64>> = const { Cell::new(None) };
    /// The first verdict of this page has been shown.
    static VERDICT_SHOWN: Cell<bool> = const { Cell::new(false) };
    /// The app asked for offline use and waits for that verdict.
    static REGISTER_PENDING: Cell<bool> = const { Cell::new(false) };
    /// The service worker has been asked for (once per page).
    static REGISTER_ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker once the page has done what the shopper
/// came for: at once when `after_verdict` is false (the scan page, the
/// kiosk, once the trust list is in), else after the first verdict shows
/// ([`verdict_shown`]). The worker's install precaches the shell and the
/// decoder worker (about 125 KB gzipped); on a first visit over a slow
/// network those downloads would otherwise share it with the verification's
/// own requests (docs/performance.md).
pub fn register_when_settled(after_verdict: bool) {
    if !after_verdict || VERDICT_SHOWN.with(Cell::get) {
        register_soon();
    } else {
        REGISTER_PENDING.with(|p| p.set(true));
    }
}

/// The page shows a verdict: a registration waiting for it goes ahead.
pub fn verdict_shown() {
    VERDICT_SHOWN.with(|v| v.set(true));
    if REGISTER_PENDING.with(|p| p.replace(false)) {
        register_soon();
    }
}

/// After the current task, so the verdict's render comes first.
fn register_soon() {
    if REGISTER_ASKED.with(|a| a.replace(true)) {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        gloo_timers::future::TimeoutFuture::new(0).await;
        register_service_worker();
    });
}

/// Registers `/sw.js`; returns whether it asked to. A no-op where service
/// workers are unavailable: plain http on a phone over the LAN, and
/// `navigator.serviceWorker` missing (Firefox private windows, WebKit apps
/// that turn them off), where calling into it would throw.
pub fn register_service_worker() -> bool {
    let Ok(window) = window() else { return false };
    if !window.is_secure_context() {
        return false;
    }
    let Some(container) = Reflect::get(&window.navigator(), &"serviceWorker".into())
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::ServiceWorkerContainer>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::spawn_local(async move {
        // A failed registration (or one that throws) only means no offline use.
        if let Ok(registering) = Reflect::get(&container, &"register".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
            .and_then(|register| register.call1(&container, &"/sw.js".into()))
        {
            let _ = JsFuture::from(js_sys::Promise::resolve(&registering)).await;
        }
    });
    true
}

/// Records whether the trust list came from the cache (`Some(saved at)`).
pub fn set_trust_list_cached_at(at_ms: Option<f64>) {
    TRUST_LIST_CACHED_AT.with(|cell| cell.set(at_ms));
}

/// When the trust list in use was saved, if it came from the cache.
pub fn trust_list_cached_at() -> Option<f64> {
    TRUST_LIST_CACHED_AT.with(Cell::get)
}

/// Answers that came from the cache during one verification.
#[derive(Debug, Default)]
pub struct CacheNotes(RefCell<Vec<(String, f64)>>);

impl CacheNotes {
    /// Notes that `url` was answered from the cache, saved at `at_ms`.
    pub fn note(&self, url: &str, at_ms: f64) {
        self.0.borrow_mut().push((url.to_owned(), at_ms));
    }

    /// Every note, in the order made.
    pub fn all(&self) -> Vec<(String, f64)> {
        self.0.borrow().clone()
    }
}
