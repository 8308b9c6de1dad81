//! Small settings kept on the phone (localStorage); failures are ignored,
//! since private browsing may refuse storage.

use super::window;

fn local() -> Option<web_sys::Storage> {
    window().ok()?.local_storage().ok().flatten()
}

/// Reads a value.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Writes a value.
pub fn set(key: &str, value: &str) {
    if let Some(storage) = local() {
        let _ = storage.set_item(key, value);
    }
}
