//! The camera: start a camera into a `<video>` (the rear one unless another
//! is chosen), list cameras, switch the torch and zoom where the track
//! supports them, grab frames, stop every track when done.

use js_sys::{Array, Object, Reflect, Uint8ClampedArray};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream,
    MediaStreamConstraints, MediaStreamTrack,
};

use super::decoder::RgbaFrame;
use super::{PlatformError, window};

/// Starts `device` (a `deviceId` from [`cameras`]), or the rear camera
/// (front if there is none), and plays it in `video`.
pub async fn start(
    video: &HtmlVideoElement,
    device: Option<&str>,
) -> Result<MediaStream, PlatformError> {
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
    constraints.set_video(&video_constraints(device));
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

/// `{deviceId: {exact: id}}` for a chosen camera, else
/// `{facingMode: {ideal: "environment"}}`; both ask for 1280×720.
fn video_constraints(device: Option<&str>) -> JsValue {
    let wrap = |key: &str, value: JsValue| {
        let object = Object::new();
        let _ = Reflect::set(&object, &key.into(), &value);
        JsValue::from(object)
    };
    let video = Object::new();
    match device {
        Some(id) => {
            let _ = Reflect::set(&video, &"deviceId".into(), &wrap("exact", id.into()));
        }
        None => {
            let _ = Reflect::set(
                &video,
                &"facingMode".into(),
                &wrap("ideal", "environment".into()),
            );
        }
    }
    let _ = Reflect::set(&video, &"width".into(), &wrap("ideal", 1280.into()));
    let _ = Reflect::set(&video, &"height".into(), &wrap("ideal", 720.into()));
    video.into()
}

/// The `deviceId`s of the cameras (empty before permission on some browsers).
pub async fn cameras() -> Vec<String> {
    labelled_cameras()
        .await
        .into_iter()
        .map(|(id, _)| id)
        .collect()
}

/// The cameras with their labels, `(deviceId, label)` (labels are empty
/// before the camera permission is given).
pub async fn labelled_cameras() -> Vec<(String, String)> {
    let Ok(devices) = window().and_then(|w| {
        w.navigator()
            .media_devices()
            .map_err(|_| PlatformError::Unavailable)
    }) else {
        return Vec::new();
    };
    let Ok(promise) = devices.enumerate_devices() else {
        return Vec::new();
    };
    let Ok(list) = JsFuture::from(promise).await else {
        return Vec::new();
    };
    Array::from(&list)
        .iter()
        .filter(|d| text_field(d, "kind").as_deref() == Some("videoinput"))
        .filter_map(|d| {
            let label = text_field(&d, "label").unwrap_or_default();
            Some((text_field(&d, "deviceId")?, label))
        })
        .filter(|(id, _)| !id.is_empty())
        .collect()
}

/// The label of the camera the stream is using.
pub fn label_of(stream: &MediaStream) -> Option<String> {
    video_track(stream).map(|t| t.label())
}

/// Words that name a phone's extra lenses, in the labels iOS and Android
/// give them in English and Vietnamese ("Back Ultra Wide Camera", "Camera
/// góc siêu rộng mặt sau", "Back Telephoto Camera").
const EXTRA_LENS: &[&str] = &["ultra", "siêu rộng", "tele", "macro", "depth"];
/// Words that name a rear camera.
const REAR: &[&str] = &["back", "rear", "environment", "sau"];

/// When the browser's own choice for "the rear camera" is an extra lens
/// (an ultra-wide blurs a code held close; a telephoto cannot focus near),
/// the `deviceId` of a rear camera that is not one; `None` to keep it.
/// Labels decide, so a browser that gives none keeps its choice.
pub fn main_rear_camera(current: &str, cameras: &[(String, String)]) -> Option<String> {
    let has = |label: &str, words: &[&str]| {
        // The browser's own lowercasing (Vietnamese letters included):
        // Rust's would add its Unicode case tables to the page.
        let label = String::from(js_sys::JsString::from(label).to_lower_case());
        words.iter().any(|w| label.contains(w))
    };
    if !has(current, EXTRA_LENS) {
        return None;
    }
    cameras
        .iter()
        .find(|(_, label)| has(label, REAR) && !has(label, EXTRA_LENS))
        .map(|(id, _)| id.clone())
}

/// The `deviceId` the stream's video track is using.
pub fn device_of(stream: &MediaStream) -> Option<String> {
    let settings = video_track(stream)?.get_settings();
    text_field(&settings, "deviceId")
}

fn text_field(object: &JsValue, name: &str) -> Option<String> {
    Reflect::get(object, &name.into()).ok()?.as_string()
}

fn video_track(stream: &MediaStream) -> Option<MediaStreamTrack> {
    stream.get_video_tracks().get(0).dyn_into().ok()
}

/// What the camera's track can do beyond plain video.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Features {
    /// The track has a torch (flash) to switch on.
    pub torch: bool,
    /// Zoom range `(min, max, step)`, when the track can zoom.
    pub zoom: Option<(f64, f64, f64)>,
    /// Focus modes the track offers (`continuous`, `single-shot`, …);
    /// empty when it cannot be told where to focus.
    pub focus_modes: FocusModes,
}

/// The focus modes a camera offers, as flags (the list is short and fixed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FocusModes {
    /// Keeps refocusing by itself: best for scanning.
    pub continuous: bool,
    /// Focuses once where asked.
    pub single_shot: bool,
}

impl FocusModes {
    /// True when a tap can move the focus.
    pub fn any(self) -> bool {
        self.continuous || self.single_shot
    }

    /// The mode to ask for with a point of interest: continuous focus keeps
    /// following it, single-shot focuses there once.
    fn for_tap(self) -> Option<&'static str> {
        if self.continuous {
            Some("continuous")
        } else if self.single_shot {
            Some("single-shot")
        } else {
            None
        }
    }
}

/// Where a tap at client `(x, y)` falls in an element's box `(left, top,
/// width, height)`, as the `(0..1, 0..1)` point `pointsOfInterest` takes.
/// The video fills its box (`object-fit: cover` crops only the edges), so
/// the box is a close enough stand-in for the picture.
pub fn focus_point(x: f64, y: f64, rect: (f64, f64, f64, f64)) -> (f64, f64) {
    let (left, top, width, height) = rect;
    let along = |at: f64, start: f64, length: f64| {
        if length > 0.0 && at.is_finite() {
            ((at - start) / length).clamp(0.0, 1.0)
        } else {
            0.5
        }
    };
    (along(x, left, width), along(y, top, height))
}

/// Reads the track's capabilities (`getCapabilities` is missing in some
/// browsers: then no features).
pub fn features(stream: &MediaStream) -> Features {
    let Some(track) = video_track(stream) else {
        return Features::default();
    };
    let Some(capabilities) = Reflect::get(&track, &"getCapabilities".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&track).ok())
    else {
        return Features::default();
    };
    let torch = Reflect::get(&capabilities, &"torch".into())
        .map(|t| t.is_truthy())
        .unwrap_or(false);
    let zoom = Reflect::get(&capabilities, &"zoom".into())
        .ok()
        .filter(|z| z.is_object())
        .and_then(|z| {
            let number = |name: &str| Reflect::get(&z, &name.into()).ok()?.as_f64();
            let (min, max) = (number("min")?, number("max")?);
            (max > min).then(|| (min, max, number("step").unwrap_or(0.1)))
        });
    let modes: Vec<String> = Reflect::get(&capabilities, &"focusMode".into())
        .ok()
        .filter(Array::is_array)
        .map(|m| {
            Array::from(&m)
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    let focus_modes = FocusModes {
        continuous: modes.iter().any(|m| m == "continuous"),
        single_shot: modes.iter().any(|m| m == "single-shot"),
    };
    Features {
        torch,
        zoom,
        focus_modes,
    }
}

/// Asks for continuous focus where the camera has it (some default to a
/// fixed focus, which blurs a code held close).
pub async fn keep_focusing(stream: &MediaStream, modes: FocusModes) {
    if modes.continuous {
        let _ = apply_advanced(stream, "focusMode", "continuous".into()).await;
    }
}

/// Focuses on the point `(x, y)` of the picture (each 0..1).
pub async fn focus_at(
    stream: &MediaStream,
    modes: FocusModes,
    (x, y): (f64, f64),
) -> Result<(), PlatformError> {
    let mode = modes.for_tap().ok_or(PlatformError::Unavailable)?;
    let point = Object::new();
    let _ = Reflect::set(&point, &"x".into(), &x.into());
    let _ = Reflect::set(&point, &"y".into(), &y.into());
    let wanted = Object::new();
    let _ = Reflect::set(&wanted, &"pointsOfInterest".into(), &Array::of1(&point));
    let _ = Reflect::set(&wanted, &"focusMode".into(), &mode.into());
    apply(stream, &wanted).await
}

/// Switches the torch on or off.
pub async fn set_torch(stream: &MediaStream, on: bool) -> Result<(), PlatformError> {
    apply_advanced(stream, "torch", JsValue::from_bool(on)).await
}

/// Sets the zoom factor.
pub async fn set_zoom(stream: &MediaStream, zoom: f64) -> Result<(), PlatformError> {
    apply_advanced(stream, "zoom", JsValue::from_f64(zoom)).await
}

/// `track.applyConstraints({advanced: [{name: value}]})`.
async fn apply_advanced(
    stream: &MediaStream,
    name: &str,
    value: JsValue,
) -> Result<(), PlatformError> {
    let one = Object::new();
    let _ = Reflect::set(&one, &name.into(), &value);
    apply(stream, &one).await
}

/// `track.applyConstraints({advanced: [wanted]})`.
async fn apply(stream: &MediaStream, wanted: &Object) -> Result<(), PlatformError> {
    let track = video_track(stream).ok_or(PlatformError::Unavailable)?;
    let constraints = web_sys::MediaTrackConstraints::new();
    let _ = Reflect::set(&constraints, &"advanced".into(), &Array::of1(wanted));
    let promise = track
        .apply_constraints_with_constraints(&constraints)
        .map_err(|_| PlatformError::Unavailable)?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| PlatformError::Unavailable)
}

/// Stops every track, so the camera light goes off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// True while the stream's video track is live (not ended by the device).
pub fn is_live(stream: &MediaStream) -> bool {
    video_track(stream)
        .map(|t| t.ready_state() == web_sys::MediaStreamTrackState::Live)
        .unwrap_or(false)
}

/// Draws the current video frame onto `canvas`, at most `max_width` wide.
/// `None` until the video has a frame.
pub fn grab(
    video: &HtmlVideoElement,
    canvas: &HtmlCanvasElement,
    max_width: u32,
) -> Option<RgbaFrame> {
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

/// Sizes `canvas`, draws with `paint`, reads the pixels back (they stay in
/// JS memory, ready to post to the decoder worker).
pub fn draw(
    canvas: &HtmlCanvasElement,
    width: u32,
    height: u32,
    paint: impl FnOnce(&CanvasRenderingContext2d) -> Result<(), JsValue>,
) -> Option<RgbaFrame> {
    if width == 0 || height == 0 {
        return None;
    }
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
    let image = ctx
        .get_image_data(0.0, 0.0, width as f64, height as f64)
        .ok()?;
    // `ImageData.data` without copying it into WebAssembly memory.
    let data: Uint8ClampedArray = Reflect::get(&image, &"data".into()).ok()?.dyn_into().ok()?;
    Some(RgbaFrame {
        width,
        height,
        data,
    })
}
