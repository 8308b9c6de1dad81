# shellcheck shell=bash
# Environment for the tracecheck scripts: source it, don't run it.
#   source scripts/env.sh
# Safe to source more than once and from an interactive shell: it only sets
# variables and defines one function (no `set -e`, no exit).

TRACECHECK_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TRACECHECK_ROOT

# Put a directory first on PATH, dropping any other copy of it.
_tracecheck_path_prepend() {
  local rest=":${PATH}:"
  while [[ "${rest}" == *":$1:"* ]]; do
    rest="${rest//":$1:"/:}"
  done
  rest="${rest#:}"
  rest="${rest%:}"
  PATH="$1${rest:+:${rest}}"
}
_tracecheck_path_prepend "${CARGO_HOME:-${HOME}/.cargo}/bin"
# First on PATH: npm's binaryen@132 wasm-opt must win over Debian's (too old).
_tracecheck_path_prepend "${TRACECHECK_ROOT}/node_modules/.bin"
unset -f _tracecheck_path_prepend
export PATH

# Pinned tool versions (wasm-bindgen comes from Cargo.lock, see setup.sh).
export TRACECHECK_TRUNK_VERSION="0.21.14"
export TRACECHECK_WASM_OPT_VERSION="version_132"

# Browser: the Debian package, never a downloaded one.
export TRACECHECK_CHROMIUM="${TRACECHECK_CHROMIUM:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export PUPPETEER_SKIP_DOWNLOAD=1
# The other two engines of the e2e suite (tests/e2e/engines/).
export TRACECHECK_FIREFOX="${TRACECHECK_FIREFOX:-/usr/bin/firefox-esr}"
export TRACECHECK_WEBKIT_DRIVER="${TRACECHECK_WEBKIT_DRIVER:-/usr/bin/WebKitWebDriver}"
# Chromium args for wasm-bindgen-test-runner (found from any crate directory).
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${TRACECHECK_ROOT}/webdriver.json"
# `cargo test --target wasm32-unknown-unknown` runs the tests through this.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER="${CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER:-wasm-bindgen-test-runner}"
# Chromium flags that work as root in a container (add --user-data-dir=<fresh
# dir> and, for a fake camera, --use-file-for-fake-video-capture=<file.y4m>).
export TRACECHECK_CHROMIUM_ARGS="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --use-fake-device-for-media-stream --use-fake-ui-for-media-stream"

# Trunk runs `cargo build --manifest-path Cargo.toml --bin tracecheck-web`
# without `-p`, so cargo only looks in the workspace's default-members: the
# root package "." must be one of them. Returns 1 with a message otherwise.
tracecheck_require_trunk_buildable() {
  local metadata
  metadata="$(cargo metadata --no-deps --format-version 1 --offline --manifest-path "${TRACECHECK_ROOT}/Cargo.toml")" || return 1
  if ! node -e '
    const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const names = new Map(m.packages.map((p) => [p.id, p.name]));
    const ok = (m.workspace_default_members ?? []).some((id) => names.get(id) === "tracecheck-web");
    process.exit(ok ? 0 : 1);
  ' <<<"${metadata}"; then
    printf '%s\n' \
      "ERROR: Trunk cannot build tracecheck-web: it runs" \
      "  cargo build --manifest-path Cargo.toml --bin tracecheck-web   (no -p)" \
      "and cargo then only searches [workspace] default-members. Add the root" \
      "package to them in Cargo.toml:" \
      "  default-members = [\".\", \"crates/tracecheck-core\", \"crates/tracecheck-cli\"]" >&2
    return 1
  fi
}
