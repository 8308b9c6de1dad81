# shellcheck shell=bash
# Sourced by the front-door scripts (serve.sh, test.sh): set up the machine
# (scripts/setup.sh), or with SKIP_SETUP=1 only take its environment
# (scripts/env.sh); then work from the repository root.
if [[ "${SKIP_SETUP:-0}" == 1 ]]; then
  # shellcheck source=scripts/env.sh
  source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
else
  # shellcheck source=scripts/setup.sh
  source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
fi
cd "${TRACECHECK_ROOT}" || exit
