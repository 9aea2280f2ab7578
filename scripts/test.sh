#!/usr/bin/env bash
# The one command that runs every check and test (lint, unit, browser, release build, end-to-end); stops at the first failure.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

STEP_NAMES=()
STEP_SECONDS=()
STEP_RESULTS=()
TOTAL_START=$SECONDS

print_summary() {
  local i passed=0 failed=0 skipped=0
  echo
  echo "| step | seconds | result |"
  echo "| --- | ---: | --- |"
  for i in "${!STEP_NAMES[@]}"; do
    echo "| ${STEP_NAMES[$i]} | ${STEP_SECONDS[$i]} | ${STEP_RESULTS[$i]} |"
    case "${STEP_RESULTS[$i]}" in
      pass) passed=$((passed + 1)) ;;
      FAIL) failed=$((failed + 1)) ;;
      skipped) skipped=$((skipped + 1)) ;;
    esac
  done
  echo "| total | $((SECONDS - TOTAL_START)) | |"
  echo
  if ((skipped > 0)); then
    echo "summary: $passed passed, $failed failed, $skipped skipped"
  else
    echo "summary: $passed passed, $failed failed"
  fi
}

# step NAME COMMAND...: runs one step, times it, records pass/FAIL; on failure prints the summary and exits.
# A step that prints "SKIPPED:" as its last action and returns 3 is recorded as skipped.
step() {
  local name="$1" start=$SECONDS rc=0
  shift
  echo
  echo "=== $name"
  "$@" || rc=$?
  STEP_NAMES+=("$name")
  STEP_SECONDS+=($((SECONDS - start)))
  if ((rc == 0)); then
    STEP_RESULTS+=(pass)
  elif ((rc == 3)); then
    STEP_RESULTS+=(skipped)
  else
    STEP_RESULTS+=(FAIL)
    echo
    echo "test: step '$name' FAILED (exit $rc)" >&2
    print_summary
    exit 1
  fi
}

browser_tests() {
  if [[ ! -f tests/browser.rs ]]; then
    echo "SKIPPED: tests/browser.rs does not exist yet"
    return 3
  fi
  cargo test -p xuexi --target wasm32-unknown-unknown --test browser
}

e2e_tests() {
  node --test --test-timeout=600000 tests/e2e/*.test.mjs
}

# Steps run with set -e suspended (they are tested with ||), so multi-command steps are separate scripts.
step "setup" scripts/setup.sh
source scripts/setup.sh --env
step "cargo fmt --check" cargo fmt --all --check
step "clippy (host)" cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32: app and core)" cargo clippy -p xuexi -p xuexi-core --target wasm32-unknown-unknown --lib --bins -- -D warnings
step "cargo test (host: core, tools, app)" cargo test --workspace
step "browser tests (wasm32, headless chromium)" browser_tests
step "release build (scripts/build.sh)" scripts/build.sh
step "end-to-end tests (node --test tests/e2e)" e2e_tests

print_summary
