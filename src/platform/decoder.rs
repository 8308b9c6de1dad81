//! The page's side of the decoder: a Web Worker (see `decoder_worker`)
//! that runs the core pipeline off the main thread, so decoding never
//! freezes the page, and a decoder panic (rqrr can panic, and panics abort
//! in WebAssembly) only ends the worker. After a crash or a hang the worker
//! is started afresh and the request resumes with the next attempt.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use js_sys::{Array, Object, Promise, Reflect, Uint8ClampedArray};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::{PlatformError, window};
use gloo_timers::callback::Timeout;

/// Pixels as a canvas gives them: RGBA, row by row, still in JS memory.
#[derive(Clone)]
pub struct RgbaFrame {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub data: Uint8ClampedArray,
}

/// A still picture may take a few hundred milliseconds on a slow phone;
/// a worker silent for this long is taken as hung.
const STILL_TIMEOUT_MS: u32 = 8_000;
/// One camera attempt takes a few milliseconds.
const FRAME_TIMEOUT_MS: u32 = 2_000;
/// Restarts allowed for one still picture: each resumes after the attempt
/// that crashed, so one per attempt of the pipeline covers them all.
const MAX_RESTARTS: u32 = tracecheck_core::scan::STILL.len() as u32;

/// What one request to the worker came back with.
enum Reply {
    /// Texts read, and the camera attempt for the next frame.
    Read { texts: Vec<String>, next: usize },
    /// The worker died (or hung) during attempt `at`.
    Crashed { at: usize },
}

/// A running decoder worker. Dropping it ends the worker.
pub struct Decoder {
    shared: Rc<Shared>,
}

struct Shared {
    url: String,
    worker: RefCell<Option<Worker>>,
    /// The worker said it is listening (messages sent before are lost).
    ready: Cell<bool>,
    pending: RefCell<Option<Pending>>,
    next_id: Cell<u32>,
    crashes: Cell<u32>,
    on_message: RefCell<Option<Handler<MessageEvent>>>,
    on_error: RefCell<Option<Handler<web_sys::Event>>>,
}

type Handler<E> = Closure<dyn FnMut(E)>;

struct Pending {
    id: u32,
    /// The attempt the worker last said it was starting.
    attempt: usize,
    /// The request, kept until the worker is ready for it.
    message: Option<JsValue>,
    resolve: js_sys::Function,
    _watchdog: Timeout,
}

impl Drop for Shared {
    fn drop(&mut self) {
        if let Some(worker) = self.worker.get_mut().take() {
            worker.terminate();
        }
    }
}

impl Decoder {
    /// Starts the worker Trunk built next to the app (`scan-worker-loader.js`
    /// beside the app's JS, as named by boot.js's `<script>` tag).
    pub fn new() -> Result<Decoder, PlatformError> {
        Decoder::with_url(&worker_url()?)
    }

    /// Starts a worker from `url` (tests give their own).
    pub fn with_url(url: &str) -> Result<Decoder, PlatformError> {
        let shared = Rc::new(Shared {
            url: url.to_owned(),
            worker: RefCell::new(None),
            ready: Cell::new(false),
            pending: RefCell::new(None),
            next_id: Cell::new(0),
            crashes: Cell::new(0),
            on_message: RefCell::new(None),
            on_error: RefCell::new(None),
        });
        let weak = Rc::downgrade(&shared);
        *shared.on_message.borrow_mut() = Some(Closure::new(move |event: MessageEvent| {
            if let Some(shared) = weak.upgrade() {
                shared.receive(&event.data());
            }
        }));
        let weak = Rc::downgrade(&shared);
        *shared.on_error.borrow_mut() = Some(Closure::new(move |event: web_sys::Event| {
            // Handled here: keep the console free of an "uncaught" error.
            event.prevent_default();
            if let Some(shared) = weak.upgrade() {
                shared.crashed();
            }
        }));
        shared.spawn()?;
        Ok(Decoder { shared })
    }

    /// How many times the worker was restarted after a crash or hang.
    pub fn crashes(&self) -> u32 {
        self.shared.crashes.get()
    }

    /// Reads a still picture with every attempt of the pipeline.
    pub async fn still(&self, frame: &RgbaFrame) -> Vec<String> {
        let mut start = 0;
        for _ in 0..=MAX_RESTARTS {
            match self.request("still", frame, start, STILL_TIMEOUT_MS).await {
                Reply::Read { texts, .. } => return texts,
                // Resume after the attempt that crashed.
                Reply::Crashed { at } => start = at + 1,
            }
        }
        Vec::new()
    }

    /// Reads a camera frame with camera attempt `attempt`; returns the
    /// texts and the attempt for the next frame.
    pub async fn frame(&self, frame: &RgbaFrame, attempt: usize) -> (Vec<String>, usize) {
        match self
            .request("frame", frame, attempt, FRAME_TIMEOUT_MS)
            .await
        {
            Reply::Read { texts, next } => (texts, next),
            Reply::Crashed { at } => (Vec::new(), at + 1),
        }
    }

    async fn request(&self, kind: &str, frame: &RgbaFrame, start: usize, timeout: u32) -> Reply {
        let shared = &self.shared;
        if shared.worker.borrow().is_none() && shared.spawn().is_err() {
            return Reply::Crashed { at: start };
        }
        let id = shared.next_id.get().wrapping_add(1);
        shared.next_id.set(id);
        let mut resolve_slot = None;
        let promise = Promise::new(&mut |resolve, _| resolve_slot = Some(resolve));
        let Some(resolve) = resolve_slot else {
            return Reply::Crashed { at: start };
        };
        let weak: Weak<Shared> = Rc::downgrade(shared);
        let watchdog = Timeout::new(timeout, move || {
            if let Some(shared) = weak.upgrade() {
                if shared.pending.borrow().as_ref().map(|p| p.id) == Some(id) {
                    shared.crashed();
                }
            }
        });
        let message = Object::new();
        for (name, value) in [
            ("id", JsValue::from(id)),
            ("kind", JsValue::from_str(kind)),
            ("width", JsValue::from(frame.width)),
            ("height", JsValue::from(frame.height)),
            ("rgba", frame.data.clone().into()),
            ("start", JsValue::from(start as u32)),
        ] {
            let _ = Reflect::set(&message, &JsValue::from_str(name), &value);
        }
        *shared.pending.borrow_mut() = Some(Pending {
            id,
            attempt: start,
            message: Some(message.into()),
            resolve,
            _watchdog: watchdog,
        });
        shared.send_pending();
        let reply = JsFuture::from(promise).await.unwrap_or_default();
        let field = |name: &str| Reflect::get(&reply, &JsValue::from_str(name)).unwrap_or_default();
        if let Some(at) = field("crashed").as_f64() {
            return Reply::Crashed { at: at as usize };
        }
        let texts = Array::from(&field("texts"))
            .iter()
            .filter_map(|t| t.as_string())
            .collect();
        let next = field("next").as_f64().unwrap_or(0.0) as usize;
        Reply::Read { texts, next }
    }
}

impl Shared {
    fn spawn(&self) -> Result<(), PlatformError> {
        self.ready.set(false);
        let worker = Worker::new(&self.url).map_err(|_| PlatformError::Unavailable)?;
        if let Some(handler) = self.on_message.borrow().as_ref() {
            worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        }
        if let Some(handler) = self.on_error.borrow().as_ref() {
            worker.set_onerror(Some(handler.as_ref().unchecked_ref()));
        }
        *self.worker.borrow_mut() = Some(worker);
        Ok(())
    }

    /// Posts the pending request once the worker is ready.
    fn send_pending(&self) {
        if !self.ready.get() {
            return;
        }
        let message = self
            .pending
            .borrow_mut()
            .as_mut()
            .and_then(|p| p.message.take());
        let Some(message) = message else {
            return;
        };
        let sent = self
            .worker
            .borrow()
            .as_ref()
            .map(|w| w.post_message(&message).is_ok());
        if sent != Some(true) {
            self.crashed();
        }
    }

    fn receive(&self, data: &JsValue) {
        if Reflect::get(data, &"ready".into()).is_ok_and(|r| r.is_truthy()) {
            self.ready.set(true);
            self.send_pending();
            return;
        }
        let id = Reflect::get(data, &"id".into())
            .ok()
            .and_then(|v| v.as_f64());
        let mut pending = self.pending.borrow_mut();
        let Some(current) = pending.as_mut() else {
            return;
        };
        if id != Some(f64::from(current.id)) {
            return;
        }
        if let Some(attempt) = Reflect::get(data, &"progress".into())
            .ok()
            .and_then(|v| v.as_f64())
        {
            current.attempt = attempt as usize;
            return;
        }
        if let Some(done) = pending.take() {
            let _ = done.resolve.call1(&JsValue::NULL, data);
        }
    }

    /// Ends the worker, starts a new one, and answers the pending request
    /// with the attempt it was on.
    fn crashed(&self) {
        if let Some(worker) = self.worker.borrow_mut().take() {
            worker.terminate();
        }
        self.crashes.set(self.crashes.get() + 1);
        let _ = self.spawn();
        if let Some(done) = self.pending.borrow_mut().take() {
            let reply = Object::new();
            let _ = Reflect::set(
                &reply,
                &"crashed".into(),
                &JsValue::from(done.attempt as u32),
            );
            let _ = done.resolve.call1(&JsValue::NULL, &reply);
        }
    }
}

/// `scan-worker-loader.js` in the folder of the app's JS module.
fn worker_url() -> Result<String, PlatformError> {
    let document = window()?.document().ok_or(PlatformError::Unavailable)?;
    let base = document
        .query_selector("script[data-tracecheck-js]")
        .ok()
        .flatten()
        .and_then(|tag| tag.get_attribute("data-tracecheck-js"))
        .unwrap_or_else(|| "/tracecheck-web.js".to_owned());
    let page = document.base_uri().ok().flatten().unwrap_or_default();
    let script =
        web_sys::Url::new_with_base(&base, &page).map_err(|_| PlatformError::Unavailable)?;
    web_sys::Url::new_with_base("scan-worker-loader.js", &script.href())
        .map(|url| url.href())
        .map_err(|_| PlatformError::Unavailable)
}
