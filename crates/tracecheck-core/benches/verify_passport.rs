//! CPU time to verify a passport with three certifications and its status
//! lists, natively: the scenario of `tests/scenario` (a did:web producer,
//! VC-JOSE certificates, four status lists), fetched from memory, so the
//! figure is the verifier's own work. Prints milliseconds; asserts nothing
//! about speed.
//!
//!   cargo bench -p tracecheck-core --bench verify_passport

#[path = "../tests/scenario/mod.rs"]
mod scenario;

use scenario::{Scenario, Securing};
use tracecheck_core::verdict::{Level, verify_code};

const RUNS: usize = 200;

fn main() {
    for (name, securing) in [
        ("Data Integrity passport", Securing::Di),
        ("VC-JOSE passport", Securing::Jose),
    ] {
        let mut world = Scenario::genuine();
        world.passport.securing = securing;
        let (fetch, ctx) = world.publish();
        let report = pollster::block_on(verify_code(&world.code, &ctx, &fetch));
        assert_eq!(
            report.level,
            Level::Verified,
            "{name}: {:#?}",
            report.checks
        );
        let mut times: Vec<f64> = (0..RUNS)
            .map(|_| {
                // Native only: the clock exists here.
                #[allow(clippy::disallowed_methods)]
                let start = std::time::Instant::now();
                let report = pollster::block_on(verify_code(&world.code, &ctx, &fetch));
                std::hint::black_box(report);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        let median = times[RUNS / 2];
        let mean = times.iter().sum::<f64>() / RUNS as f64;
        println!(
            "BENCH verify ({name}, 3 certifications, 4 status lists): \
             median {median:.3} ms, mean {mean:.3} ms, min {:.3} ms, max {:.3} ms ({RUNS} runs)",
            times[0],
            times[RUNS - 1]
        );
    }
}
