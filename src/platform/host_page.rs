//! Messages to the page that frames the badge (`/embed` in a shop's
//! iframe): its height and verdict, so the shop's loader can size the
//! frame. Nothing else crosses the frame.

use js_sys::{Object, Reflect};
use tracecheck_core::verdict::Level;
use wasm_bindgen::JsValue;

use super::window;
use crate::components::level_look::look;
use crate::route;

/// `{type: "tracecheck:size", height, level}` to the parent (also sent by
/// the banner build once its badge is drawn), addressed to
/// the origin the loader named (anyone may frame the badge; the message only
/// carries a height and a verdict word).
pub fn post_size(level: Option<Level>) {
    let Ok(window) = window() else { return };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    // The body's own height, not the root's scrollHeight: that one is never
    // less than the iframe's current height, so a badge that had expanded
    // could never shrink back.
    let height = body.get_bounding_client_rect().height().ceil();
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &"tracecheck:size".into());
    let _ = Reflect::set(&message, &"height".into(), &JsValue::from(height));
    if let Some(level) = level {
        let _ = Reflect::set(&message, &"level".into(), &look(level).0.into());
    }
    let target =
        route::param("origin").filter(|o| o.starts_with("https://") || o.starts_with("http://"));
    let _ = parent.post_message(&message, target.as_deref().unwrap_or("*"));
}
