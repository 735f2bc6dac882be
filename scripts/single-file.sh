#!/usr/bin/env bash
#! The single-file build: dist-single/clustercalc.html, one HTML file with every module, stylesheet and wasm
#! inlined, for file:// and USB sticks (no server, no network). Needs the release build in dist/ (trunk build
#! --release, or scripts/check.sh) and the end-to-end npm packages (esbuild), which scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/clustercalc-workbench_bg.wasm ] || { echo "no release build in dist/: run trunk build --release first" >&2; exit 1; }
cd end2end && node single-file.mjs ../dist ../dist-single/clustercalc.html
