#!/usr/bin/env bash
# Times the code reader: natively (`cargo bench`), then in WASM in headless
# Chromium (a release-mode wasm-bindgen-test timing with performance.now()).
# Prints µs per code; asserts nothing about time. Not part of test.sh.
#
#   bash scripts/bench-codes.sh
set -euo pipefail
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/env.sh
source "${script_dir}/env.sh"
cd "${TRACECHECK_ROOT}"

printf '==== native (%s) ====\n' "$(rustc -vV | sed -n 's/^host: //p')"
cargo bench -p tracecheck-core --bench codes

printf '\n==== wasm32, headless Chromium ====\n'
CHROMEDRIVER="${CHROMEDRIVER}" \
  cargo test -p tracecheck-core --target wasm32-unknown-unknown --release \
  --bench codes_wasm -- --nocapture
