//! Answers boot.js asked for before the WebAssembly ran (assets/boot.js,
//! "early requests"; docs/performance.md). The server names in the page
//! the requests its first verification will make; boot.js starts them all
//! at once and keeps their promises in `window.tracecheckEarly`, keyed by
//! `Accept` and URL. The fetcher takes a matching answer once, instead of
//! asking again, and checks it exactly as one it fetched itself.
//!
//! The banner build (`crate::banner`) puts a copy of each answer it got
//! back ([`keep`]), so the widget that follows it verifies the same
//! answers again without asking the network a second time.

use js_sys::{Map, Promise, Reflect};
use tracecheck_core::resolve::Request;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const GLOBAL: &str = "tracecheckEarly";

fn key(request: &Request) -> JsValue {
    JsValue::from_str(&format!("{}\n{}", request.accept, request.url))
}

/// The page's map of early answers, made when `create` and there is none.
fn answers(create: bool) -> Option<Map> {
    let window = web_sys::window()?;
    let found = Reflect::get(&window, &JsValue::from_str(GLOBAL))
        .ok()
        .and_then(|value| value.dyn_into::<Map>().ok());
    match found {
        Some(map) => Some(map),
        None if create => {
            let map = Map::new();
            Reflect::set(&window, &JsValue::from_str(GLOBAL), &map).ok()?;
            Some(map)
        }
        None => None,
    }
}

/// The early answer to `request`, if boot.js started one and it arrived;
/// `None` (fetch it now) when there is none or it failed.
pub async fn take(request: &Request) -> Option<web_sys::Response> {
    let early = answers(false)?;
    let key = key(request);
    let pending: Promise = early.get(&key).dyn_into().ok()?;
    // Once: a second request for the same URL (a retry) goes to the network.
    early.delete(&key);
    let answer = JsFuture::from(pending).await.ok()?.dyn_into().ok();
    // Answers already in (the banner build's) would otherwise chain the
    // whole verification into one main-thread task of 200 ms and more on a
    // slow phone: each one is taken in a task of its own.
    gloo_timers::future::TimeoutFuture::new(0).await;
    answer
}

/// Keeps `answer` as the early answer to `request`, for the next module
/// on this page to [`take`] once.
pub fn keep(request: &Request, answer: &web_sys::Response) {
    if let (Some(early), Ok(copy)) = (answers(true), answer.clone()) {
        early.set(&key(request), &Promise::resolve(&copy));
    }
}
