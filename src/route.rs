//! Which view the page shows, read from its address: `/` scans; a GS1
//! Digital Link path (`/01/…`, as a phone's camera app opens it) or
//! `?code=` verifies that code directly.

use tracecheck_core::code::path_starts_with_gs1_key;

use crate::platform::window;

/// What the page is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Scan with the camera, a photo, or typing.
    Scan,
    /// Verify this code.
    Verify(String),
    /// A compact badge for a retailer's iframe (`/embed?code=…`).
    Embed(String),
    /// The trade-fair kiosk: continuous scanning, large type.
    Kiosk,
}

/// The mode for the current address.
pub fn current() -> Mode {
    let Ok(location) = window().map(|w| w.location()) else {
        return Mode::Scan;
    };
    let path = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    if path == "/kiosk" || path == "/kiosk/" {
        return Mode::Kiosk;
    }
    if path == "/embed" || path == "/embed/" {
        return Mode::Embed(query_code(&search).unwrap_or_default());
    }
    if let Some(code) = query_code(&search) {
        return Mode::Verify(code);
    }
    if path_starts_with_gs1_key(&path) {
        // The page address is the code itself.
        if let Ok(href) = location.href() {
            return Mode::Verify(href);
        }
    }
    Mode::Scan
}

fn query_code(search: &str) -> Option<String> {
    query(search, "code").filter(|c| !c.trim().is_empty())
}

/// A parameter of the page's query string.
fn query(search: &str, name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(search)
        .ok()?
        .get(name)
}

/// A parameter of the current page's query string (`lang`, `origin`…).
pub fn param(name: &str) -> Option<String> {
    let search = window().ok()?.location().search().ok()?;
    query(&search, name)
}

/// Records `mode` in the address bar so Back and sharing work.
pub fn push(mode: &Mode) {
    let Ok(window) = window() else { return };
    let Ok(history) = window.history() else {
        return;
    };
    let url = match mode {
        Mode::Scan => "/".to_owned(),
        Mode::Embed(_) | Mode::Kiosk => return,
        Mode::Verify(code) => {
            let params = web_sys::UrlSearchParams::new().ok();
            match params {
                Some(params) => {
                    params.append("code", code);
                    format!("/?{}", String::from(params.to_string()))
                }
                None => "/".to_owned(),
            }
        }
    };
    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}
