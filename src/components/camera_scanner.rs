//! The camera viewfinder: starts the rear camera when shown, reads a few
//! frames a second, and releases the camera when it reports a code or is
//! removed from the page.

use std::cell::Cell;
use std::rc::Rc;

use tracecheck_core::scan::{Luma, decode_qr};
use web_sys::{HtmlCanvasElement, HtmlVideoElement, MediaStream};
use yew::prelude::*;

use crate::i18n::{Lang, Msg};
use crate::platform::timer::Interval;
use crate::platform::{PlatformError, camera};

/// Frames are scaled to this width before decoding: QR codes held to a
/// phone fill enough of the frame, and decoding stays fast.
const FRAME_WIDTH: u32 = 640;
/// Milliseconds between decoding attempts.
const FRAME_INTERVAL_MS: i32 = 150;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called once with the first code read.
    pub on_code: Callback<String>,
}

#[derive(Clone, PartialEq)]
enum State {
    Off,
    Starting,
    On,
    Failed(PlatformError),
}

/// Everything the running camera owns; dropping it releases the camera.
struct Running {
    stream: MediaStream,
    _interval: Interval,
}

impl Drop for Running {
    fn drop(&mut self) {
        camera::stop(&self.stream);
    }
}

#[function_component]
pub fn CameraScanner(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let state = use_state(|| State::Off);
    let running = use_mut_ref(|| None::<Running>);
    // Bumped on every start and stop, so a late camera start after a stop is discarded.
    let generation = use_mut_ref(|| Rc::new(Cell::new(0u32)));
    let video = use_node_ref();
    let canvas = use_node_ref();

    let start = {
        let (state, running, generation) =
            (state.clone(), running.clone(), generation.borrow().clone());
        let (video, canvas, on_code) = (video.clone(), canvas.clone(), props.on_code.clone());
        Callback::from(move |_: ()| {
            let (Some(video_el), Some(canvas_el)) = (
                video.cast::<HtmlVideoElement>(),
                canvas.cast::<HtmlCanvasElement>(),
            ) else {
                return;
            };
            let this_start = generation.get() + 1;
            generation.set(this_start);
            state.set(State::Starting);
            let (state, running, generation, on_code) = (
                state.clone(),
                running.clone(),
                generation.clone(),
                on_code.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let stream = match camera::start(&video_el).await {
                    Ok(stream) => stream,
                    Err(error) => {
                        if generation.get() == this_start {
                            state.set(State::Failed(error));
                        }
                        return;
                    }
                };
                if generation.get() != this_start {
                    camera::stop(&stream);
                    return;
                }
                let found = Rc::new(Cell::new(false));
                let tick = {
                    let (video_el, canvas_el, on_code) =
                        (video_el.clone(), canvas_el.clone(), on_code.clone());
                    move || {
                        if found.get() {
                            return;
                        }
                        let Some(frame) = camera::grab(&video_el, &canvas_el, FRAME_WIDTH) else {
                            return;
                        };
                        let image = Luma {
                            width: frame.width,
                            height: frame.height,
                            pixels: &frame.luma,
                        };
                        if let Some(text) = decode_qr(image).into_iter().next() {
                            found.set(true);
                            vibrate();
                            on_code.emit(text);
                        }
                    }
                };
                match Interval::new(FRAME_INTERVAL_MS, tick) {
                    Ok(interval) => {
                        *running.borrow_mut() = Some(Running {
                            stream,
                            _interval: interval,
                        });
                        state.set(State::On);
                    }
                    Err(error) => {
                        camera::stop(&stream);
                        state.set(State::Failed(error));
                    }
                }
            });
        })
    };

    let stop = {
        let (state, running, generation) =
            (state.clone(), running.clone(), generation.borrow().clone());
        Callback::from(move |_: ()| {
            generation.set(generation.get() + 1);
            running.borrow_mut().take();
            state.set(State::Off);
        })
    };

    // Start when shown (phones expect the camera at once); release when removed.
    {
        let (start, running, generation) =
            (start.clone(), running.clone(), generation.borrow().clone());
        use_effect_with((), move |_| {
            start.emit(());
            move || {
                generation.set(generation.get() + 1);
                running.borrow_mut().take();
            }
        });
    }

    let button = match &*state {
        State::On | State::Starting => {
            html! { <button type="button" class="secondary" onclick={stop.reform(|_: MouseEvent| ())}>{lang.t(Msg::StopCamera)}</button> }
        }
        State::Off | State::Failed(_) => {
            html! { <button type="button" class="primary" onclick={start.reform(|_: MouseEvent| ())}>{lang.t(Msg::StartCamera)}</button> }
        }
    };
    let status = match &*state {
        State::Starting => html! { <p class="hint">{lang.t(Msg::CameraStarting)}</p> },
        State::On => html! { <p class="hint">{lang.t(Msg::CameraHint)}</p> },
        State::Failed(error) => {
            html! { <p class="problem" role="alert">{lang.platform(error)}</p> }
        }
        State::Off => html! {},
    };
    let live = matches!(*state, State::On | State::Starting);
    html! {
        <section class="camera" aria-label={lang.t(Msg::ScanHeading)}>
            <div class={classes!("viewfinder", live.then_some("live"))}>
                <video ref={video} muted=true playsinline=true aria-hidden="true"></video>
                <div class="frame" aria-hidden="true"></div>
            </div>
            <canvas ref={canvas} class="offscreen" aria-hidden="true"></canvas>
            {status}
            {button}
        </section>
    }
}

/// A short buzz on phones that allow it.
fn vibrate() {
    if let Ok(window) = crate::platform::window() {
        let _ = window.navigator().vibrate_with_duration(60);
    }
}
