# shellcheck shell=bash
# Sourced by scripts/fuzz-*.sh: the environment for building the fuzz/
# workspace's libFuzzer targets on stable Rust, with the coverage
# instrumentation cargo-fuzz adds and no sanitizer (so neither nightly nor
# cargo-fuzz is needed). Sets `fuzz_bin_dir`; `fuzz_build ARGS…` builds.
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "${TRACECHECK_ROOT}/fuzz" || exit

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing"
export CARGO_TARGET_DIR="${TRACECHECK_ROOT}/fuzz/target"
# With an explicit --target the flags reach the fuzzed code but not build scripts.
fuzz_host="$(rustc -vV | sed -n 's/^host: //p')"
# shellcheck disable=SC2034 # read by the scripts that source this one
fuzz_bin_dir="${CARGO_TARGET_DIR}/${fuzz_host}/release"

fuzz_build() {
  cargo build --release --target "${fuzz_host}" "$@"
}
