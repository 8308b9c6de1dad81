//! The calling thread's CPU time, for the native benchmarks (the code
//! reader's `benches/codes.rs`, the scanner's `examples/scan_corpus.rs`):
//! unlike the wall clock it does not count time spent waiting for a core
//! that other work holds, so figures stay fair on a shared machine.

/// CPU time this thread has used, in seconds (NaN where there is no such
/// clock, as in the wasm32 test build, which compiles the examples too).
#[cfg(not(target_arch = "wasm32"))]
pub fn thread_cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid, writable timespec for the call's duration.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    if rc != 0 {
        return f64::NAN;
    }
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

/// No thread clock on wasm32.
#[cfg(target_arch = "wasm32")]
pub fn thread_cpu_seconds() -> f64 {
    f64::NAN
}
