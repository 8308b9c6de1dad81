//! The scanning pipeline as Node sees it in the benchmark
//! (scripts/bench-scan.mjs): decode an image file to RGBA once, then hand
//! the same pixels to every reader. Built with the workspace's release
//! profile, as the browser worker is.

use js_sys::{Array, Object, Reflect, Uint8Array};
use tracecheck_core::scan::{Luma, rgba_to_luma, scan_barcodes, scan_from};
use wasm_bindgen::prelude::*;

/// `{width, height, rgba}` for a PNG, JPEG or WebP file's bytes.
#[wasm_bindgen(js_name = decodeImage)]
pub fn decode_image(bytes: &[u8]) -> Result<JsValue, JsValue> {
    let image = image::load_from_memory(bytes)
        .map_err(|e| JsValue::from_str(&e.to_string()))?
        .into_rgba8();
    let object = Object::new();
    Reflect::set(&object, &"width".into(), &image.width().into())?;
    Reflect::set(&object, &"height".into(), &image.height().into())?;
    Reflect::set(
        &object,
        &"rgba".into(),
        &Uint8Array::from(image.as_raw().as_slice()).into(),
    )?;
    Ok(object.into())
}

/// The pipeline on RGBA pixels from attempt `start`, as the decoder worker
/// runs it: an array of payloads (`Uint8Array`s), which the caller turns
/// into text. `progress` is called with each attempt's index before it runs,
/// so that after a panic (a trap here) the caller resumes after it, as the
/// page does with a restarted worker.
#[wasm_bindgen(js_name = scanRgba)]
pub fn scan_rgba(
    width: usize,
    height: usize,
    rgba: &[u8],
    start: usize,
    progress: &js_sys::Function,
) -> Array {
    let luma = rgba_to_luma(rgba);
    let image = Luma {
        width,
        height,
        pixels: &luma,
    };
    scan_from(image, start, |attempt| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from(attempt as u32));
    })
    .iter()
    .map(|payload| JsValue::from(Uint8Array::from(payload.0.as_slice())))
    .collect()
}

/// Every code the one pipeline reads in RGBA pixels (barcodes, DataMatrix,
/// then QR within what is left of the still budget), as the decoder worker
/// runs it on a photo: an array of `{format, text}`
/// (scripts/bench-barcodes.mjs).
#[wasm_bindgen(js_name = scanBarcodesRgba)]
pub fn scan_barcodes_rgba(width: usize, height: usize, rgba: &[u8]) -> Array {
    let luma = rgba_to_luma(rgba);
    scan_barcodes(Luma::new(width, height, &luma))
        .iter()
        .map(|code| {
            let object = Object::new();
            let _ = Reflect::set(
                &object,
                &"format".into(),
                &code.format.detector_name().into(),
            );
            let _ = Reflect::set(&object, &"text".into(), &code.text.as_str().into());
            JsValue::from(object)
        })
        .collect()
}
