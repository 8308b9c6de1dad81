#!/usr/bin/env bash
# Front door 1: set up, build the web app and the CLI (release), and serve.
#
#   bash scripts/serve.sh                     # http://127.0.0.1:8080/
#   PORT=9000 bash scripts/serve.sh           # http://127.0.0.1:9000/
#   ADDR=0.0.0.0:8080 bash scripts/serve.sh   # ADDR wins over PORT
#   bash scripts/serve.sh --some-flag ...     # extra args go to `tracecheck serve`
#   SKIP_SETUP=1 bash scripts/serve.sh        # assume scripts/setup.sh already ran
set -euo pipefail

# shellcheck source=scripts/prepare.sh
source "$(dirname "${BASH_SOURCE[0]}")/prepare.sh"

addr="${ADDR:-127.0.0.1:${PORT:-8080}}"

tracecheck_require_trunk_buildable
printf '[serve] trunk build --release\n'
trunk build --release
printf '[serve] cargo build --release -p tracecheck-cli\n'
cargo build --release -p tracecheck-cli
printf '[serve] serving dist/ on http://%s/\n' "${addr}"
exec target/release/tracecheck serve --dist dist --addr "${addr}" "$@"
