//! The browser's own `BarcodeDetector` (Android Chrome, macOS), used as a
//! fast path where it exists and reads QR codes. Headless Chromium on Linux
//! has none, so the worker pipeline is what the tests exercise.

use js_sys::{Array, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::window;

/// A `BarcodeDetector` for QR codes.
pub struct BarcodeDetector {
    detector: JsValue,
}

impl BarcodeDetector {
    /// The detector, when this browser has one that supports `qr_code`.
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
        let formats = JsFuture::from(formats).await.ok()?;
        if !Array::from(&formats).includes(&"qr_code".into(), 0) {
            return None;
        }
        let options = Object::new();
        let _ = Reflect::set(
            &options,
            &"formats".into(),
            &Array::of1(&"qr_code".into()).into(),
        );
        let detector = Reflect::construct(&class, &Array::of1(&options)).ok()?;
        Some(BarcodeDetector { detector })
    }

    /// Texts of the QR codes in `source` (a video, canvas or image);
    /// `None` when detection failed (the caller falls back to the worker).
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
                .filter_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
                .filter(|text| !text.is_empty())
                .collect(),
        )
    }
}
