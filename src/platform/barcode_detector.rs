//! The browser's own `BarcodeDetector` (Android Chrome, macOS), used as a
//! fast path where it exists: it is asked for every format the core reads
//! (QR, EAN-13, EAN-8, UPC-A, UPC-E, DataMatrix) that this browser
//! supports. Headless Chromium on Linux and iOS Safari have none, so the
//! worker pipeline reads there, and is what the tests exercise.

use js_sys::{Array, Object, Promise, Reflect};
use tracecheck_core::scan::{Barcode, Format};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window;

/// A `BarcodeDetector` for the formats the core reads.
pub struct BarcodeDetector {
    detector: JsValue,
}

impl BarcodeDetector {
    /// The detector, when this browser has one that supports `qr_code`
    /// (and with it every other format of [`Format::ALL`] it supports).
    pub async fn new() -> Option<BarcodeDetector> {
        let window = window().ok()?;
        let class = Reflect::get(&window, &"BarcodeDetector".into()).ok()?;
        let class: js_sys::Function = class.dyn_into().ok()?;
        let formats: Promise = Reflect::get(&class, &"getSupportedFormats".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call0(&class)
            .ok()?
            .dyn_into()
            .ok()?;
        let supported = Array::from(&JsFuture::from(formats).await.ok()?);
        if !supported.includes(&"qr_code".into(), 0) {
            return None;
        }
        let wanted: Array = Format::ALL
            .iter()
            .map(|format| JsValue::from(format.detector_name()))
            .filter(|name| supported.includes(name, 0))
            .collect();
        let options = Object::new();
        let _ = Reflect::set(&options, &"formats".into(), &wanted.into());
        let detector = Reflect::construct(&class, &Array::of1(&options)).ok()?;
        Some(BarcodeDetector { detector })
    }

    /// Texts of the codes in `source` (a video, canvas or image), a
    /// barcode's as a scanner with symbology identifiers sends it
    /// ([`Barcode::scan_data`]); `None` when detection failed (the caller
    /// falls back to the worker).
    pub async fn detect(&self, source: &JsValue) -> Option<Vec<String>> {
        let detect: js_sys::Function = Reflect::get(&self.detector, &"detect".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let promise: Promise = detect.call1(&self.detector, source).ok()?.dyn_into().ok()?;
        let found = JsFuture::from(promise).await.ok()?;
        Some(
            Array::from(&found)
                .iter()
                .filter_map(|code| {
                    let text = Reflect::get(&code, &"rawValue".into()).ok()?.as_string()?;
                    let format = Reflect::get(&code, &"format".into())
                        .ok()
                        .and_then(|f| f.as_string())
                        .and_then(|f| Format::from_detector_name(&f))
                        .unwrap_or(Format::Qr);
                    Some(Barcode { format, text }.scan_data())
                })
                .filter(|text| !text.is_empty())
                .collect(),
        )
    }
}
