#!/usr/bin/env bash
# Install (or check) everything needed to build, serve and test tracecheck on
# Debian 12 with rustup and node 20. Idempotent: each step checks what is
# there first, so a warm run takes a few seconds.
#
#   bash scripts/setup.sh       # run it
#   source scripts/setup.sh     # run it, then keep its PATH in this shell
#
# Steps: Chromium + chromedriver, Firefox ESR, WebKitWebDriver + Xvfb (apt), nginx and GNU time (apt, no service), wasm32 target, rustfmt + clippy,
# Trunk 0.21.14, wasm-bindgen-cli at the Cargo.lock version, Trunk.toml's
# wasm_bindgen synced to Cargo.lock, npm packages (wasm-opt 132,
# playwright-core, puppeteer-core, selenium-webdriver), `cargo fetch` (Trunk runs cargo with --offline).
# Nothing is downloaded from GitHub: only apt, crates.io and npm.

# Sourced: run this file as a child process (so its `set -e` and exits stay
# out of the caller's shell), then export the environment into the caller.
if [[ "${BASH_SOURCE[0]}" != "$0" ]]; then
  _tracecheck_setup_status=0
  bash "${BASH_SOURCE[0]}" "$@" || _tracecheck_setup_status=$?
  # shellcheck source=scripts/env.sh
  source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
  return "${_tracecheck_setup_status}"
fi

set -euo pipefail

# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "${TRACECHECK_ROOT}"

say() { printf '[setup] %s\n' "$*"; }
die() {
  printf '[setup] ERROR: %s\n' "$*" >&2
  exit 1
}

# Run a command as root: directly when we are root, else through sudo.
as_root() {
  if [[ "$(id -u)" -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root (or sudo) to run: $*"
  fi
}

# Print the version of package $1 recorded in Cargo.lock (first match).
cargo_lock_version() {
  awk -v want="\"$1\"" '
    /^\[\[package\]\]/ { name = "" }
    /^name = / { name = $3 }
    /^version = / && name == want { gsub(/"/, "", $3); print $3; exit }
  ' Cargo.lock
}

setup_started=${SECONDS}

# --- Browsers (Debian packages) ------------------------------------------------------
# Chromium + chromedriver (wasm-bindgen-test, the e2e suite), Firefox ESR
# (driven over WebDriver BiDi, which needs no geckodriver), WebKitGTK's
# WebKitWebDriver (with its MiniBrowser) and Xvfb, the display MiniBrowser needs.
browser_packages=(chromium chromium-driver firefox-esr webkit2gtk-driver xvfb)
browser_files=(/usr/bin/chromium /usr/bin/chromedriver /usr/bin/firefox-esr /usr/bin/WebKitWebDriver /usr/bin/Xvfb)
missing_browsers=()
for i in "${!browser_files[@]}"; do
  [[ -x "${browser_files[i]}" ]] || missing_browsers+=("${browser_packages[i]}")
done
if [[ ${#missing_browsers[@]} -eq 0 ]]; then
  say "browsers: present ($(/usr/bin/chromium --version 2>/dev/null || echo '?'); $(/usr/bin/firefox-esr --version 2>/dev/null || echo '?'); WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null || echo '?'))"
else
  say "browsers: installing ${missing_browsers[*]} with apt-get (a few minutes)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing_browsers[@]}"
  for file in "${browser_files[@]}"; do
    [[ -x "${file}" ]] || die "apt-get did not provide ${file}"
  done
fi

# --- nginx and GNU time (Debian packages) -------------------------------------------
# nginx for the registry-serving test: the test starts its own on 127.0.0.1
# (tests/e2e/nginx.test.mjs), so the package must not start a system
# service: invoke-rc.d is told no while it installs (policy-rc.d exit 101),
# unless the machine already says so. GNU time measures the publishing
# benchmark's peak memory (scripts/bench-publish.sh).
if [[ -x /usr/sbin/nginx && -x /usr/bin/time ]]; then
  say "nginx: present ($(/usr/sbin/nginx -v 2>&1 | sed 's/^nginx version: //')); GNU time: present"
else
  say "nginx, time: installing with apt-get (no service started)"
  made_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee /usr/sbin/policy-rc.d >/dev/null
    as_root chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  apt_install() { as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx time; }
  apt_install || { as_root env DEBIAN_FRONTEND=noninteractive apt-get update && apt_install; }
  if [[ ${made_policy} -eq 1 ]]; then
    as_root rm -f /usr/sbin/policy-rc.d
  fi
  [[ -x /usr/sbin/nginx && -x /usr/bin/time ]] || die "apt-get did not provide /usr/sbin/nginx and /usr/bin/time"
fi

# --- Rust toolchain ---------------------------------------------------------------
command -v rustup >/dev/null 2>&1 || die "rustup not found: install Rust with rustup first"
command -v cargo >/dev/null 2>&1 || die "cargo not found (is ~/.cargo/bin on PATH?)"
say "rust: $(rustc --version)"

if rustup target list --installed | grep -qx 'wasm32-unknown-unknown'; then
  say "target wasm32-unknown-unknown: present"
else
  say "target wasm32-unknown-unknown: adding"
  rustup target add wasm32-unknown-unknown
fi

installed_components="$(rustup component list --installed)"
for component in rustfmt clippy; do
  if grep -Eq "^${component}(-|\$)" <<<"${installed_components}"; then
    say "component ${component}: present"
  else
    say "component ${component}: adding"
    rustup component add "${component}"
  fi
done

# --- Trunk --------------------------------------------------------------------------
# 0.21.14 exactly: 0.22 needs a newer rustc.
trunk_have="$(trunk --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "${trunk_have}" == "${TRACECHECK_TRUNK_VERSION}" ]]; then
  say "trunk ${trunk_have}: present"
else
  say "trunk: have '${trunk_have:-none}', installing ${TRACECHECK_TRUNK_VERSION} (cargo install, about 10 minutes)"
  cargo install trunk --version "${TRACECHECK_TRUNK_VERSION}" --locked --force
fi

# --- wasm-bindgen-cli, at the version in Cargo.lock ----------------------------------
wasm_bindgen_version="$(cargo_lock_version wasm-bindgen)"
[[ -n "${wasm_bindgen_version}" ]] || die "no wasm-bindgen package in Cargo.lock"
bindgen_have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
runner_have="$(wasm-bindgen-test-runner --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "${bindgen_have}" == "${wasm_bindgen_version}" && "${runner_have}" == "${wasm_bindgen_version}" ]]; then
  say "wasm-bindgen-cli ${bindgen_have}: present (matches Cargo.lock)"
else
  say "wasm-bindgen-cli: have '${bindgen_have:-none}', Cargo.lock wants ${wasm_bindgen_version}; installing (about 4 minutes)"
  # No --locked: the lock file shipped with wasm-bindgen-cli pins crates that
  # the registry mirror here does not have.
  cargo install wasm-bindgen-cli --version "${wasm_bindgen_version}" --force
fi

# --- Trunk.toml [tools] wasm_bindgen = Cargo.lock's version ---------------------------
# Choice: rewrite Trunk.toml from Cargo.lock (the source of truth) rather than
# fail, so a `cargo update` that moves wasm-bindgen just works; the change is
# announced so it can be committed.
trunk_toml_version="$(sed -n 's/^wasm_bindgen *= *"\([^"]*\)".*/\1/p' Trunk.toml)"
if [[ "${trunk_toml_version}" == "${wasm_bindgen_version}" ]]; then
  say "Trunk.toml wasm_bindgen = ${trunk_toml_version}: matches Cargo.lock"
else
  sed -i "s/^wasm_bindgen *= *\"[^\"]*\"/wasm_bindgen = \"${wasm_bindgen_version}\"/" Trunk.toml
  grep -q "^wasm_bindgen = \"${wasm_bindgen_version}\"" Trunk.toml ||
    die "could not set [tools] wasm_bindgen = \"${wasm_bindgen_version}\" in Trunk.toml"
  say "Trunk.toml: UPDATED [tools] wasm_bindgen '${trunk_toml_version:-none}' -> '${wasm_bindgen_version}' to match Cargo.lock (commit this change)"
fi

# --- npm packages: wasm-opt (binaryen 132) and the browser drivers ------------------
command -v node >/dev/null 2>&1 || die "node not found (node 20 is required)"
command -v npm >/dev/null 2>&1 || die "npm not found"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[[ "${node_major}" -ge 20 ]] || die "node $(node --version) is too old: need node 20 or newer"

npm_reason=""
if [[ ! -d node_modules ]]; then
  npm_reason="node_modules is missing"
elif [[ ! -f package-lock.json ]]; then
  npm_reason="package-lock.json is missing"
elif [[ package-lock.json -nt node_modules || package.json -nt node_modules ]]; then
  npm_reason="package.json or package-lock.json changed"
elif ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "${TRACECHECK_WASM_OPT_VERSION}"; then
  npm_reason="node_modules/.bin/wasm-opt is not ${TRACECHECK_WASM_OPT_VERSION}"
else
  for driver in playwright-core puppeteer-core selenium-webdriver esbuild; do
    if [[ ! -f "node_modules/${driver}/package.json" ]]; then
      npm_reason="${driver} is missing"
      break
    fi
  done
fi
if [[ -z "${npm_reason}" ]]; then
  say "npm packages: present (wasm-opt ${TRACECHECK_WASM_OPT_VERSION}, playwright-core $(node -p 'require("./node_modules/playwright-core/package.json").version'))"
else
  # --ignore-scripts: nothing here needs an install script (so neither
  # puppeteer nor Playwright downloads a browser of its own).
  if [[ -f package-lock.json && ! package.json -nt package-lock.json ]]; then
    say "npm packages: ${npm_reason}; running npm ci"
    npm ci --ignore-scripts --no-audit --no-fund
  else
    say "npm packages: ${npm_reason}; running npm install (writes package-lock.json)"
    npm install --ignore-scripts --no-audit --no-fund
  fi
  touch node_modules
  node_modules/.bin/wasm-opt --version | grep -q "${TRACECHECK_WASM_OPT_VERSION}" ||
    die "node_modules/.bin/wasm-opt is not ${TRACECHECK_WASM_OPT_VERSION}"
fi
[[ "$(command -v wasm-opt)" == "${TRACECHECK_ROOT}/node_modules/.bin/wasm-opt" ]] ||
  die "wasm-opt on PATH is $(command -v wasm-opt), expected node_modules/.bin/wasm-opt"

# --- crates, so that Trunk's `cargo build --offline` finds them ----------------------
say "cargo fetch"
cargo fetch --quiet

# Not an install step, but the first thing a Trunk build trips over.
if tracecheck_require_trunk_buildable; then
  say "workspace: tracecheck-web is a default member (Trunk can build it)"
else
  say "WARNING: trunk build will fail until Cargo.toml is fixed (see above)"
fi

say "done in $((SECONDS - setup_started)) s"
