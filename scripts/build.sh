#!/usr/bin/env bash
# Release build of the app into dist/ with trunk (offline), then runs any post-build hooks.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
source scripts/setup.sh

export DIST="$REPO/dist"
trunk build --release --offline --dist "$DIST"

# ---- post-build steps ------------------------------------------------------------------
# Every scripts/postbuild/*.sh runs here, in name order, with $DIST set
# (later: prerendering, service-worker generation, precompression). None exist yet.
if compgen -G "scripts/postbuild/*.sh" >/dev/null; then
  for hook in scripts/postbuild/*.sh; do
    echo "build: post-build hook $hook"
    bash "$hook"
  done
fi
# -----------------------------------------------------------------------------------------

echo "build: done, output in $DIST"
