#!/usr/bin/env bash
# Scale, measured: generates a province-sized data folder (N batches over
# N/1000 products of 100 producers, two events each, one VietGAP
# certificate per producer), publishes it, then publishes it again
# unchanged, and prints time, peak memory, disk, files, the largest folder
# and the status lists used (docs/publishing.md has the table). Labels are
# measured on a separate 10,000-batch run (a sheet per batch would be 2N
# more files; a smaller N uses N there too).
#
#   bash scripts/bench-publish.sh [N] [WORK_DIR]   # default 1000000; a temp dir, removed after
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "${TRACECHECK_ROOT}"
n="${1:-1000000}"
if [[ -n "${2:-}" ]]; then
  work="$2"
else
  work="$(mktemp -d /tmp/tracecheck-bench-XXXXXX)"
  trap 'rm -rf "${work}"' EXIT
fi
mkdir -p "${work}"
cargo build --release -q -p tracecheck-cli
bin="${TRACECHECK_ROOT}/target/release/tracecheck"
[[ -x /usr/bin/time ]] || { echo "bench-publish: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

generate() { # N DIR
  local count="$1" dir="$2"
  mkdir -p "${dir}"
  awk -v n="${count}" -v dir="${dir}" '
    function check(data,   i, s, w) { s = 0; w = 3
      for (i = length(data); i >= 1; i--) { s += substr(data, i, 1) * w; w = 4 - w }
      return (10 - s % 10) % 10 }
    BEGIN {
      producers = 100; products = int(n / 1000); if (products < 1) products = 1
      print "id,name_vi,name_en" > dir "/issuers.csv"
      print "root,Sở Nông nghiệp (thử tải),Department of Agriculture (load test)" >> dir "/issuers.csv"
      print "certifier,Trung tâm Chứng nhận (thử tải),Certification Centre (load test)" >> dir "/issuers.csv"
      print "did,roles,gs1_prefixes,schemes" > dir "/trust-list.csv"
      print "certifier,certifier,,vietgap" >> dir "/trust-list.csv"
      print "id,certifier,holder,scheme,number,valid_from,valid_until" > dir "/certifications.csv"
      print "id,name_vi,gln,region,latitude,longitude" > dir "/facilities.csv"
      for (p = 0; p < producers; p++) {
        prefix = sprintf("89351%02d", p)
        printf "coop-%d,HTX số %d (thử tải),Cooperative %d (load test)\n", p, p, p >> dir "/issuers.csv"
        printf "coop-%d,producer,%s,\n", p, prefix >> dir "/trust-list.csv"
        printf "vg-%d,certifier,coop-%d,vietgap,VG-%06d,2026-01-01,2028-12-31\n", p, p, p >> dir "/certifications.csv"
        gln = prefix "00010"; printf "farm-%d,Vườn %d,%s%d,Tỉnh Hưng Yên,20.6,106.0\n", p, p, gln, check(gln) >> dir "/facilities.csv"
      }
      print "id,gtin,lot,producer,name_vi,name_en,production_date,expiry_date,facility,certifications" > dir "/products.csv"
      print "batch,step,time,facility,description_vi" > dir "/events.csv"
      for (i = 0; i < n; i++) {
        product = i % products; p = product % producers
        item = sprintf("%05d", int(product / producers))
        data = sprintf("89351%02d%s", p, item); gtin = "0" data check(data)
        lot = sprintf("L%07d", i)
        printf "b%d,%s,%s,coop-%d,Nhãn lồng lô %d,Longan lot %d,2026-11-%02d,2026-12-%02d,farm-%d,vg-%d\n", i, gtin, lot, p, i, i, 1 + i % 28, 1 + i % 28, p, p >> dir "/products.csv"
        printf "b%d,harvesting,2026-11-%02d 05:30,farm-%d,Thu hái\n", i, 1 + i % 28, p >> dir "/events.csv"
        printf "b%d,packing,2026-11-%02d 13:00,farm-%d,Đóng hộp\n", i, 1 + i % 28, p >> dir "/events.csv"
      }
    }'
}

report() { # SITE TIMEFILE LABEL
  local site="$1" timing="$2" label="$3"
  local seconds peak
  seconds="$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "${timing}")"
  peak="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2 / 1024}' "${timing}")"
  echo "${label}: wall ${seconds}, peak memory ${peak}"
}

echo "== generating ${n} batches in ${work}/data"
start=${SECONDS}
generate "${n}" "${work}/data"
echo "generated in $((SECONDS - start)) s: $(du -sh "${work}/data" | cut -f1) of CSV"
"${bin}" keys new --keys "${work}/keys" --issuer root >/dev/null
"${bin}" keys new --keys "${work}/keys" --issuer certifier >/dev/null
for p in $(seq 0 99); do "${bin}" keys new --keys "${work}/keys" --issuer "coop-${p}" >/dev/null; done
now="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
common=(--out "${work}/site" --base-url https://truyxuat.example.vn --keys "${work}/keys" --root root --no-labels)

echo "== first publish"
/usr/bin/time -v "${bin}" publish "${work}/data" "${common[@]}" --now "${now}" 2>"${work}/first.txt" >/dev/null || { cat "${work}/first.txt"; exit 1; }
grep '^published' "${work}/first.txt"
report "${work}/site" "${work}/first.txt" "first publish"
registry="${work}/site/registry"
echo "disk: registry $(du -sh "${registry}" | cut -f1), state $(du -h "${work}/site/state.json" | cut -f1)"
echo "files: $(find "${registry}" -type f | wc -l) ($(find "${registry}" -type f -name '*.gz' | wc -l) of them .gz)"
echo "largest folder: $(find "${registry}" -type f -printf '%h\n' | sort | uniq -c | sort -n | tail -1)"
echo "status lists: $(find "${registry}/status" -name '*.json' | wc -l)"

echo "== second publish, nothing changed"
/usr/bin/time -v "${bin}" publish "${work}/data" "${common[@]}" 2>"${work}/second.txt" >/dev/null || { cat "${work}/second.txt"; exit 1; }
grep '^published' "${work}/second.txt"
report "${work}/site" "${work}/second.txt" "second publish"

labels_n=$((n < 10000 ? n : 10000))
echo "== labels: ${labels_n} batches with SVG and PDF sheets"
generate "${labels_n}" "${work}/labels-data"
/usr/bin/time -v "${bin}" publish "${work}/labels-data" --out "${work}/labels-site" --base-url https://truyxuat.example.vn --keys "${work}/keys" --now "${now}" 2>"${work}/labels.txt" >/dev/null || { cat "${work}/labels.txt"; exit 1; }
grep '^published' "${work}/labels.txt"
report "${work}/labels-site" "${work}/labels.txt" "${labels_n} batches with labels"
echo "labels: $(du -sh "${work}/labels-site/labels" | cut -f1) for $(find "${work}/labels-site/labels" -name '*.pdf' | wc -l) PDF + SVG pairs"
[[ -n "${2:-}" ]] && echo "work dir (delete when done): ${work}"
exit 0
