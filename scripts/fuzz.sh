#!/usr/bin/env bash
# Long fuzzing runs (not part of scripts/test.sh).
#
#   bash scripts/fuzz.sh [TARGET] [SECONDS]     # default: credential_proof 600
#
# Installs cargo-fuzz (pinned) when missing, seeds the corpus from the peer
# vectors, then runs libFuzzer on stable Rust through RUSTC_BOOTSTRAP=1.
set -euo pipefail

target="${1:-credential_proof}"
seconds="${2:-600}"
script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/env.sh
source "${script_dir}/env.sh"
cd "${TRACECHECK_ROOT}"

cargo_fuzz_version="0.13.1"
if ! cargo fuzz --version 2>/dev/null | grep -q "${cargo_fuzz_version}"; then
  echo "[fuzz] installing cargo-fuzz ${cargo_fuzz_version}"
  cargo install cargo-fuzz --version "${cargo_fuzz_version}"
fi

corpus="fuzz/corpus/${target}"
mkdir -p "${corpus}"
if [[ "${target}" == credential_proof ]]; then
  # Seeds: every credential, token, DID and list the vectors hold.
  seed() { # FILE
    cp "$1" "${corpus}/seed-$(sha256sum "$1" | cut -c1-16)"
  }
  while IFS= read -r -d '' file; do
    seed "${file}"
  done < <(find tests/vectors/vc-di-eddsa tests/vectors/vc-jose-cose tests/vectors/vc-data-model-2.0 \
    tests/vectors/bitstring-status-list tests/vectors/did-key tests/vectors/jcs-rfc8785/testdata/input \
    -type f \( -name '*.json' -o -name '*.txt' \) -size -256k -print0)
fi

cd fuzz
RUSTC_BOOTSTRAP=1 cargo fuzz run "${target}" "corpus/${target}" -- \
  -max_total_time="${seconds}" -max_len=65536 -timeout=10 -rss_limit_mb=2048
