//! tracecheck web widget: scan a product's code, verify its signed trace
//! record in the browser, show the verdict.

mod app;
mod components;
mod i18n;
mod pages;
mod platform;
mod route;

fn main() {
    yew::Renderer::<app::App>::new().render();
}
