#!/usr/bin/env bash
# Builds the site again with next week's page added the way an editor adds it: a raw page imported with
# `import --draft`, so its question bank is drafted by rules and nobody wrote a question for it. Page 000 keeps its
# hand-written bank. Reuses dist/'s app files as they are (the wasm never depends on the content). Used by the
# drafter's end-to-end test (tests/e2e/drafted.test.mjs).
#
#   scripts/build-drafted.sh [OUT]      (default target/e2e-drafted; the content goes to OUT-content)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/setup.sh --env

OUT="${1:-target/e2e-drafted}"
CONTENT="$OUT-content"
RAW="core/tests/fixtures/raw/four_quotations_in_one_box.txt"
rm -rf "$CONTENT"
mkdir -p "$CONTENT"
cp -r assets/content/000 "$CONTENT"/000
cargo run --quiet --offline --bin import -- "$RAW" --id 001 --date 2024-03-19 --issue 第10期 \
  --out "$CONTENT/001/page.md" --draft
scripts/build-content.sh "$CONTENT" "$OUT"
echo "build-drafted: page 001 with a drafted bank in $OUT"
