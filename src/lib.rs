//! tracecheck web widget: scan a product's code, verify its signed trace
//! record in the browser, show the verdict.
//!
//! `platform` is the browser glue (camera, canvas, fetch, storage);
//! `i18n` holds every word shown; `components` and `pages` are the view;
//! all verification happens in `tracecheck-core`.

pub mod app;
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
        yew::Renderer::<app::App<P>>::new().render();
    })
    .forget();
}
