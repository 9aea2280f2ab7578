#!/usr/bin/env bash
# Measures the release build (file sizes raw/gzip/brotli, what the bundled content adds) and prints markdown; never fails on a number.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

WORK="$(mktemp -d /tmp/xuexi-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

# Run a command with its output in a log; show the log only when it fails.
quietly() {
  local log="$WORK/log.txt"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench: failed: $*" >&2
    return 1
  fi
}

raw_bytes() { stat -c %s "$1"; }
gzip_bytes() { gzip -9 -c "$1" | wc -c; }
brotli_bytes() { brotli -q 11 -c "$1" | wc -c; }

# Files a first visit downloads: everything in dist except source maps and precompressed copies.
first_visit_files() {
  find "$1" -type f ! -name '*.map' ! -name '*.br' ! -name '*.gz' | sort
}

# Sum of the raw / brotli bytes of the .wasm files in a dist dir: "raw brotli".
wasm_totals() {
  local f raw=0 br=0
  while IFS= read -r f; do
    raw=$((raw + $(raw_bytes "$f")))
    br=$((br + $(brotli_bytes "$f")))
  done < <(find "$1" -type f -name '*.wasm')
  echo "$raw $br"
}

section_sizes() {
  local f rel raw gz br total_raw=0 total_gz=0 total_br=0
  echo "## Sizes of dist/ (bytes)"
  echo
  echo "| file | raw | gzip -9 | brotli -q 11 |"
  echo "| --- | ---: | ---: | ---: |"
  while IFS= read -r f; do
    rel="${f#dist/}"
    raw=$(raw_bytes "$f")
    gz=$(gzip_bytes "$f")
    br=$(brotli_bytes "$f")
    echo "| $rel | $raw | $gz | $br |"
  done < <(find dist -type f | sort)
  while IFS= read -r f; do
    total_raw=$((total_raw + $(raw_bytes "$f")))
    total_gz=$((total_gz + $(gzip_bytes "$f")))
    total_br=$((total_br + $(brotli_bytes "$f")))
  done < <(first_visit_files dist)
  echo "| **first visit total** (all but *.map) | **$total_raw** | **$total_gz** | **$total_br** |"
  echo
}

section_content_cost() {
  local with without
  # A second release build whose build.rs bundles an empty content archive.
  quietly env XUEXI_NO_CONTENT=1 trunk build --release --offline --dist "$WORK/dist-no-content"
  read -r -a with <<<"$(wasm_totals dist)"
  read -r -a without <<<"$(wasm_totals "$WORK/dist-no-content")"
  echo "## What the bundled content adds to the wasm (bytes)"
  echo
  echo "| build | wasm raw | wasm brotli -q 11 |"
  echo "| --- | ---: | ---: |"
  echo "| with content | ${with[0]} | ${with[1]} |"
  echo "| XUEXI_NO_CONTENT=1 | ${without[0]} | ${without[1]} |"
  echo "| **content adds** | **$((with[0] - without[0]))** | **$((with[1] - without[1]))** |"
  echo
}

# Later sections (load timings, Lighthouse scores, ...) go here as more section_* functions.

echo "bench: release build ..." >&2
quietly scripts/build.sh
source scripts/setup.sh --env

echo "# xuexi bench ($(git rev-parse --short --verify -q HEAD || echo 'no commit'), $(date -u +%Y-%m-%dT%H:%MZ))"
echo
section_sizes
echo "bench: second build with XUEXI_NO_CONTENT=1 ..." >&2
section_content_cost
# The last build left target/ built without content; dist/ still holds the real build.
