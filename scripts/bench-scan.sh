#!/usr/bin/env bash
# Scanning benchmark: our pipeline (WebAssembly, release profile, in Node),
# zxing-wasm and jsQR on the same decoded pixels of every image in a corpus
# folder; prints correct/total, wrong, nothing, mean, median and max ms for
# each, overall and per category (sub-folder, else file name prefix).
#
#   bash scripts/bench-scan.sh /work/shared/qr-corpus
#   bash scripts/bench-scan.sh CORPUS --list     # also one line per image
#
# CORPUS holds images (png, jpg, jpeg, webp) each with its expected text in a
# same-name .txt; MANIFEST.tsv, when present, lists them. Nothing is copied.
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

for package in zxing-wasm jsqr wasm-bindgen-cli; do
  case "${package}" in
    wasm-bindgen-cli) command -v wasm-bindgen >/dev/null || { echo "bench-scan: run scripts/setup.sh first (wasm-bindgen)" >&2; exit 2; } ;;
    *) [[ -f "node_modules/${package}/package.json" ]] || { echo "bench-scan: run scripts/setup.sh first (npm ${package})" >&2; exit 2; } ;;
  esac
done

out="target/scan-bench"
# The profile the browser's decoder worker is built with (Cargo.toml).
printf '[bench-scan] cargo build --profile worker -p tracecheck-scan-bench --target wasm32-unknown-unknown\n' >&2
cargo build --quiet --profile worker -p tracecheck-scan-bench --target wasm32-unknown-unknown
wasm-bindgen --target nodejs --out-dir "${out}" \
  target/wasm32-unknown-unknown/worker/tracecheck_scan_bench.wasm
exec node scripts/bench-scan.mjs "${corpus}" "${out}/tracecheck_scan_bench.js" "$@"
