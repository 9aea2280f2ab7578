#!/usr/bin/env bash
# Builds the release app and serves dist/ on http://127.0.0.1:$PORT/ (default 8080; BASE_PATH=/sub/ to serve under a sub-path).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
scripts/build.sh

exec node tests/e2e/serve.mjs --root dist --port "${PORT:-8080}" --base "${BASE_PATH:-/}"
