//! Reading a photo or image file the user picks into RGBA pixels.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlCanvasElement, ImageBitmap};

use super::camera::draw;
use super::decoder::RgbaFrame;
use super::{PlatformError, window};

/// Largest side an image is scaled to before decoding: enough for a QR code
/// that fills a tenth of the photo; the pipeline resizes further itself.
const MAX_SIDE: f64 = 1600.0;

/// Decodes `file` (any image the browser can read) to RGBA pixels.
pub async fn load(file: &web_sys::File) -> Result<RgbaFrame, PlatformError> {
    let window = window()?;
    let promise = window
        .create_image_bitmap_with_blob(file)
        .map_err(|_| PlatformError::ImageUnreadable)?;
    let bitmap: ImageBitmap = JsFuture::from(promise)
        .await
        .map_err(|_| PlatformError::ImageUnreadable)?
        .dyn_into()
        .map_err(|_| PlatformError::ImageUnreadable)?;
    let (width, height) = (bitmap.width() as f64, bitmap.height() as f64);
    let scale = (MAX_SIDE / width.max(height)).min(1.0);
    let (w, h) = (
        (width * scale).max(1.0) as u32,
        (height * scale).max(1.0) as u32,
    );
    let canvas: HtmlCanvasElement = window
        .document()
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|c| c.dyn_into().ok())
        .ok_or(PlatformError::Unavailable)?;
    let frame = draw(&canvas, w, h, |ctx| {
        ctx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, w as f64, h as f64)
    });
    bitmap.close();
    frame.ok_or(PlatformError::ImageUnreadable)
}
