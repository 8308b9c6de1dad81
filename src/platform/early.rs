//! Answers boot.js asked for before the WebAssembly ran (assets/boot.js,
//! "early requests"; docs/performance.md). The server names in the page
//! the requests its first verification will make; boot.js starts them all
//! at once and keeps their promises in `window.tracecheckEarly`, keyed by
//! `Accept` and URL. The fetcher takes a matching answer once, instead of
//! asking again, and checks it exactly as one it fetched itself.

use js_sys::{Map, Promise, Reflect};
use tracecheck_core::resolve::Request;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The early answer to `request`, if boot.js started one and it arrived;
/// `None` (fetch it now) when there is none or it failed.
pub async fn take(request: &Request) -> Option<web_sys::Response> {
    let window = web_sys::window()?;
    let early: Map = Reflect::get(&window, &JsValue::from_str("tracecheckEarly"))
        .ok()?
        .dyn_into()
        .ok()?;
    let key = JsValue::from_str(&format!("{}\n{}", request.accept, request.url));
    let pending: Promise = early.get(&key).dyn_into().ok()?;
    // Once: a second request for the same URL (a retry) goes to the network.
    early.delete(&key);
    JsFuture::from(pending).await.ok()?.dyn_into().ok()
}
