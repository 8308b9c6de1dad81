//! How long reading one code takes, natively: `cargo bench -p tracecheck-core
//! --bench codes`. Prints µs per code for each kind of input; asserts nothing
//! about time (the figures go in docs/codes.md).

use std::hint::black_box;
use std::time::Instant;

use tracecheck_core::code::{parse_digital_link, read};

/// Typical inputs, one of each kind the widget meets.
const INPUTS: [(&str, &str); 7] = [
    ("DL URI, key only", "https://id.gs1.org/01/08931234567897"),
    (
        "DL URI, lot+serial+expiry",
        "https://resolver.example.vn/01/08931234567897/10/LOT2026A/21/SN0001?17=271231",
    ),
    (
        "QR scan ]Q1 + DL URI",
        "]Q1https://id.gs1.org/01/08931234567897/10/LOT7",
    ),
    (
        "element string ]d2 + GS",
        "]d2010893123456789710LOT7\u{1d}17271231",
    ),
    ("bracketed", "(01)08931234567897(10)LOT7(17)271231"),
    ("typed EAN-13 with spaces", "893 1234 56789 7"),
    ("other system's URL", "https://check.net.vn/p/0123456789"),
];

// This bench runs natively only (benches/codes_wasm.rs times WASM with
// performance.now()), where the monotonic clock is there.
#[allow(clippy::disallowed_methods)]
fn time_per_call(iterations: u32, mut f: impl FnMut()) -> f64 {
    for _ in 0..iterations / 10 {
        f(); // warm up
    }
    let start = Instant::now();
    for _ in 0..iterations {
        f();
    }
    start.elapsed().as_secs_f64() * 1e6 / f64::from(iterations)
}

fn main() {
    let iterations = 200_000;
    println!("code reading, native, {iterations} iterations each");
    println!("{:<28} {:>10}", "input", "µs/code");
    for (name, input) in INPUTS {
        let us = time_per_call(iterations, || {
            let _ = black_box(read(black_box(input)));
        });
        println!("{name:<28} {us:>10.3}");
    }
    let uri = INPUTS[1].1;
    let us = time_per_call(iterations, || {
        let _ = black_box(parse_digital_link(black_box(uri)).map(|c| c.element_string()));
    });
    println!("{:<28} {us:>10.3}", "parse DL → element string");
}
