#!/usr/bin/env bash
# First-load transfer size of the built widget: what a browser fetches
# before the page is usable (the app's wasm + JS + CSS + boot.js), gzipped
# at -9, against the 250 KB budget, for each of its builds; then the
# decoder worker, fetched when the first camera frame or photo is decoded.
# A product's address shows its verdict from the banner build (src/banner)
# and its details once the verify build has followed: both are printed.
#
#   bash scripts/size.sh            # measure dist/ as it is
#   bash scripts/size.sh --build    # trunk build --release first
set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "${TRACECHECK_ROOT}"

if [[ "${1:-}" == --build ]]; then
  trunk build --release
fi
[[ -f dist/index.html ]] || { echo "size: no dist/ (run with --build)" >&2; exit 2; }

budget=$((250 * 1024))
gz() { gzip -9 -c "$1" | wc -c; }
row() { printf '%-46s %9d %9d\n' "$(basename "$1")" "$(stat -c %s "$1")" "$(gz "$1")"; }

shopt -s nullglob
# The whole widget (the scanner, `/`, the kiosk) and the verify build (a
# product's address and the badge: src/pages/set.rs), each with the page's
# stylesheet and boot loader.
shared=(dist/*.css dist/boot.js)
first=(dist/tracecheck-web-*_bg.wasm dist/tracecheck-web-*.js "${shared[@]}")
verify=(dist/tracecheck-verify-*_bg.wasm dist/tracecheck-verify-*.js "${shared[@]}")
banner=(dist/tracecheck-banner-*_bg.wasm dist/tracecheck-banner-*.js "${shared[@]}")
worker=(dist/scan-worker_bg.wasm dist/scan-worker.js dist/scan-worker-loader.js)
printf '%-46s %9s %9s\n' "file" "bytes" "gzip -9"
summary() { # label files...
  local label=$1 total=0 f
  shift
  for f in "$@"; do
    row "$f"
    total=$((total + $(gz "$f")))
  done
  printf '%-46s %9s %9d  (budget %d: %s)\n' "${label}" "" "${total}" "${budget}" \
    "$([[ ${total} -le ${budget} ]] && echo within || echo "OVER by $((total - budget))")"
}
summary "first load, the scanner (/)" "${first[@]}"
summary "first load, the badge (/embed)" "${verify[@]}"
summary "a product's address, to its verdict" "${banner[@]}"
then=0
for f in dist/tracecheck-verify-*_bg.wasm dist/tracecheck-verify-*.js; do
  then=$((then + $(gz "$f")))
done
printf '%-46s %9s %9d  (the verify build, after the verdict)\n' "a product's address, then its details" "" "${then}"
wtotal=0
for f in "${worker[@]}"; do
  row "$f"
  wtotal=$((wtotal + $(gz "$f")))
done
printf '%-46s %9s %9d\n' "decoder worker (loaded on first decode)" "" "${wtotal}"
