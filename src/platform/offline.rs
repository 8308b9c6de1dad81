//! Offline use: the service worker that keeps the app and its data on the
//! phone, and how old the kept data is.

use std::cell::{Cell, RefCell};

use wasm_bindgen_futures::JsFuture;

use super::window;

/// The header the service worker adds to answers served from its cache.
pub const CACHED_AT_HEADER: &str = "x-tracecheck-cached-at";

thread_local! {
    /// When the trust list in use was saved, if it came from the cache.
    static TRUST_LIST_CACHED_AT: Cell<Option<f64>> = const { Cell::new(None) };
}

/// Registers `/sw.js` (a no-op where service workers are unavailable, e.g.
/// plain http on a phone over the LAN).
pub fn register_service_worker() {
    let Ok(window) = window() else { return };
    if !window.is_secure_context() {
        return;
    }
    let container = window.navigator().service_worker();
    wasm_bindgen_futures::spawn_local(async move {
        // A failed registration only means no offline use.
        let _ = JsFuture::from(container.register("/sw.js")).await;
    });
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
