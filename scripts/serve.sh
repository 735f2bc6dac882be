#!/usr/bin/env bash
#! README command 1: installs what is missing, builds and serves the app on http://127.0.0.1:8080 with live reload.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec scripts/wasm-env.sh trunk serve --offline "$@"
