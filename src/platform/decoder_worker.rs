//! The decoder's side of the Web Worker: receives RGBA frames, runs the
//! core pipeline, posts back the texts. Stateless (the page keeps which
//! attempt comes next), so a worker restarted after a crash loses nothing.
//!
//! Messages (plain JS objects):
//! - in: `{id, kind: "still" | "frame", width, height, rgba: Uint8ClampedArray, start}`;
//!   `start` is the first still attempt, or the camera attempt for a frame.
//! - out: `{ready: true}` once listening, `{id, progress: k}` before still attempt `k`, then
//!   `{id, texts: [...], formats: [...], next, ms}` (`next`: the camera attempt after this
//!   frame; `formats[i]`, a `BarcodeDetector` name such as `qr_code` or `ean_13`, is the
//!   format of `texts[i]`). A barcode's text is what a scanner with symbology identifiers
//!   sends (`]E0…` for EAN-13, UPC-A and UPC-E, `]E4…` for EAN-8: `Barcode::scan_data`),
//!   so the code reader knows it names a product and no batch.

use js_sys::{Array, Object, Reflect, Uint8Array};
use tracecheck_core::scan::{
    self, Barcode, Budget, Charset, Effort, FRAME_UNITS, Format, FrameScanner, Luma, Payload,
    STILL_UNITS,
};
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
    let (payloads, others, next) = if field("kind").as_string().as_deref() == Some("frame") {
        // Barcodes on a few scanlines, then this frame's QR attempt.
        let others =
            scan::scan_codes_other_than_qr(image, Effort::Frame, &mut Budget::units(FRAME_UNITS));
        let mut scanner = FrameScanner::at(start);
        let found = scanner.scan(image);
        (found, others, scanner.index())
    } else {
        let (found, others) = scan::scan_all_within(
            image,
            start,
            |attempt| {
                post(&message(
                    &id,
                    &[("progress", JsValue::from(attempt as u32))],
                ));
            },
            &mut Budget::units(STILL_UNITS),
        );
        (found, others, 0)
    };
    let codes: Vec<(String, Format)> = payloads
        .iter()
        .filter_map(|payload| Some((text(payload)?, Format::Qr)))
        .chain(
            others
                .iter()
                .map(|code: &Barcode| (code.scan_data(), code.format)),
        )
        .collect();
    let texts: Array = codes
        .iter()
        .map(|(t, _)| JsValue::from(t.as_str()))
        .collect();
    let formats: Array = codes
        .iter()
        .map(|(_, f)| JsValue::from(f.detector_name()))
        .collect();
    post(&message(
        &id,
        &[
            ("texts", texts.into()),
            ("formats", formats.into()),
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
