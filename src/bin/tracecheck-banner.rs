//! The banner build (`src/banner`): on a product's address, the verdict
//! drawn before the widget loads, without Yew. Built by Trunk from
//! index.html's third Rust link; `assets/boot.js` loads it first.

fn main() {
    tracecheck_web::banner::run();
}
