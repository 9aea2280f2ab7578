#!/usr/bin/env bash
# Builds the site again from another content folder into OUT, reusing dist/'s app files as they are: the wasm is
# never rebuilt, because it cannot depend on the content. What scripts/build-archive.sh and
# scripts/build-drafted.sh share, once they have made their content folder.
#
#   scripts/build-content.sh CONTENT OUT
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/setup.sh --env

CONTENT="${1:?usage: scripts/build-content.sh CONTENT OUT}"
OUT="${2:?usage: scripts/build-content.sh CONTENT OUT}"
[[ -f dist/index.html ]] || scripts/build.sh

rm -rf "$OUT"
mkdir -p "$OUT"
# The app's files (wasm, JS, CSS, manifest, icons) and the page template; no route, data or worker of dist/.
find dist -maxdepth 1 -type f ! -name '*.html' ! -name 'sw.js' ! -name 'version.json' -exec cp {} "$OUT"/ \;
cp -r dist/icons "$OUT"/
cp dist/index.html "$OUT"/index.html
cargo run --quiet --offline --bin prerender -- "$OUT" "$CONTENT"
cargo run --quiet --offline --bin precache -- "$OUT"
