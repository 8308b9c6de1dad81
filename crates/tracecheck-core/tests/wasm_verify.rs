//! The verifier in Chromium: the benchmark passport (three certifications,
//! status lists, a did:web producer) must come out Verified under WASM too,
//! and the time it takes is printed from `performance.now()` (no timed
//! assertion). `scripts/test.sh` runs it in a debug build; for the figure
//! in docs/verifier.md run it in release:
//!
//!   cargo test -p tracecheck-core --target wasm32-unknown-unknown --release --test wasm_verify
#![cfg(target_arch = "wasm32")]

mod scenario;

use scenario::{Scenario, Securing};
use tracecheck_core::verdict::{Level, verify_code};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

#[wasm_bindgen_test]
async fn verifies_the_benchmark_passport_and_prints_its_time() {
    const RUNS: usize = 100;
    const WARM_UP: usize = 10;
    for (name, securing) in [
        ("Data Integrity passport", Securing::Di),
        ("VC-JOSE passport", Securing::Jose),
    ] {
        let mut world = Scenario::genuine();
        world.passport.securing = securing;
        let (fetch, ctx) = world.publish();
        let report = verify_code(&world.code, &ctx, &fetch).await;
        assert_eq!(report.level, Level::Verified, "{name}: {:?}", report.checks);
        // The first runs include the engine's tier-up of the module.
        for _ in 0..WARM_UP {
            verify_code(&world.code, &ctx, &fetch).await;
        }
        let mut times = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let start = now_ms();
            let report = verify_code(&world.code, &ctx, &fetch).await;
            times.push(now_ms() - start);
            assert_eq!(report.level, Level::Verified);
        }
        times.sort_by(f64::total_cmp);
        let mean = times.iter().sum::<f64>() / RUNS as f64;
        console_log!(
            "BENCH wasm verify ({name}, 3 certifications, 4 status lists): median {:.2} ms, mean {mean:.2} ms, min {:.2} ms, max {:.2} ms ({RUNS} runs after {WARM_UP} warm-up, performance.now() resolution applies)",
            times[RUNS / 2],
            times[0],
            times[RUNS - 1]
        );
    }
}
