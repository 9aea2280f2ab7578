#!/usr/bin/env bash
# Release build of the app into dist/: trunk (offline), prerender (data files and one file per route), precache (app meta, version, sw.js); then any post-build hooks.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/setup.sh

export DIST="$REPO/dist"
trunk build --release --offline --dist "$DIST"

# The content as data (dist/data/: each page's content and questions, and the catalog), every
# question checked against its page; then one HTML file per route: Trunk's index.html with the
# route's <base href>, title, and the app prerendered by Yew's server renderer. CONTENT_DIR
# builds another archive (the benchmark's 52 pages). (Native debug builds: the test command has
# compiled them already, and they take seconds.)
cargo run --quiet --offline --bin prerender -- "$DIST" ${CONTENT_DIR:+"$CONTENT_DIR"}
# Last, because it hashes the final files: replaces Trunk's inline loader with the app meta,
# stamps the version into every HTML file, writes sw.js (every file, its revision, and whether
# it is cached up front) and version.json.
cargo run --quiet --offline --bin precache -- "$DIST"

# ---- post-build steps ------------------------------------------------------------------
# Every scripts/postbuild/*.sh runs here, in name order, with $DIST set (later:
# precompression). They run after precache, so they must not change a file it listed
# (new .br/.gz copies are fine: the service worker skips them). None exist yet.
if compgen -G "scripts/postbuild/*.sh" >/dev/null; then
  for hook in scripts/postbuild/*.sh; do
    echo "build: post-build hook $hook"
    bash "$hook"
  done
fi
# -----------------------------------------------------------------------------------------

echo "build: done, output in $DIST"
