#!/usr/bin/env bash
# Installs the build/test tools that are missing (idempotent, fast when all present); source it to get PATH and CHROMEDRIVER.
#
# Run it:     scripts/setup.sh
# Source it:  source scripts/setup.sh         (the other scripts do this)
#             source scripts/setup.sh --env   (only the exports, installs nothing)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"

case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac
# node_modules/.bin first: trunk must find binaryen's wasm-opt (version pinned in package.json).
case ":$PATH:" in *":$REPO/node_modules/.bin:"*) ;; *) export PATH="$REPO/node_modules/.bin:$PATH" ;; esac
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# wasm-bindgen-test-runner timeouts in seconds (defaults 20 and 5 are tight on 2 cores).
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-30}"
# Chromium flags for wasm-bindgen-test (found from any working directory).
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="${WASM_BINDGEN_TEST_WEBDRIVER_JSON:-$REPO/webdriver.json}"

if [[ "${1:-}" == "--env" ]]; then
  return 0 2>/dev/null || exit 0
fi

# Prints "setup: <name>: already there" or runs the install and prints "installed (Ns)".
#   ensure NAME CHECK_COMMAND INSTALL_COMMAND
ensure() {
  local name="$1" check="$2" install="$3" start
  if eval "$check" >/dev/null 2>&1; then
    echo "setup: $name: already there"
    return
  fi
  start=$SECONDS
  echo "setup: $name: installing ..."
  eval "$install"
  if ! eval "$check" >/dev/null 2>&1; then
    echo "setup: $name: install finished but the check still fails: $check" >&2
    return 1
  fi
  echo "setup: $name: installed ($((SECONDS - start))s)"
}

# The wasm-bindgen version pinned in Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { found = 1; next }
       found && /^version = / { gsub(/"/, "", $3); print $3; exit }' "$REPO/Cargo.lock"
}

# node_modules is fresh when npm's hidden lockfile exists and is newer than package-lock.json.
node_modules_fresh() {
  [[ -f "$REPO/node_modules/.package-lock.json" ]] &&
    [[ ! "$REPO/package-lock.json" -nt "$REPO/node_modules/.package-lock.json" ]]
}

apt_install() {
  apt-get update -qq
  apt-get install -y -qq "$@" >/dev/null
}

# fonts-wqy-microhei (1.6 MB): a CJK font, so screenshots show Chinese text instead of boxes.
APT_PACKAGES=(chromium chromium-driver brotli fonts-wqy-microhei)
ensure "apt ${APT_PACKAGES[*]}" \
  "dpkg -s ${APT_PACKAGES[*]}" \
  "apt_install ${APT_PACKAGES[*]}"

ensure "rust target wasm32-unknown-unknown" \
  "rustup target list --installed | grep -x wasm32-unknown-unknown" \
  "rustup target add wasm32-unknown-unknown"

ensure "rustfmt + clippy" \
  "cargo fmt --version && cargo clippy --version" \
  "rustup component add rustfmt clippy"

ensure "trunk $TRUNK_VERSION" \
  "trunk --version | grep -x 'trunk $TRUNK_VERSION'" \
  "cargo install trunk --version $TRUNK_VERSION --locked"

WASM_BINDGEN_VERSION="$(wasm_bindgen_version)"
if [[ -z "$WASM_BINDGEN_VERSION" ]]; then
  echo "setup: no wasm-bindgen entry found in Cargo.lock" >&2
  exit 1
fi
# Not --locked: the CLI's own lockfile pins crates that no longer build with current Rust.
ensure "wasm-bindgen-cli $WASM_BINDGEN_VERSION" \
  "wasm-bindgen --version | grep -x 'wasm-bindgen $WASM_BINDGEN_VERSION' && command -v wasm-bindgen-test-runner" \
  "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION"

ensure "npm packages (package-lock.json)" \
  "node_modules_fresh" \
  "(cd '$REPO' && npm ci --no-audit --no-fund)"

ensure "crates in Cargo.lock (cargo fetch, for trunk --offline)" \
  "(cd '$REPO' && cargo fetch --offline)" \
  "(cd '$REPO' && cargo fetch)"
