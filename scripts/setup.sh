#!/usr/bin/env bash
#! Idempotent install of everything the project needs on Debian 12 (registries only) or a rustup machine.
#! A second run is a quick no-op. Never downloads from GitHub: every tool comes from crates.io, npm, PyPI or apt.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

log() { printf '[setup] %s\n' "$*" >&2; }

TRUNK_VERSION=0.22.1
BINARYEN_VERSION=132.0.0
# wasm-bindgen-cli must equal the wasm-bindgen version that Cargo.lock resolves.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

apt_missing=()
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }
for p in chromium chromium-driver brotli fonts-noto-cjk poppler-utils; do need_pkg "$p"; done
# Python with venv for the peer benchmark's numpy (step 5).
command -v python3 >/dev/null || need_pkg python3
python3 -c 'import ensurepip' 2>/dev/null || need_pkg python3-venv

# 1. The wasm32 standard library: rustup if it answers in time, else Debian's rustc-web with build-std.
wasm_mode_file="$root/target/.wasm-toolchain"
mkdir -p "$root/target"
if command -v rustup >/dev/null && rustup target list --installed 2>/dev/null | grep -q wasm32-unknown-unknown; then
  echo rustup >"$wasm_mode_file"
elif command -v rustup >/dev/null && timeout 120 rustup target add wasm32-unknown-unknown >&2; then
  echo rustup >"$wasm_mode_file"
else
  log "rustup could not add wasm32-unknown-unknown: falling back to Debian rustc-web with build-std"
  for p in rustc-web cargo-web rust-web-src lld-22; do need_pkg "$p"; done
  echo debian >"$wasm_mode_file"
fi

if [ ${#apt_missing[@]} -gt 0 ]; then
  log "apt-get install ${apt_missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >&2
fi
if [ "$(cat "$wasm_mode_file")" = debian ] && command -v rustup >/dev/null; then
  rustup toolchain list | grep -q '^debian-web' || rustup toolchain link debian-web /usr
fi

# 2. Components used by check.sh.
if command -v rustup >/dev/null; then
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || timeout 120 rustup component add "$c" >&2 || true
  done
fi

# 3. Cargo tools at exact versions.
have_version() { command -v "$1" >/dev/null && "$1" --version 2>/dev/null | grep -q "$2"; }
if ! have_version trunk "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (~8 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version >&2
fi
if ! have_version wasm-bindgen "$WBG_VERSION"; then
  log "cargo install wasm-bindgen-cli $WBG_VERSION"
  # --locked fails: the registry lacks one locked dependency version.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" >&2
fi

# 4. npm: wasm-opt (binaryen 132; Debian's 108 breaks the module) and the end-to-end packages.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x "$root/.tools/node_modules/.bin/wasm-opt" ] || ! "$root/.tools/node_modules/.bin/wasm-opt" --version | grep -q "version ${BINARYEN_VERSION%%.*}"; then
  log "npm install binaryen@$BINARYEN_VERSION"
  mkdir -p "$root/.tools"
  (cd "$root/.tools" && [ -f package.json ] || echo '{"private":true}' >package.json; npm install --no-audit --no-fund --silent "binaryen@$BINARYEN_VERSION" >&2)
fi
if [ -f "$root/end2end/package.json" ]; then
  stamp="$root/end2end/node_modules/.setup-stamp"
  if [ ! -f "$stamp" ] || [ "$root/end2end/package-lock.json" -nt "$stamp" ]; then
    log "npm ci in end2end"
    (cd "$root/end2end" && npm ci --no-audit --no-fund --silent >&2 && touch "$stamp")
  fi
fi
# A Python package at an exact version in its own venv under .tools/, from PyPI: $1 venv, $2 distribution, $3
# version. Skipped when that version is already installed there.
pip_venv() {
  local venv="$root/.tools/$1"
  if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('$2') != '$3')" 2>/dev/null; then
    log "pip install $2 $3 into .tools/$1"
    mkdir -p "$root/.tools"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv" >&2
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$2==$3" >&2
  fi
}
# 5. numpy for the peer benchmark (bench/peers/, scripts/peer-bench.sh).
pip_venv peers-venv numpy 2.2.6
# 6. python-docx, a real .docx reader, for the journey that opens the app's Word report (report.spec.ts)
# (LibreOffice, the other reader, is ~400 MB: scripts/docx-render.sh only).
pip_venv reader-venv python-docx 1.2.0
log "ready (wasm toolchain: $(cat "$wasm_mode_file"), wasm-bindgen $WBG_VERSION)"
