//! How long reading one code takes in WASM, in headless Chromium, timed with
//! `performance.now()`. Run by `scripts/bench-codes.sh` in release mode;
//! prints µs per code and asserts nothing about time. Empty natively.
#![cfg(target_arch = "wasm32")]

use std::hint::black_box;

use tracecheck_core::code::{parse_digital_link, read};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/code_inputs.rs"]
mod code_inputs;
use code_inputs::INPUTS;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Rounds per input: the fastest is the least disturbed by other work on a
/// shared machine; the median is printed beside it.
const ROUNDS: u32 = 9;

fn time_per_call(iterations: u32, mut f: impl FnMut()) -> (f64, f64) {
    for _ in 0..iterations / 10 {
        f(); // warm up
    }
    let mut rounds: Vec<f64> = (0..ROUNDS)
        .map(|_| {
            let start = now_ms();
            for _ in 0..iterations / ROUNDS {
                f();
            }
            (now_ms() - start) * 1000.0 / f64::from(iterations / ROUNDS)
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    (rounds[0], rounds[rounds.len() / 2])
}

#[wasm_bindgen_test]
fn code_reading_timings() {
    let iterations = 50_000;
    console_log!("code reading, wasm32 in Chromium, {iterations} iterations each");
    console_log!("{:<28} {:>10} {:>10}", "input", "min µs", "median µs");
    for (name, input) in INPUTS {
        let us = time_per_call(iterations, || {
            let _ = black_box(read(black_box(input)));
        });
        console_log!("{name:<28} {:>10.3} {:>10.3}", us.0, us.1);
    }
    let uri = INPUTS[1].1;
    let us = time_per_call(iterations, || {
        let _ = black_box(parse_digital_link(black_box(uri)).map(|c| c.element_string()));
    });
    console_log!(
        "{:<28} {:>10.3} {:>10.3}",
        "parse DL → element string",
        us.0,
        us.1
    );
}
