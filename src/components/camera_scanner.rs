//! The camera viewfinder: starts the rear camera when shown, decodes frames
//! off the main thread (the browser's `BarcodeDetector` where it has one,
//! else the decoder worker: `platform::frame_reader`, driven by the
//! scanning state of `hooks::use_scanner`), and releases the camera when
//! it reports a code or is removed from the page.
//!
//! With `continuous` (kiosk mode) it keeps scanning after a read, reports
//! each code as it comes into view (a code held still is reported once;
//! taken away and shown again, it is reported again), and restarts the camera by
//! itself after a camera error, waiting longer after each failure.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, HtmlInputElement, HtmlVideoElement, MediaStream};
use yew::prelude::*;

use crate::hooks::use_scanner::{ScanAction, Scanner, use_scanner};
use crate::i18n::{Lang, Msg};
use crate::platform::PlatformError;
use crate::platform::camera::{self, Features};
use crate::platform::frame_reader::FrameReader;
use crate::platform::haptics;
use gloo_timers::callback::Timeout;
use gloo_timers::future::TimeoutFuture;

/// Pause between two frames, so decoding leaves the phone's CPU some rest.
const FRAME_GAP_MS: u32 = 40;
/// Kiosk restarts after a camera error: first wait, and the longest wait.
const RETRY_FIRST_MS: u32 = 1_000;
const RETRY_MAX_MS: u32 = 30_000;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called with a code read (once, unless `continuous`).
    pub on_code: Callback<String>,
    /// Kiosk mode: keep scanning, report each new code, restart the camera
    /// after errors.
    #[prop_or_default]
    pub continuous: bool,
}

#[derive(Clone, PartialEq)]
enum State {
    Off,
    Starting,
    On,
    Failed(PlatformError),
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

/// What the start callback needs, shared by every start and retry.
#[derive(Clone)]
struct Session {
    state: UseStateHandle<State>,
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
    video: NodeRef,
    canvas: NodeRef,
    /// Which reader, which attempt, what was already reported.
    scanner: Scanner,
    on_code: Callback<String>,
    continuous: bool,
}

impl Session {
    /// The running camera's stream (the same JS object, see `Clone::clone` above).
    fn stream(&self) -> Option<MediaStream> {
        self.running
            .borrow()
            .as_ref()
            .map(|r| Clone::clone(&r.stream))
    }

    fn stop(&self) {
        self.pending.set(false);
        self.generation.set(self.generation.get() + 1);
        self.retry.borrow_mut().take();
        self.running.borrow_mut().take();
    }

    fn start(&self) {
        let (Some(video), Some(canvas)) = (
            self.video.cast::<HtmlVideoElement>(),
            self.canvas.cast::<HtmlCanvasElement>(),
        ) else {
            return;
        };
        self.stop();
        let this_start = self.generation.get();
        self.pending.set(true);
        self.state.set(State::Starting);
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
            session.state.set(State::On);
            session.cameras.set(camera::cameras().await);
            session.scan_loop(video, canvas, stream, alive).await;
        });
    }

    /// Decodes frames until a code is read (unless continuous), the camera
    /// stops, or the component lets go of it. Which reader, which attempt
    /// and what to report are the scanner's (`hooks::use_scanner`); reading a
    /// frame is the platform's ([`FrameReader`]).
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
                    self.state.set(State::Off);
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
        let retryable = !matches!(
            error,
            PlatformError::InsecureContext | PlatformError::NoCamera
        );
        if !(self.continuous && retryable) {
            self.state.set(State::Failed(error));
            return;
        }
        let failures = self.failures.get();
        self.failures.set(failures + 1);
        let wait = RETRY_FIRST_MS
            .saturating_mul(1 << failures.min(5))
            .min(RETRY_MAX_MS);
        self.state.set(State::Retrying);
        let session = self.clone();
        *self.retry.borrow_mut() = Some(Timeout::new(wait, move || session.start()));
    }
}

#[function_component]
pub fn CameraScanner(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let session = Session {
        // Starting from the first render (the effect below starts it): the
        // viewfinder's box is laid out before the camera answers, so
        // nothing below it moves when it does (layout shift).
        state: use_state(|| State::Starting),
        features: use_state(Features::default),
        cameras: use_state(Vec::new),
        torch: use_state(|| false),
        running: use_mut_ref(|| None::<Running>),
        retry: use_mut_ref(|| None::<Timeout>),
        failures: (*use_mut_ref(|| Rc::new(Cell::new(0u32))).borrow()).clone(),
        generation: (*use_mut_ref(|| Rc::new(Cell::new(0u32))).borrow()).clone(),
        device: use_mut_ref(|| None::<String>),
        lens_checked: (*use_mut_ref(|| Rc::new(Cell::new(false))).borrow()).clone(),
        paused: (*use_mut_ref(|| Rc::new(Cell::new(false))).borrow()).clone(),
        pending: (*use_mut_ref(|| Rc::new(Cell::new(false))).borrow()).clone(),
        video: use_node_ref(),
        canvas: use_node_ref(),
        scanner: use_scanner(props.continuous),
        on_code: props.on_code.clone(),
        continuous: props.continuous,
    };

    // Start when shown (phones expect the camera at once); release when removed.
    {
        let session = session.clone();
        use_effect_with((), move |_| {
            session.start();
            move || session.stop()
        });
    }

    // Another app, the lock screen or a tab switch: iOS takes the camera
    // away from a page in the background (its track ends or freezes). Let
    // go of it there, and start it again when the page is back in view.
    {
        let session = session.clone();
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
                    let running = session.running.borrow().is_some() || session.pending.get();
                    if hidden && running {
                        session.stop();
                        session.paused.set(true);
                    } else if !hidden && session.paused.replace(false) {
                        session.start();
                    }
                })
            });
            move || drop(listener)
        });
    }

    let start = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| session.start())
    };
    let stop = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            session.stop();
            session.state.set(State::Off);
        })
    };
    let switch = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            let cameras = (*session.cameras).clone();
            let current = session.device.borrow().clone();
            let at = cameras
                .iter()
                .position(|id| Some(id) == current.as_ref())
                .map_or(0, |i| (i + 1) % cameras.len().max(1));
            *session.device.borrow_mut() = cameras.get(at).cloned();
            session.start();
        })
    };
    let toggle_torch = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(stream) = session.stream() else {
                return;
            };
            let (torch, on) = (session.torch.clone(), !*session.torch);
            wasm_bindgen_futures::spawn_local(async move {
                if camera::set_torch(&stream, on).await.is_ok() {
                    torch.set(on);
                }
            });
        })
    };
    // Tap to focus, where the camera can be told where (a pointer-only
    // convenience: the camera focuses by itself otherwise).
    let tap_focus = {
        let session = session.clone();
        Callback::from(move |event: MouseEvent| {
            let modes = session.features.focus_modes;
            if !modes.any() {
                return;
            }
            let Some(stream) = session.stream() else {
                return;
            };
            let target = event
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let Some(target) = target else {
                return;
            };
            let rect = target.get_bounding_client_rect();
            let point = camera::focus_point(
                f64::from(event.client_x()),
                f64::from(event.client_y()),
                (rect.left(), rect.top(), rect.width(), rect.height()),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let _ = camera::focus_at(&stream, modes, point).await;
            });
        })
    };
    let zoom = {
        let session = session.clone();
        Callback::from(move |event: InputEvent| {
            let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(stream) = session.stream() else {
                return;
            };
            let value = input.value_as_number();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = camera::set_zoom(&stream, value).await;
            });
        })
    };

    let state = (*session.state).clone();
    let live = matches!(state, State::On | State::Starting);
    // A camera that failed keeps its box, with the reason in it, so the
    // photo and typing boxes below do not jump up when it fails.
    let kept = matches!(state, State::Failed(_) | State::Retrying);
    let button = if live || state == State::Retrying {
        html! { <button type="button" class="secondary" onclick={stop}>{lang.t(Msg::StopCamera)}</button> }
    } else {
        html! { <button type="button" class="primary" onclick={start}>{lang.t(Msg::StartCamera)}</button> }
    };
    let status = |state: &State| match state {
        State::Starting => html! { <p class="hint">{lang.t(Msg::CameraStarting)}</p> },
        State::On if session.features.focus_modes.any() => html! {
            <p class="hint">{lang.t(Msg::CameraHint)}{" "}{lang.t(Msg::TapToFocus)}</p>
        },
        State::On => html! { <p class="hint">{lang.t(Msg::CameraHint)}</p> },
        State::Retrying => {
            html! { <p class="hint" role="status">{lang.t(Msg::CameraRetrying)}</p> }
        }
        State::Failed(error) => {
            html! { <p class="problem" role="alert">{lang.platform(error)}</p> }
        }
        State::Off => html! {},
    };
    let (inside, below) = if kept {
        (status(&state), html! {})
    } else {
        (html! {}, status(&state))
    };
    let features = *session.features;
    let controls = (state == State::On).then(|| {
        let switch = (session.cameras.len() > 1).then(|| html! {
            <button type="button" class="secondary" onclick={switch}>{lang.t(Msg::SwitchCamera)}</button>
        });
        let torch = features.torch.then(|| {
            let label = if *session.torch { Msg::TorchOff } else { Msg::TorchOn };
            html! {
                <button type="button" class="secondary" aria-pressed={session.torch.to_string()}
                    onclick={toggle_torch}>{lang.t(label)}</button>
            }
        });
        let zoom = features.zoom.map(|(min, max, step)| html! {
            <label class="zoom">
                {lang.t(Msg::Zoom)}
                <input type="range" min={min.to_string()} max={max.to_string()}
                    step={step.to_string()} value={min.to_string()} oninput={zoom} />
            </label>
        });
        html! { <div class="camera-controls">{switch}{torch}{zoom}</div> }
    });
    // Keyed children: when the status or controls change, the <video> (and
    // its camera stream) must stay the same element. Unkeyed, Yew matched
    // the changed list positionally and replaced the viewfinder, which
    // detached the playing video and froze continuous scanning.
    html! {
        <section class="camera" aria-label={lang.t(Msg::ScanHeading)}>
            <div key="viewfinder" class={classes!("viewfinder", live.then_some("live"), kept.then_some("kept"))} onclick={tap_focus}>
                <video ref={session.video.clone()} muted=true playsinline=true aria-hidden="true"></video>
                <div class="frame" aria-hidden="true"></div>
                <div class="viewfinder-note">{inside}</div>
            </div>
            <canvas key="canvas" ref={session.canvas.clone()} class="offscreen" aria-hidden="true"></canvas>
            <div key="status" class="camera-status">{below}</div>
            <div key="controls">{controls}</div>
            <div key="button">{button}</div>
        </section>
    }
}
