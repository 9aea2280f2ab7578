#!/usr/bin/env bash
# Measures the release build (sizes and the first-visit total, what the content adds, Lighthouse, time to interactive, answer feedback, search) and prints markdown; never fails on a number.
#
# Tables go to stdout, progress to stderr; it takes a few minutes. A measurement that cannot run is
# reported in its section, the others still run, and the exit status is 1 at the end.
# LIGHTHOUSE_RUNS (default 3), LOADS (default 10) and ANSWERS (default 15) set the sample counts.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

WORK="$(mktemp -d /tmp/xuexi-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
BENCH="tests/e2e/bench"
# Lighthouse's HTML reports (first run of each page) are kept here for a closer look.
REPORTS="$REPO/target/bench"
FAILED=()

# Run a command with its output in a log; show the log only when it fails.
quietly() {
  local log="$WORK/log.txt"
  if ! "$@" >"$log" 2>&1; then
    cat "$log" >&2
    echo "bench: failed: $*" >&2
    return 1
  fi
}

# section NAME COMMAND...: runs one section; if it fails, says so in the output and carries on.
section() {
  local name="$1"
  shift
  if ! "$@"; then
    FAILED+=("$name")
    echo "**$name: could not be measured** (the error is on stderr)."
    echo
  fi
}

section_sizes() {
  node "$BENCH/sizes.mjs" "$SITE" --json "$WORK/sizes.json"
}

section_content_cost() {
  local with without
  # A second release build whose build.rs bundles an empty content archive, in its own target
  # dir: it leaves target/ (and so everyone's next incremental build) alone.
  echo "bench: second build with XUEXI_NO_CONTENT=1 (target/bench-no-content) ..." >&2
  quietly env XUEXI_NO_CONTENT=1 CARGO_TARGET_DIR="$REPO/target/bench-no-content" \
    trunk build --release --offline --dist "$WORK/dist-no-content" || return 1
  read -r -a with <<<"$(node "$BENCH/sizes.mjs" --wasm-total "$SITE")"
  read -r -a without <<<"$(node "$BENCH/sizes.mjs" --wasm-total "$WORK/dist-no-content")"
  echo "## What the bundled content adds to the wasm (bytes)"
  echo
  echo "| build | wasm raw | wasm brotli -q 11 | code section | data section |"
  echo "| --- | ---: | ---: | ---: | ---: |"
  echo "| with content | ${with[0]} | ${with[1]} | ${with[2]} | ${with[3]} |"
  echo "| XUEXI_NO_CONTENT=1 | ${without[0]} | ${without[1]} | ${without[2]} | ${without[3]} |"
  echo "| **content adds** | **$((with[0] - without[0]))** | **$((with[1] - without[1]))** | $((with[2] - without[2])) | $((with[3] - without[3])) |"
  echo
  echo "The data section's growth is the content itself (its text and the statics around it). The code grows too"
  echo "because with empty statics the optimiser proves most page, quiz and search code unreachable and drops it,"
  echo "so the total overstates what the content data costs."
  echo
}

# Brotli copies next to the files a host would compress (images are compressed already), so the
# local server answers as a brotli-serving host does. Only in the bench's copy, never in dist/.
precompress() {
  find "$1" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' \
    -o -name '*.json' -o -name '*.webmanifest' -o -name '*.txt' \) -exec brotli -q 11 -k {} +
}

section_lighthouse() {
  node "$BENCH/lighthouse.mjs" --root "$SITE" --runs "${LIGHTHOUSE_RUNS:-3}" \
    --json "$WORK/lighthouse.json" --reports "$REPORTS"
}

section_timings() {
  node "$BENCH/timings.mjs" --root "$SITE" --loads "${LOADS:-10}" --answers "${ANSWERS:-15}" \
    --json "$WORK/timings.json"
}

section_search() {
  echo "bench: search (cargo run --release --bin bench_search) ..." >&2
  if ! cargo run --release --offline --quiet --bin bench_search >"$WORK/search.md" 2>"$WORK/search.log"; then
    cat "$WORK/search.log" >&2
    return 1
  fi
  echo "## Search query time (native, cargo run --release --bin bench_search)"
  echo
  cat "$WORK/search.md"
  echo
}

section_targets() {
  node "$BENCH/summary.mjs" --sizes "$WORK/sizes.json" --lighthouse "$WORK/lighthouse.json" \
    --timings "$WORK/timings.json" --search "$WORK/search.md"
}

echo "bench: release build ..." >&2
quietly scripts/build.sh
source scripts/setup.sh --env

# Measure a snapshot: a build someone starts meanwhile rewrites dist/, and the .br copies stay out of it.
SITE="$WORK/site"
cp -a dist "$SITE"
rm -rf "$SITE/.stage"

echo "# xuexi bench ($(git rev-parse --short --verify -q HEAD || echo 'no commit'), $(date -u +%Y-%m-%dT%H:%MZ))"
echo
# Timings depend on what else the machine is doing: say how busy it was.
echo "Machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start."
echo
section "sizes" section_sizes
section "content cost" section_content_cost
echo "bench: brotli -q 11 copies for the local server ..." >&2
precompress "$SITE"
section "Lighthouse" section_lighthouse
section "timings" section_timings
section "search" section_search
section "targets" section_targets
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "Lighthouse reports (first run per page): $REPORTS/lighthouse-*.html"

if ((${#FAILED[@]} > 0)); then
  echo "bench: could not measure: ${FAILED[*]}" >&2
  exit 1
fi
