//! Browser glue: everything that touches the DOM, the camera, the network or
//! storage lives here, behind small functions that return `Result`.

pub mod barcode_detector;
pub mod camera;
pub mod clock;
pub mod config;
pub mod decoder;
pub mod decoder_worker;
pub mod early;
pub mod fetch;
pub mod frame_reader;
pub mod haptics;
pub mod history;
pub mod host_page;
pub mod offline;
pub mod photo;
pub mod shell;
pub mod storage;

use wasm_bindgen::JsValue;

/// What can go wrong in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformError {
    /// The page is not in a secure context (https or localhost): no camera.
    InsecureContext,
    /// The user or the browser refused camera access.
    CameraDenied,
    /// The device has no camera.
    NoCamera,
    /// The camera exists but could not be started (in use, hardware error).
    CameraFailed,
    /// A photo could not be decoded as an image.
    ImageUnreadable,
    /// A browser API is missing or failed unexpectedly.
    Unavailable,
}

impl PlatformError {
    /// Maps a `getUserMedia` rejection to what the user can do about it.
    pub fn from_media_error(error: &JsValue) -> PlatformError {
        let name = js_sys::Reflect::get(error, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        match name.as_str() {
            "NotAllowedError" | "SecurityError" | "PermissionDeniedError" => {
                PlatformError::CameraDenied
            }
            "NotFoundError" | "OverconstrainedError" | "DevicesNotFoundError" => {
                PlatformError::NoCamera
            }
            _ => PlatformError::CameraFailed,
        }
    }
}

/// The browser window.
pub fn window() -> Result<web_sys::Window, PlatformError> {
    web_sys::window().ok_or(PlatformError::Unavailable)
}
