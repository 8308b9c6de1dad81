//! The camera viewfinder: the preview, its status, and the shopper's
//! controls (start/stop, switch camera, torch, zoom, tap to focus). The
//! camera's life and the frame loop are `hooks::use_camera`'s, the scanning
//! state (which reader, which attempt, the kiosk's de-duplication)
//! `hooks::use_scanner`'s; this component only renders them.
//!
//! With `continuous` (kiosk mode) it keeps scanning after a read, reports
//! each code as it comes into view (a code held still is reported once;
//! taken away and shown again, it is reported again), and restarts the
//! camera by itself after a camera error, waiting longer after each failure.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_camera::{Camera, CameraState as State, use_camera};
use crate::i18n::number::short;
use crate::i18n::{Lang, Msg};
use crate::platform::camera;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Called with a code read (once, unless `continuous`).
    pub on_code: Callback<String>,
    /// Kiosk mode: keep scanning, report each new code, restart the camera
    /// after errors.
    #[prop_or_default]
    pub continuous: bool,
}

#[function_component]
pub fn CameraScanner(props: &Props) -> Html {
    let lang = use_context::<Lang>().unwrap_or_default();
    let camera = use_camera(props.on_code.clone(), props.continuous);
    let on = |act: fn(&Camera)| {
        let camera = camera.clone();
        Callback::from(move |_: MouseEvent| act(&camera))
    };
    let start = on(|c| c.start());
    let stop = on(|c| c.stop());
    let switch = on(|c| c.switch());
    let toggle_torch = on(|c| c.toggle_torch());
    // Tap to focus, where the camera can be told where (a pointer-only
    // convenience: the camera focuses by itself otherwise).
    let tap_focus = {
        let camera = camera.clone();
        Callback::from(move |event: MouseEvent| {
            let target = event
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let Some(target) = target else {
                return;
            };
            let rect = target.get_bounding_client_rect();
            camera.focus_at(camera::focus_point(
                f64::from(event.client_x()),
                f64::from(event.client_y()),
                (rect.left(), rect.top(), rect.width(), rect.height()),
            ));
        })
    };
    let zoom = {
        let camera = camera.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<HtmlInputElement>() {
                camera.zoom(input.value_as_number());
            }
        })
    };

    let state = camera.state();
    let features = camera.features();
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
        State::On if features.focus_modes.any() => html! {
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
    let controls = (state == State::On).then(|| {
        let switch = camera.can_switch().then(|| html! {
            <button type="button" class="secondary" onclick={switch}>{lang.t(Msg::SwitchCamera)}</button>
        });
        let torch = features.torch.then(|| {
            let label = if camera.torch_on() { Msg::TorchOff } else { Msg::TorchOn };
            html! {
                <button type="button" class="secondary" aria-pressed={camera.torch_on().to_string()}
                    onclick={toggle_torch}>{lang.t(label)}</button>
            }
        });
        let zoom = features.zoom.map(|(min, max, step)| html! {
            <label class="zoom">
                {lang.t(Msg::Zoom)}
                <input type="range" min={short(min)} max={short(max)}
                    step={short(step)} value={short(min)} oninput={zoom} />
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
                <video ref={camera.video.clone()} muted=true playsinline=true aria-hidden="true"></video>
                <div class="frame" aria-hidden="true"></div>
                <div class="viewfinder-note">{inside}</div>
            </div>
            <canvas key="canvas" ref={camera.canvas.clone()} class="offscreen" aria-hidden="true"></canvas>
            <div key="status" class="camera-status">{below}</div>
            <div key="controls">{controls}</div>
            <div key="button">{button}</div>
        </section>
    }
}
