//! The camera's life, apart from the view: asking for the rear camera (and
//! moving to its main lens), the frame loop (reader from
//! `platform::frame_reader`, scanning state from [`super::use_scanner`]),
//! letting go of it when the page goes to the background or the viewfinder
//! is removed, and, in kiosk mode, starting it again after an error, waiting
//! longer after each failure ([`retry_wait_ms`]). [`use_camera`] gives the
//! view a [`Camera`]: what to show ([`CameraState`], features, cameras,
//! torch) and what the shopper may do (start, stop, switch, torch, focus,
//! zoom).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;
use web_sys::{HtmlCanvasElement, HtmlVideoElement, MediaStream};
use yew::prelude::*;

use super::use_scanner::{ScanAction, Scanner, use_scanner};
use crate::platform::PlatformError;
use crate::platform::camera::{self, Features};
use crate::platform::frame_reader::FrameReader;
use crate::platform::haptics;

/// Pause between two frames, so decoding leaves the phone's CPU some rest.
const FRAME_GAP_MS: u32 = 40;
/// Kiosk restarts after a camera error: first wait, and the longest wait.
pub const RETRY_FIRST_MS: u32 = 1_000;
pub const RETRY_MAX_MS: u32 = 30_000;

/// The wait before the kiosk's next camera start after `failures` failed
/// starts in a row: doubling from [`RETRY_FIRST_MS`] up to [`RETRY_MAX_MS`].
pub fn retry_wait_ms(failures: u32) -> u32 {
    RETRY_FIRST_MS
        .saturating_mul(1 << failures.min(5))
        .min(RETRY_MAX_MS)
}

/// Whether the kiosk starts the camera again after `error`: not when the
/// page can never have one (no camera, not a secure page).
pub fn is_retryable(error: &PlatformError) -> bool {
    !matches!(
        error,
        PlatformError::InsecureContext | PlatformError::NoCamera
    )
}

/// Where the camera is.
#[derive(Debug, Clone, PartialEq)]
pub enum CameraState {
    /// Stopped (by the shopper, or after a read).
    Off,
    /// Asked for, not yet showing.
    Starting,
    /// Showing, frames being read.
    On,
    /// Could not start, or went away: why.
    Failed(PlatformError),
    /// Kiosk mode: failed, a new start is scheduled.
    Retrying,
}

/// Everything the running camera owns; dropping it releases the camera.
struct Running {
    stream: MediaStream,
    alive: Rc<Cell<bool>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.alive.set(false);
        camera::stop(&self.stream);
    }
}

/// One viewfinder's camera, shared by every start, retry and control.
#[derive(Clone)]
pub struct Camera {
    state: UseStateHandle<CameraState>,
    features: UseStateHandle<Features>,
    cameras: UseStateHandle<Vec<String>>,
    torch: UseStateHandle<bool>,
    running: Rc<RefCell<Option<Running>>>,
    retry: Rc<RefCell<Option<Timeout>>>,
    failures: Rc<Cell<u32>>,
    /// Bumped on every start and stop, so a late camera start after a stop is discarded.
    generation: Rc<Cell<u32>>,
    device: Rc<RefCell<Option<String>>>,
    /// The automatic choice of lens was checked (see `main_rear_camera`).
    lens_checked: Rc<Cell<bool>>,
    /// The camera was stopped because the page went to the background.
    paused: Rc<Cell<bool>>,
    /// A start is under way (asking for the camera, checking the lens).
    pending: Rc<Cell<bool>>,
    /// The `<video>` showing the camera and the `<canvas>` frames are grabbed through.
    pub video: NodeRef,
    pub canvas: NodeRef,
    /// Which reader, which attempt, what was already reported.
    scanner: Scanner,
    on_code: Callback<String>,
    continuous: bool,
}

impl Camera {
    /// Where the camera is.
    pub fn state(&self) -> CameraState {
        (*self.state).clone()
    }

    /// What the running camera can do (torch, zoom, focus).
    pub fn features(&self) -> Features {
        *self.features
    }

    /// Whether there is another camera to switch to.
    pub fn can_switch(&self) -> bool {
        self.cameras.len() > 1
    }

    /// Whether the torch is on.
    pub fn torch_on(&self) -> bool {
        *self.torch
    }

    /// The running camera's stream (the same JS object, see `Clone::clone` below).
    fn stream(&self) -> Option<MediaStream> {
        self.running
            .borrow()
            .as_ref()
            .map(|r| Clone::clone(&r.stream))
    }

    /// Lets go of the camera (and of a start under way, or a scheduled retry).
    fn release(&self) {
        self.pending.set(false);
        self.generation.set(self.generation.get() + 1);
        self.retry.borrow_mut().take();
        self.running.borrow_mut().take();
    }

    /// The shopper stops the camera.
    pub fn stop(&self) {
        self.release();
        self.state.set(CameraState::Off);
    }

    /// Starts (or restarts) the camera on the chosen device, else the rear one.
    pub fn start(&self) {
        let (Some(video), Some(canvas)) = (
            self.video.cast::<HtmlVideoElement>(),
            self.canvas.cast::<HtmlCanvasElement>(),
        ) else {
            return;
        };
        self.release();
        let this_start = self.generation.get();
        self.pending.set(true);
        self.state.set(CameraState::Starting);
        let session = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let device = session.device.borrow().clone();
            let stream = match camera::start(&video, device.as_deref()).await {
                Ok(stream) => stream,
                Err(error) => {
                    if session.generation.get() == this_start {
                        session.failed(error);
                    }
                    return;
                }
            };
            if session.generation.get() != this_start {
                camera::stop(&stream);
                return;
            }
            session.failures.set(0);
            let features = camera::features(&stream);
            session.features.set(features);
            // Not awaited: the preview must not wait on the camera's answer.
            // `Clone::clone`, never `stream.clone()`: web-sys's inherent
            // `MediaStream::clone` is the JS `clone()`, a new stream with new
            // tracks that stopping ours would leave running (the camera
            // stayed on after a read, and a hidden page kept it).
            let focusing = Clone::clone(&stream);
            wasm_bindgen_futures::spawn_local(async move {
                camera::keep_focusing(&focusing, features.focus_modes).await;
            });
            session.torch.set(false);
            // "The rear camera" may be an ultra-wide or telephoto lens on
            // phones with several: move to the main one, once, unless the
            // shopper chose a camera.
            if device.is_none() && !session.lens_checked.replace(true) {
                let label = camera::label_of(&stream).unwrap_or_default();
                let main = camera::main_rear_camera(&label, &camera::labelled_cameras().await);
                if let Some(main) = main {
                    if session.generation.get() == this_start {
                        camera::stop(&stream);
                        *session.device.borrow_mut() = Some(main);
                        session.start();
                    }
                    return;
                }
            }
            // Stopped while the lens was checked (the page went to the background).
            if session.generation.get() != this_start {
                camera::stop(&stream);
                return;
            }
            session.pending.set(false);
            *session.device.borrow_mut() = camera::device_of(&stream);
            let alive = Rc::new(Cell::new(true));
            *session.running.borrow_mut() = Some(Running {
                stream: Clone::clone(&stream),
                alive: alive.clone(),
            });
            session.state.set(CameraState::On);
            session.cameras.set(camera::cameras().await);
            session.scan_loop(video, canvas, stream, alive).await;
        });
    }

    /// Moves to the next camera the browser lists.
    pub fn switch(&self) {
        let current = self.device.borrow().clone();
        let at = self
            .cameras
            .iter()
            .position(|id| Some(id) == current.as_ref())
            .map_or(0, |i| (i + 1) % self.cameras.len().max(1));
        *self.device.borrow_mut() = self.cameras.get(at).cloned();
        self.start();
    }

    /// Turns the torch on or off, where the camera has one.
    pub fn toggle_torch(&self) {
        let Some(stream) = self.stream() else {
            return;
        };
        let (torch, on) = (self.torch.clone(), !*self.torch);
        wasm_bindgen_futures::spawn_local(async move {
            if camera::set_torch(&stream, on).await.is_ok() {
                torch.set(on);
            }
        });
    }

    /// Focuses on `point` (0..1 across and down the preview), where the
    /// camera can be told where.
    pub fn focus_at(&self, point: (f64, f64)) {
        let modes = self.features.focus_modes;
        let Some(stream) = self.stream().filter(|_| modes.any()) else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let _ = camera::focus_at(&stream, modes, point).await;
        });
    }

    /// Sets the zoom, where the camera has one.
    pub fn zoom(&self, value: f64) {
        let Some(stream) = self.stream() else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            let _ = camera::set_zoom(&stream, value).await;
        });
    }

    /// Decodes frames until a code is read (unless continuous), the camera
    /// stops, or the viewfinder lets go of it. Which reader, which attempt
    /// and what to report are the scanner's; reading a frame is the
    /// platform's ([`FrameReader`]).
    async fn scan_loop(
        &self,
        video: HtmlVideoElement,
        canvas: HtmlCanvasElement,
        stream: MediaStream,
        alive: Rc<Cell<bool>>,
    ) {
        let mut reader = FrameReader::new().await;
        self.scanner.borrow_mut().reduce(ScanAction::Started {
            detector: reader.has_detector(),
        });
        while alive.get() {
            if !camera::is_live(&stream) {
                // The device went away (unplugged, taken by another app).
                self.failed(PlatformError::CameraFailed);
                return;
            }
            let (source, attempt) = {
                let scanner = self.scanner.borrow();
                (scanner.source(), scanner.attempt())
            };
            let read = reader.read(source, attempt, &video, &canvas).await;
            if !alive.get() {
                return;
            }
            let step = self.scanner.borrow_mut().reduce(ScanAction::Frame(read));
            for text in step.report {
                haptics::vibrate(60);
                if step.stop {
                    self.stop();
                    self.on_code.emit(text);
                    return;
                }
                self.on_code.emit(text);
            }
            TimeoutFuture::new(FRAME_GAP_MS).await;
        }
    }

    /// Shows the error; in kiosk mode, also schedules a restart.
    fn failed(&self, error: PlatformError) {
        self.pending.set(false);
        self.running.borrow_mut().take();
        if !(self.continuous && is_retryable(&error)) {
            self.state.set(CameraState::Failed(error));
            return;
        }
        let failures = self.failures.get();
        self.failures.set(failures + 1);
        self.state.set(CameraState::Retrying);
        let session = self.clone();
        *self.retry.borrow_mut() = Some(Timeout::new(retry_wait_ms(failures), move || {
            session.start()
        }));
    }

    /// The page went to the background (`hidden`) or came back.
    fn visibility_changed(&self, hidden: bool) {
        let running = self.running.borrow().is_some() || self.pending.get();
        if hidden && running {
            self.release();
            self.paused.set(true);
        } else if !hidden && self.paused.replace(false) {
            self.start();
        }
    }
}

/// A shared cell that lives as long as the component.
#[hook]
fn use_cell<T: 'static>(init: impl FnOnce() -> T) -> Rc<T> {
    (*use_mut_ref(|| Rc::new(init())).borrow()).clone()
}

/// The viewfinder's camera: started when the component is first shown
/// (phones expect the camera at once), released when it is removed or the
/// page goes to the background, started again when the page is back.
/// Codes read go to `on_code` (once, unless `continuous`).
#[hook]
pub fn use_camera(on_code: Callback<String>, continuous: bool) -> Camera {
    let camera = Camera {
        // Starting from the first render (the effect below starts it): the
        // viewfinder's box is laid out before the camera answers, so
        // nothing below it moves when it does (layout shift).
        state: use_state(|| CameraState::Starting),
        features: use_state(Features::default),
        cameras: use_state(Vec::new),
        torch: use_state(|| false),
        running: use_mut_ref(|| None::<Running>),
        retry: use_mut_ref(|| None::<Timeout>),
        failures: use_cell(|| Cell::new(0u32)),
        generation: use_cell(|| Cell::new(0u32)),
        device: use_mut_ref(|| None::<String>),
        lens_checked: use_cell(|| Cell::new(false)),
        paused: use_cell(|| Cell::new(false)),
        pending: use_cell(|| Cell::new(false)),
        video: use_node_ref(),
        canvas: use_node_ref(),
        scanner: use_scanner(continuous),
        on_code,
        continuous,
    };

    {
        let camera = camera.clone();
        use_effect_with((), move |_| {
            camera.start();
            move || camera.release()
        });
    }

    // Another app, the lock screen or a tab switch: iOS takes the camera
    // away from a page in the background (its track ends or freezes).
    {
        let camera = camera.clone();
        use_effect_with((), move |_| {
            let document = web_sys::window().and_then(|w| w.document());
            let listener = document.clone().map(|target| {
                gloo_events::EventListener::new(&target, "visibilitychange", move |_| {
                    // Read as a property (not web-sys's prototype getter), so
                    // the e2e suite can stand in for a phone going to the
                    // background.
                    let hidden = document.as_ref().is_some_and(|d| {
                        js_sys::Reflect::get(d, &"hidden".into()).is_ok_and(|h| h.is_truthy())
                    });
                    camera.visibility_changed(hidden);
                })
            });
            move || drop(listener)
        });
    }

    camera
}
