//! Smoke test of the browser test runner: it can only pass when
//! wasm-bindgen-test-runner really ran it in Chromium (scripts/test.sh).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_chromium() {
    let window = web_sys::window().expect("a browser window");
    let document = window.document().expect("a document");
    assert!(document.body().is_some(), "the test page has a <body>");

    // `navigator.userAgent` without the web-sys `Navigator` feature.
    let navigator =
        js_sys::Reflect::get(&window, &JsValue::from_str("navigator")).expect("window.navigator");
    let user_agent = js_sys::Reflect::get(&navigator, &JsValue::from_str("userAgent"))
        .expect("navigator.userAgent")
        .as_string()
        .expect("userAgent is a string");
    wasm_bindgen_test::console_log!("user agent: {user_agent}");
    assert!(
        user_agent.contains("Chrome"),
        "expected Chromium, got user agent {user_agent:?}"
    );
}
