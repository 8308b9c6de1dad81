//! How long reading one code takes, natively: `cargo bench -p tracecheck-core
//! --bench codes`. Prints µs per code for each kind of input; asserts nothing
//! about time (the figures go in docs/codes.md).

use std::hint::black_box;
use std::time::Instant;

use tracecheck_core::code::{parse_digital_link, read};

#[path = "common/code_inputs.rs"]
mod code_inputs;
#[path = "common/thread_clock.rs"]
mod thread_clock;
use code_inputs::INPUTS;

/// Rounds per input: the fastest is the least disturbed by other work on a
/// shared machine; the median is printed beside it.
const ROUNDS: u32 = 9;

/// Per-call times over `ROUNDS` rounds: (wall min, wall median, CPU min).
// This bench runs natively only (benches/codes_wasm.rs times WASM with
// performance.now()), where the monotonic clock is there.
#[allow(clippy::disallowed_methods)]
fn time_per_call(iterations: u32, mut f: impl FnMut()) -> (f64, f64, f64) {
    for _ in 0..iterations / 10 {
        f(); // warm up
    }
    let per_round = iterations / ROUNDS;
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    for _ in 0..ROUNDS {
        let start = Instant::now();
        let cpu_start = thread_clock::thread_cpu_seconds();
        for _ in 0..per_round {
            f();
        }
        cpu.push((thread_clock::thread_cpu_seconds() - cpu_start) * 1e6 / f64::from(per_round));
        wall.push(start.elapsed().as_secs_f64() * 1e6 / f64::from(per_round));
    }
    wall.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    (wall[0], wall[wall.len() / 2], cpu[0])
}

fn main() {
    let iterations = 200_000;
    println!("code reading, native, {iterations} iterations each");
    println!(
        "{:<28} {:>10} {:>10} {:>10}",
        "input", "min µs", "median µs", "CPU µs"
    );
    for (name, input) in INPUTS {
        let us = time_per_call(iterations, || {
            let _ = black_box(read(black_box(input)));
        });
        println!("{name:<28} {:>10.3} {:>10.3} {:>10.3}", us.0, us.1, us.2);
    }
    let uri = INPUTS[1].1;
    let us = time_per_call(iterations, || {
        let _ = black_box(parse_digital_link(black_box(uri)).map(|c| c.element_string()));
    });
    println!(
        "{:<28} {:>10.3} {:>10.3} {:>10.3}",
        "parse DL → element string", us.0, us.1, us.2
    );
}
