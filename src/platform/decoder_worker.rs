//! The decoder's side of the Web Worker: receives RGBA frames, runs the
//! core pipeline, posts back the texts. Stateless (the page keeps which
//! attempt comes next), so a worker restarted after a crash loses nothing.
//!
//! Messages (plain JS objects):
//! - in: `{id, kind: "still" | "frame", width, height, rgba: Uint8ClampedArray, start}`;
//!   `start` is the first still attempt, or the camera attempt for a frame.
//! - out: `{ready: true}` once listening, `{id, progress: k}` before still attempt `k`, then
//!   `{id, texts: [...], next, ms}` (`next`: the camera attempt after this frame).

use js_sys::{Array, Object, Reflect, Uint8Array};
use tracecheck_core::scan::{self, Charset, FrameScanner, Luma, Payload};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// Installs the message handler; call once from the worker's `main`.
pub fn serve() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let post = |message: &JsValue| {
            let _ = reply_to.post_message(message);
        };
        handle(&event.data(), post);
    });
    scope.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    handler.forget();
    let ready = Object::new();
    let _ = Reflect::set(&ready, &"ready".into(), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// Decodes one request, posting progress and the reply through `post`.
/// Public so the page's tests can run it without a worker.
pub fn handle(request: &JsValue, post: impl Fn(&JsValue)) {
    let field = |name: &str| Reflect::get(request, &JsValue::from_str(name)).unwrap_or_default();
    let number = |name: &str| field(name).as_f64().unwrap_or(0.0).max(0.0) as usize;
    let id = field("id");
    let (width, height, start) = (number("width"), number("height"), number("start"));
    let rgba = Uint8Array::new(&field("rgba")).to_vec();
    let luma = scan::rgba_to_luma(&rgba);
    let image = Luma {
        width,
        height,
        pixels: &luma,
    };
    let started = now();
    let (payloads, next) = if field("kind").as_string().as_deref() == Some("frame") {
        let mut scanner = FrameScanner::at(start);
        let found = scanner.scan(image);
        (found, scanner.index())
    } else {
        let found = scan::scan_from(image, start, |attempt| {
            post(&message(
                &id,
                &[("progress", JsValue::from(attempt as u32))],
            ));
        });
        (found, 0)
    };
    let texts: Array = payloads
        .iter()
        .filter_map(text)
        .map(JsValue::from)
        .collect();
    post(&message(
        &id,
        &[
            ("texts", texts.into()),
            ("next", JsValue::from(next as u32)),
            ("ms", JsValue::from(now() - started)),
        ],
    ));
}

fn message(id: &JsValue, fields: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"id".into(), id);
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

/// A payload as text; Shift_JIS through the browser's own decoder.
fn text(payload: &Payload) -> Option<String> {
    match payload.charset() {
        Charset::ShiftJis => web_sys::TextDecoder::new_with_label("shift_jis")
            .ok()?
            .decode_with_u8_array(&payload.0)
            .ok(),
        Charset::Utf8 | Charset::Latin1 => payload.text(),
    }
}

/// Milliseconds from the global `performance` (window or worker).
fn now() -> f64 {
    Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map_or(0.0, |p| p.now())
}
