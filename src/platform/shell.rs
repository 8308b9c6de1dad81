//! The app shell index.html paints before any WebAssembly runs
//! (`#app-shell`: the header and a loading line). On a product's address
//! the banner build draws the verdict into it (`crate::banner`); the
//! widget then keeps it until its own verdict is drawn, so the shopper
//! never sees the verdict go back to "checking".

/// Marks the body while the shell holds the banner build's verdict: the
/// widget's own nodes (index.html's `#app`) stay hidden until they hold
/// theirs (styles/app.css).
pub const HOLDS_VERDICT: &str = "banner-first";

/// Set on the banner build's badge button when tapped before the widget
/// came: the widget then opens the details as it takes over.
pub const OPEN_ASKED: &str = "data-open-asked";

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The shell, while it is on the page.
pub fn element() -> Option<web_sys::Element> {
    document()?.get_element_by_id("app-shell")
}

/// Whether the shell shows a verdict the widget must replace in place.
pub fn holds_verdict() -> bool {
    element().is_some()
        && document()
            .and_then(|d| d.body())
            .is_some_and(|body| body.class_list().contains(HOLDS_VERDICT))
}

/// Whether the shopper tapped the banner build's badge to open its details.
pub fn badge_opened() -> bool {
    element()
        .and_then(|shell| {
            shell
                .query_selector(&format!("button.embed-summary[{OPEN_ASKED}]"))
                .ok()
                .flatten()
        })
        .is_some()
}

/// The widget has drawn what the shell stood in for: the shell goes, and
/// the widget's nodes show, in one step (no frame without either).
pub fn remove() {
    if let Some(shell) = element() {
        shell.remove();
    }
    if let Some(body) = document().and_then(|d| d.body()) {
        let _ = body.class_list().remove_1(HOLDS_VERDICT);
    }
}
