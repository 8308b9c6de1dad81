//! tracecheck web widget: scan a product's code, verify its signed trace
//! record in the browser, show the verdict.
//!
//! `banner` is the banner build's verdict-first paint (no Yew);
//! `platform` is the browser glue (camera, canvas, fetch, storage);
//! `i18n` holds every word shown; `components` and `pages` are the view;
//! all verification happens in `tracecheck-core`.

pub mod app;
pub mod banner;
pub mod components;
pub mod hooks;
pub mod i18n;
pub mod pages;
pub mod platform;
pub mod route;

/// Mounts the whole widget on the page's body, in a task of its own: the
/// WebAssembly's compilation and start end one main-thread task and the
/// first render is the next, instead of one task a slow phone spends
/// 200 ms and more on (docs/performance.md, long tasks).
pub fn run() {
    mount::<pages::set::AllPages>();
}

/// Mounts the verify build: a product's address and the badge, without
/// the scanner and the kiosk (`pages::set`).
pub fn run_verify() {
    mount::<pages::set::VerifyPages>();
}

fn mount<P: pages::set::PageSet>() {
    gloo_timers::callback::Timeout::new(0, || {
        // The shell gives way in the same task as the first render, so no
        // frame shows both (a layout shift) or neither; unless it holds the
        // banner build's verdict, which the verification page replaces.
        if !platform::shell::holds_verdict() {
            platform::shell::remove();
        }
        // index.html's `#app`; the body on a page without one.
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"));
        match root {
            Some(root) => yew::Renderer::<app::App<P>>::with_root(root).render(),
            None => yew::Renderer::<app::App<P>>::new().render(),
        };
    })
    .forget();
}
