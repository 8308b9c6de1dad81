//! The verify build (`src/pages/set.rs`): the widget without the scanner
//! and the kiosk, for a product's address and the badge. Built by Trunk
//! from index.html's second Rust link; `assets/boot.js` chooses it.

fn main() {
    tracecheck_web::run_verify();
}
