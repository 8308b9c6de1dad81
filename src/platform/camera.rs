//! The camera: start the rear camera into a `<video>`, grab frames as
//! greyscale, stop every track when done.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints,
};

use super::{PlatformError, window};

/// Starts the rear camera (front if there is none) and plays it in `video`.
pub async fn start(video: &HtmlVideoElement) -> Result<MediaStream, PlatformError> {
    let window = window()?;
    if !window.is_secure_context() {
        return Err(PlatformError::InsecureContext);
    }
    let devices = window
        .navigator()
        .media_devices()
        .map_err(|_| PlatformError::NoCamera)?;
    let constraints = MediaStreamConstraints::new();
    constraints.set_audio(&JsValue::FALSE);
    constraints.set_video(&video_constraints());
    let promise = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|e| PlatformError::from_media_error(&e))?;
    let stream: MediaStream = JsFuture::from(promise)
        .await
        .map_err(|e| PlatformError::from_media_error(&e))?
        .dyn_into()
        .map_err(|_| PlatformError::CameraFailed)?;
    video.set_muted(true);
    let _ = video.set_attribute("playsinline", "");
    video.set_src_object(Some(&stream));
    if let Ok(playing) = video.play() {
        // Autoplay of a muted camera stream is allowed; a refusal leaves a still frame.
        let _ = JsFuture::from(playing).await;
    }
    Ok(stream)
}

/// `{facingMode: {ideal: "environment"}, width: {ideal: 1280}, height: {ideal: 720}}`.
fn video_constraints() -> JsValue {
    let ideal = |value: JsValue| {
        let object = Object::new();
        let _ = Reflect::set(&object, &"ideal".into(), &value);
        object
    };
    let video = Object::new();
    let _ = Reflect::set(&video, &"facingMode".into(), &ideal("environment".into()));
    let _ = Reflect::set(&video, &"width".into(), &ideal(1280.into()));
    let _ = Reflect::set(&video, &"height".into(), &ideal(720.into()));
    video.into()
}

/// Stops every track, so the camera light goes off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// A greyscale frame.
pub struct Frame {
    /// Width in pixels.
    pub width: usize,
    /// Height in pixels.
    pub height: usize,
    /// One byte per pixel.
    pub luma: Vec<u8>,
}

/// Draws the current video frame onto `canvas`, at most `max_width` wide,
/// and returns it in greyscale. `None` until the video has a frame.
pub fn grab(video: &HtmlVideoElement, canvas: &HtmlCanvasElement, max_width: u32) -> Option<Frame> {
    let (width, height) = (video.video_width(), video.video_height());
    if width == 0 || height == 0 {
        return None;
    }
    let scale = (max_width as f64 / width as f64).min(1.0);
    let (w, h) = (
        (width as f64 * scale) as u32,
        (height as f64 * scale) as u32,
    );
    draw(canvas, w, h, |ctx| {
        ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w as f64, h as f64)
    })
}

/// Sizes `canvas`, draws with `paint`, reads the pixels back as greyscale.
pub fn draw(
    canvas: &HtmlCanvasElement,
    width: u32,
    height: u32,
    paint: impl FnOnce(&CanvasRenderingContext2d) -> Result<(), JsValue>,
) -> Option<Frame> {
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let options = Object::new();
    // Frequent reads: ask for a CPU-backed canvas.
    let _ = Reflect::set(&options, &"willReadFrequently".into(), &JsValue::TRUE);
    let ctx: CanvasRenderingContext2d = canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()?;
    paint(&ctx).ok()?;
    let data = ctx
        .get_image_data(0.0, 0.0, width as f64, height as f64)
        .ok()?;
    Some(Frame {
        width: width as usize,
        height: height as usize,
        luma: tracecheck_core::scan::rgba_to_luma(&data.data()),
    })
}
