//! Speed of one camera frame in WebAssembly in Chromium: prints, for a
//! 640×480 frame with a code and one without, the milliseconds of each
//! camera attempt and of rqrr alone. Figures only, no timed assertion.
//! Meaningful in release (the worker's profile):
//!   cargo test --profile worker -p tracecheck-web --target wasm32-unknown-unknown --test scan_speed
#![cfg(target_arch = "wasm32")]

use qrcode::{Color, QrCode};
use tracecheck_core::scan::{Attempt, CAMERA, FrameScanner, Luma, Threshold};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const RUNS: usize = 20;

/// A 640×480 frame like the fake camera's: the code two thirds of the
/// height, mid-grey surround, a little sensor noise.
fn frame_with_code(text: &str) -> Vec<u8> {
    let code = QrCode::new(text.as_bytes()).expect("encodable");
    let (modules, colors) = (code.width(), code.to_colors());
    let scale = 320 / (modules + 8);
    let side = (modules + 8) * scale;
    let (left, top) = ((640 - side) / 2, (480 - side) / 2);
    let mut frame = vec![0u8; 640 * 480];
    let mut noise = 12345u32;
    for y in 0..480 {
        for x in 0..640 {
            noise = noise.wrapping_mul(1_103_515_245).wrapping_add(12345);
            let jitter = (noise >> 16) as u8 % 9;
            let inside = x >= left && y >= top && x < left + side && y < top + side;
            let (mx, my) = (
                (x.wrapping_sub(left)) / scale,
                (y.wrapping_sub(top)) / scale,
            );
            let dark = inside
                && (4..modules + 4).contains(&mx)
                && (4..modules + 4).contains(&my)
                && colors[(my - 4) * modules + mx - 4] == Color::Dark;
            let base = if !inside {
                120
            } else if dark {
                30
            } else {
                215
            };
            frame[y * 640 + x] = base + jitter;
        }
    }
    frame
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

fn time(attempt: Attempt, pixels: &[u8]) -> (f64, bool) {
    let image = Luma {
        width: 640,
        height: 480,
        pixels,
    };
    let read = !attempt.run(image).is_empty();
    let started = now();
    for _ in 0..RUNS {
        attempt.run(image);
    }
    ((now() - started) / RUNS as f64, read)
}

#[wasm_bindgen_test]
fn camera_frame_figures() {
    let with_code = frame_with_code("https://id.gs1.org/01/08935001000013/10/NL2611");
    let blank: Vec<u8> = (0..640 * 480).map(|i| 100 + (i % 7) as u8).collect();
    let build = if cfg!(debug_assertions) {
        "debug (figures meaningless)"
    } else {
        "release"
    };
    console_log!("SCAN SPEED 640x480 frame in WebAssembly ({build}), mean of {RUNS} runs:");
    let rqrr_alone = Attempt::new(0, Threshold::Rows);
    for (name, attempt) in std::iter::once(("rqrr alone", rqrr_alone))
        .chain(CAMERA.iter().map(|a| ("camera attempt", *a)))
        .chain(
            [
                Attempt::new(0, Threshold::Blocks).located(),
                Attempt::new(320, Threshold::Blocks).located(),
            ]
            .map(|a| ("locator, not a camera attempt", a)),
        )
    {
        let (code_ms, read) = time(attempt, &with_code);
        let (blank_ms, _) = time(attempt, &blank);
        console_log!(
            "  {name} {attempt:?}: with code {code_ms:.2} ms (read: {read}), without {blank_ms:.2} ms"
        );
    }
    // The first camera attempt must read this easy frame.
    let mut frames = FrameScanner::new();
    assert!(
        !frames
            .scan(Luma {
                width: 640,
                height: 480,
                pixels: &with_code
            })
            .is_empty()
    );
}
