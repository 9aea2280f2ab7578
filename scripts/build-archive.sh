#!/usr/bin/env bash
# Builds the site again for a synthetic archive of N weekly pages (tools/src/bin/synth_archive.rs) into OUT
# (default target/dist-archive-N), reusing dist/'s app files as they are: the wasm is never rebuilt, because it
# cannot depend on the content. Used by the benchmark (52 pages) and the archive's end-to-end tests (3 pages).
#
#   scripts/build-archive.sh N [OUT]
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/setup.sh --env

N="${1:?usage: scripts/build-archive.sh N [OUT]}"
OUT="${2:-target/dist-archive-$N}"
CONTENT="target/archive-content-$N"
cargo run --quiet --offline --bin synth_archive -- "$CONTENT" "$N"
scripts/build-content.sh "$CONTENT" "$OUT"
echo "build-archive: $N pages in $OUT"
