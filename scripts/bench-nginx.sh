#!/usr/bin/env bash
# Load test of nginx serving a published registry on 127.0.0.1 (the
# configuration `tracecheck nginx` writes): Digital Link lookups
# (?linkType=all → linkset) and passport fetches, spread over up to 10,000
# distinct batches, bounded in requests and time. Prints requests/s and
# latency percentiles (docs/serving.md has the table).
#
#   bash scripts/bench-nginx.sh SITE [REQUESTS] [CONCURRENCY]   # SITE: a `publish --out` folder
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "${TRACECHECK_ROOT}"
site="$(cd "${1:?give a publish --out folder}" && pwd)"
requests="${2:-50000}"
concurrency="${3:-32}"
cargo build --release -q -p tracecheck-cli
bin="${TRACECHECK_ROOT}/target/release/tracecheck"
work="$(mktemp -d /tmp/tracecheck-nginx-bench-XXXXXX)"
mkdir -p "${work}/dist"
echo '<!doctype html><title>widget</title>' >"${work}/dist/index.html"
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://127.0.0.1:${port}"
user=()
[[ "$(id -u)" -eq 0 ]] && user=(--user root)
"${bin}" nginx --registry "${site}/registry" --dist "${work}/dist" --listen "127.0.0.1:${port}" \
  --standalone "${work}/run" "${user[@]}" >"${work}/nginx.conf"
sed -i 's/worker_processes 1;/worker_processes 2;/' "${work}/nginx.conf"
/usr/sbin/nginx -p "${work}/run" -c "${work}/nginx.conf" &
server=$!
trap 'kill "${server}" 2>/dev/null || true; rm -rf "${work}"' EXIT
node scripts/load-test.mjs --wait "${base}/config.json"
# Digital Link paths of up to 10,000 batches, and their passports.
(cd "${site}/registry" && find linksets -name '*.json' | shuf -n 10000 --random-source=<(yes)) |
  sed -e 's#^linksets##' -e 's#\.json$##' -e "s#^#${base}#" -e 's#$#?linkType=all#' >"${work}/codes.txt"
(cd "${site}/registry" && find credentials/passports -name '*.json' | shuf -n 10000 --random-source=<(yes)) |
  sed -e "s#^#${base}/#" >"${work}/passports.txt"
echo "== Digital Link → linkset (${requests} requests, ${concurrency} connections, $(wc -l <"${work}/codes.txt") codes)"
node scripts/load-test.mjs --urls-file "${work}/codes.txt" --requests "${requests}" --concurrency "${concurrency}" --max-seconds 120
echo "== passport, gzip ($(wc -l <"${work}/passports.txt") passports)"
node scripts/load-test.mjs --urls-file "${work}/passports.txt" --requests "${requests}" --concurrency "${concurrency}" --max-seconds 120 --header "Accept-Encoding: gzip"
