#!/usr/bin/env bash
# Measures the release build (sizes and the first-visit total, what a year of weekly pages costs, Lighthouse, time to interactive, answer feedback, search, 支部学习's code extraction) and prints markdown; never fails on a number.
#
# Tables go to stdout, progress to stderr; it takes a few minutes. A measurement that cannot run is
# reported in its section, the others still run, and the exit status is 1 at the end.
# LIGHTHOUSE_RUNS (default 3), LOADS (default 10) and ANSWERS (default 15) set the sample counts;
# SKIP_BUILD=1 measures dist/ as it is instead of building it first (on a machine shared with other builds).
# The archive section rebuilds the site for 52 and 53 synthetic pages (scripts/build-archive.sh, the wasm
# untouched) and installs twiggy 0.8.0 with cargo when it is missing.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

WORK="$(mktemp -d /tmp/xuexi-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
BENCH="tests/e2e/bench"
# Lighthouse's HTML reports (first run of each page) are kept here for a closer look.
REPORTS="$REPO/target/bench"
FAILED=()
# A year of weekly pages (issue 12's archive; its size is set beside the targets), and next week's page added.
ARCHIVE_PAGES="$(node --input-type=module -e "import { ARCHIVE_PAGES } from './$BENCH/targets.mjs'; console.log(ARCHIVE_PAGES);")"
YEAR="$WORK/archive-$ARCHIVE_PAGES"
NEXT="$WORK/archive-$((ARCHIVE_PAGES + 1))"
# The week before the year: its update to the year closes a volume of the catalog (the dearest week of a quarter).
BEFORE="$WORK/archive-$((ARCHIVE_PAGES - 1))"
TWIGGY_VERSION="0.8.0"

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

section_archive() {
  local twiggy=()
  # From dist/'s app files as they are (not from the snapshot: build-archive.sh takes dist/), in the bench's own folder.
  echo "bench: archives of $((ARCHIVE_PAGES - 1)), $ARCHIVE_PAGES and $((ARCHIVE_PAGES + 1)) pages (scripts/build-archive.sh) ..." >&2
  quietly scripts/build-archive.sh "$ARCHIVE_PAGES" "$YEAR" || return 1
  quietly scripts/build-archive.sh "$((ARCHIVE_PAGES + 1))" "$NEXT" || return 1
  quietly scripts/build-archive.sh "$((ARCHIVE_PAGES - 1))" "$BEFORE" || return 1
  if wasm_items "$WORK/twiggy.json"; then
    twiggy=(--twiggy "$WORK/twiggy.json")
  else
    FAILED+=("wasm make-up (twiggy)")
  fi
  node "$BENCH/archive.mjs" --one "$SITE" --year "$YEAR" --next "$NEXT" --before "$BEFORE" "${twiggy[@]}" \
    --json "$WORK/archive.json"
}

# wasm_items FILE: `twiggy top` as JSON of the wasm before wasm-bindgen and wasm-opt (its function names are
# there), installing twiggy when it is missing.
wasm_items() {
  if ! command -v twiggy >/dev/null; then
    echo "bench: twiggy is missing: cargo install twiggy --version $TWIGGY_VERSION --locked ..." >&2
    quietly cargo install twiggy --version "$TWIGGY_VERSION" --locked || return 1
  fi
  if [[ ! -f "$WORK/xuexi.wasm" ]]; then
    echo "bench: no target/wasm32-unknown-unknown/release/xuexi.wasm beside dist/: nothing for twiggy" >&2
    return 1
  fi
  echo "bench: twiggy top on the wasm before wasm-opt ..." >&2
  twiggy top -f json "$WORK/xuexi.wasm" >"$1"
}

# precompress PATH...: brotli copies next to the files a host would compress (images are compressed already),
# under each folder given or of each file given, so the local server answers as a brotli-serving host does. Only in
# the bench's copies, never in dist/.
precompress() {
  find "$@" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' -o -name '*.svg' \
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

# The returning reader on the year's archive: home, and an item and a quiz of the current page. Only what those
# loads fetch gets a brotli copy (the site's top-level files, icons, data and that page's folder), not 1,400 routes.
section_archive_timings() {
  local current
  current="$(printf '%03d' $((ARCHIVE_PAGES - 1)))"
  if [[ ! -f "$YEAR/sw.js" ]]; then
    echo "bench: no $ARCHIVE_PAGES-page archive (the archive section failed)" >&2
    return 1
  fi
  echo "bench: brotli -q 11 copies in the $ARCHIVE_PAGES-page archive ..." >&2
  precompress "$YEAR"/*.* "$YEAR/icons" "$YEAR/data" "$YEAR/$current"
  node "$BENCH/timings.mjs" --root "$YEAR" --page "$current" --only returning --label "$ARCHIVE_PAGES pages" \
    --loads "${LOADS:-10}" --json "$WORK/archive-timings.json"
}

# Issue 17: a first visit's first tap on a slow phone (CPU ×6, 150 ms latency, 1.6 Mbps), at once and after 5 s.
section_slow_timings() {
  node "$BENCH/timings.mjs" --root "$SITE" --only slow --json "$WORK/slow-timings.json"
}

# native_bench BIN NAME TITLE: runs the native benchmark BIN (release) into $WORK/NAME.md and prints it under TITLE.
native_bench() {
  local bin="$1" name="$2" title="$3"
  echo "bench: $name (cargo run --release --bin $bin) ..." >&2
  if ! cargo run --release --offline --quiet --bin "$bin" >"$WORK/$name.md" 2>"$WORK/$name.log"; then
    cat "$WORK/$name.log" >&2
    return 1
  fi
  echo "## $title"
  echo
  cat "$WORK/$name.md"
  echo
}

section_search() {
  native_bench bench_search search "Search query time (native, cargo run --release --bin bench_search)"
}

# The question drafter (issue 13): the time to draft page 000 and the quality report.
section_drafter() {
  native_bench bench_draft drafter "Question drafter on page 000 (native, cargo run --release --bin bench_draft; target < 1 s)"
}

# 支部学习 (issue 14): extracting codes from a pasted chat and a code's length, against their targets.
section_branch() {
  native_bench bench_branch branch "支部学习 (native, cargo run --release --bin bench_branch)" || return 1
  node "$BENCH/branch.mjs" "$WORK/branch.md"
}

section_targets() {
  node "$BENCH/summary.mjs" --sizes "$WORK/sizes.json" --lighthouse "$WORK/lighthouse.json" \
    --timings "$WORK/timings.json" --search "$WORK/search.md" --archive "$WORK/archive.json" \
    --archive-timings "$WORK/archive-timings.json" --slow-timings "$WORK/slow-timings.json"
}

if [[ "${SKIP_BUILD:-0}" == 1 && -f dist/index.html ]]; then
  echo "bench: SKIP_BUILD=1: measuring dist/ as it is" >&2
else
  echo "bench: release build ..." >&2
  quietly scripts/build.sh
fi
source scripts/setup.sh --env

# Measure a snapshot: a build someone starts meanwhile rewrites dist/, and the .br copies stay out of it.
SITE="$WORK/site"
cp -a dist "$SITE"
rm -rf "$SITE/.stage"
# The wasm as rustc left it, before wasm-bindgen and wasm-opt: what twiggy reads function names from.
cp target/wasm32-unknown-unknown/release/xuexi.wasm "$WORK/xuexi.wasm" 2>/dev/null || true

echo "# xuexi bench ($(git rev-parse --short --verify -q HEAD || echo 'no commit'), $(date -u +%Y-%m-%dT%H:%MZ))"
echo
# Timings depend on what else the machine is doing: say how busy it was.
echo "Machine: $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min) at the start."
echo
section "sizes" section_sizes
section "archive" section_archive
echo "bench: brotli -q 11 copies for the local server ..." >&2
precompress "$SITE"
section "Lighthouse" section_lighthouse
section "timings" section_timings
section "archive timings" section_archive_timings
section "slow phone timings" section_slow_timings
section "search" section_search
section "drafter" section_drafter
section "branch" section_branch
section "targets" section_targets
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "Lighthouse reports (first run per page): $REPORTS/lighthouse-*.html"

if ((${#FAILED[@]} > 0)); then
  echo "bench: could not measure: ${FAILED[*]}" >&2
  exit 1
fi
