#!/usr/bin/env bash
# Fuzzes the code reader with libFuzzer (the fuzz/ workspace, cargo-fuzz
# layout) on stable Rust: the same coverage instrumentation cargo-fuzz adds,
# without a sanitizer, so no nightly or cargo-fuzz install is needed.
#
#   bash scripts/fuzz-codes.sh [SECONDS_PER_TARGET]   # default 200 (3 targets)
#
# Seeds the corpus from tests/vectors/gs1-digital-link. Not part of test.sh.
set -euo pipefail
# shellcheck source=scripts/fuzz-build.sh
source "$(dirname "${BASH_SOURCE[0]}")/fuzz-build.sh"
seconds="${1:-200}"
fuzz_build --bins

# Seeds: every input string in the GS1 vectors, one file each.
seeds="${TRACECHECK_ROOT}/fuzz/seeds"
rm -rf "${seeds}" && mkdir -p "${seeds}"
node -e '
  const fs = require("fs"), path = require("path");
  const dir = process.argv[1], out = process.argv[2];
  let n = 0;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    for (const c of JSON.parse(fs.readFileSync(path.join(dir, f))).cases || []) {
      if (typeof c.input === "string") fs.writeFileSync(path.join(out, `seed-${n++}`), c.input);
    }
  }
' "${TRACECHECK_ROOT}/tests/vectors/gs1-digital-link" "${seeds}"

for target in read_code digital_link element_data; do
  corpus="${TRACECHECK_ROOT}/fuzz/corpus/${target}"
  mkdir -p "${corpus}"
  printf '\n==== %s for %s s ====\n' "${target}" "${seconds}"
  "${fuzz_bin_dir}/${target}" "${corpus}" "${seeds}" \
    -max_total_time="${seconds}" -max_len=512 -print_final_stats=1
done
