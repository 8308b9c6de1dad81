//! A repeating timer that stops when dropped, so a component that owns it
//! cannot leak it.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::{PlatformError, window};

/// `setInterval`, cleared on drop.
pub struct Interval {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Interval {
    /// Calls `callback` every `millis` milliseconds.
    pub fn new(millis: i32, callback: impl FnMut() + 'static) -> Result<Interval, PlatformError> {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let id = window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                millis,
            )
            .map_err(|_| PlatformError::Unavailable)?;
        Ok(Interval {
            id,
            _callback: callback,
        })
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        if let Ok(window) = window() {
            window.clear_interval_with_handle(self.id);
        }
    }
}

/// `setTimeout`, cleared on drop.
pub struct Timeout {
    id: i32,
    _callback: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Calls `callback` once after `millis` milliseconds.
    pub fn new(millis: i32, callback: impl FnMut() + 'static) -> Result<Timeout, PlatformError> {
        let callback = Closure::<dyn FnMut()>::new(callback);
        let id = window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(
                callback.as_ref().unchecked_ref(),
                millis,
            )
            .map_err(|_| PlatformError::Unavailable)?;
        Ok(Timeout {
            id,
            _callback: callback,
        })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Ok(window) = window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}

/// Waits `millis` milliseconds (a `setTimeout` wrapped in a promise).
pub async fn sleep(millis: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Ok(window) = window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, millis);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
