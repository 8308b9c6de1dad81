//! A short vibration when a code is read, where the phone can vibrate.
//!
//! `navigator.vibrate` is missing in Firefox and in every iPhone browser
//! (WebKit), and `userActivation` is missing in older engines: both are
//! looked up at run time, and any failure is ignored, because a read code
//! must reach the verifier whether or not the phone buzzed.

use wasm_bindgen::{JsCast, JsValue};

use super::window;

/// Vibrates for `ms` milliseconds if the browser supports it and the page
/// has had a user gesture (Chromium ignores, and logs, calls before one).
/// Returns whether a vibration was requested.
pub fn vibrate(ms: u32) -> bool {
    let Ok(window) = window() else {
        return false;
    };
    let navigator: JsValue = window.navigator().into();
    if !has_been_active(&navigator) {
        return false;
    }
    let Some(vibrate) = js_sys::Reflect::get(&navigator, &"vibrate".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return false;
    };
    vibrate
        .call1(&navigator, &JsValue::from(ms))
        .is_ok_and(|accepted| accepted.is_truthy())
}

/// `navigator.userActivation.hasBeenActive`, false where it is missing.
fn has_been_active(navigator: &JsValue) -> bool {
    js_sys::Reflect::get(navigator, &"userActivation".into())
        .ok()
        .filter(|activation| activation.is_object())
        .and_then(|activation| js_sys::Reflect::get(&activation, &"hasBeenActive".into()).ok())
        .is_some_and(|active| active.is_truthy())
}
