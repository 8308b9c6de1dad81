#!/usr/bin/env bash
# Barcode benchmark: our one pipeline (EAN/UPC, DataMatrix, then QR; the
# decoder worker's WebAssembly build, in Node) beside zxing-wasm asked for
# EAN-13, EAN-8, UPC-A, UPC-E and DataMatrix, on the same decoded pixels of
# every image in a corpus of sets (one folder each); prints reads, wrong,
# median and max ms per set for each reader.
#
#   bash scripts/bench-barcodes.sh /work/shared/barcode-corpus
#   bash scripts/bench-barcodes.sh CORPUS --list     # also one line per image
#
# Each image (png, jpg, jpeg, webp) has its expected text in a same-name .txt.
set -euo pipefail

if [[ $# -lt 1 || ! -d "$1" ]]; then
  sed -n '2,11s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
corpus="$(cd "$1" && pwd)"
shift

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "${TRACECHECK_ROOT}"

command -v wasm-bindgen >/dev/null || { echo "bench-barcodes: run scripts/setup.sh first (wasm-bindgen)" >&2; exit 2; }
[[ -f node_modules/zxing-wasm/package.json ]] || { echo "bench-barcodes: run scripts/setup.sh first (npm zxing-wasm)" >&2; exit 2; }

out="target/scan-bench"
printf '[bench-barcodes] cargo build --profile worker -p tracecheck-scan-bench --target wasm32-unknown-unknown\n' >&2
cargo build --quiet --profile worker -p tracecheck-scan-bench --target wasm32-unknown-unknown
wasm-bindgen --target nodejs --out-dir "${out}" \
  target/wasm32-unknown-unknown/worker/tracecheck_scan_bench.wasm
exec node scripts/bench-barcodes.mjs "${corpus}" "${out}/tracecheck_scan_bench.js" "$@"
