#!/usr/bin/env bash
# Load test of the verification service (`tracecheck serve --verify`) on
# 127.0.0.1: GET /verify?code=… and POST /credentials/verify with the demo
# registry, bounded in requests and time. Prints requests/s and latency
# percentiles (docs/serving.md has the table).
#
#   bash scripts/bench-verify-service.sh [REQUESTS] [CONCURRENCY]
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "${TRACECHECK_ROOT}"
requests="${1:-2000}"
concurrency="${2:-16}"
cargo build --release -q -p tracecheck-cli
bin=target/release/tracecheck
port="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
base="http://127.0.0.1:${port}"
"${bin}" serve --addr "127.0.0.1:${port}" --dist /nonexistent --verify --threads 8 --verify-slots 4 2>/dev/null &
server=$!
trap 'kill "${server}" 2>/dev/null || true' EXIT
node scripts/load-test.mjs --wait "${base}/config.json"
code="$(node -e 'fetch(process.argv[1]).then(r=>r.json()).then(s=>console.log(encodeURIComponent(s.find(x=>x.id==="longan").code)))' "${base}/samples.json")"
echo "== GET /verify?code=<genuine longan> (${requests} requests, ${concurrency} connections, 4 verification slots)"
node scripts/load-test.mjs --url "${base}/verify?code=${code}" --requests "${requests}" --concurrency "${concurrency}" --max-seconds 120
body="$(mktemp)"
node -e '
  const [base] = process.argv.slice(1);
  (async () => {
    const linkset = await (await fetch(`${base}/01/08935001000013/10/NL2611?linkType=all`)).json();
    const href = linkset.linkset[0]["https://test.uncefact.org/vocabulary/linkTypes/dpp"][0].href;
    const credential = await (await fetch(href)).json();
    console.log(JSON.stringify({ verifiableCredential: credential, options: {} }));
  })();' "${base}" >"${body}"
echo "== POST /credentials/verify (the same passport, embedded)"
node scripts/load-test.mjs --url "${base}/credentials/verify" --method POST --body-file "${body}" --requests "${requests}" --concurrency "${concurrency}" --max-seconds 120
rm -f "${body}"
