#!/usr/bin/env bash
# Fuzzes the verifier's way from bytes to a verdict with libFuzzer: the
# `credential_proof` target of the fuzz/ workspace (strict JSON, JCS, the
# data model, both proof formats, keys, status lists, the whole pipeline for
# a credential file). Same build as scripts/fuzz-codes.sh: the coverage
# instrumentation cargo-fuzz adds, on stable Rust, no sanitizer, with debug
# assertions and overflow checks on.
#
#   bash scripts/fuzz-credentials.sh [SECONDS]   # default 600
#
# Seeds the corpus from the credential, token, DID and status-list vectors.
# Not part of test.sh.
set -euo pipefail
# shellcheck source=scripts/fuzz-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/fuzz-build.sh"
seconds="${1:-600}"
fuzz_build --bin credential_proof
bin="${fuzz_bin_dir}/credential_proof"

# Seeds: every credential, token, DID case and list the vectors hold.
seeds="${TRACECHECK_ROOT}/fuzz/corpus/credential_proof_seeds"
rm -rf "${seeds}" && mkdir -p "${seeds}"
find "${TRACECHECK_ROOT}/tests/vectors/vc-di-eddsa" "${TRACECHECK_ROOT}/tests/vectors/vc-jose-cose" \
  "${TRACECHECK_ROOT}/tests/vectors/vc-data-model-2.0" "${TRACECHECK_ROOT}/tests/vectors/bitstring-status-list" \
  "${TRACECHECK_ROOT}/tests/vectors/did-key" "${TRACECHECK_ROOT}/tests/vectors/jcs-rfc8785/testdata/input" \
  -type f \( -name '*.json' -o -name '*.txt' \) -size -256k -print0 |
  while IFS= read -r -d '' file; do
    cp "${file}" "${seeds}/seed-$(sha256sum "${file}" | cut -c1-16)"
  done

corpus="${TRACECHECK_ROOT}/fuzz/corpus/credential_proof"
mkdir -p "${corpus}"
printf '\n==== credential_proof for %s s ====\n' "${seconds}"
"${bin}" "${corpus}" "${seeds}" -max_total_time="${seconds}" -max_len=65536 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
