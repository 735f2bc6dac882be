#!/usr/bin/env bash
#! Runs one command with the wasm32 toolchain that scripts/setup.sh chose, without making it global:
#! rustup's wasm32 target when it was available, else Debian's rustc-web with build-std for this command only.
#! Usage: scripts/wasm-env.sh <command> [args…]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
export PATH="$root/.tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export TRUNK_OFFLINE=true
mode=$(cat "$root/target/.wasm-toolchain" 2>/dev/null || echo rustup)
if [ "$mode" = debian ]; then
  export RUSTUP_TOOLCHAIN=debian-web RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-22/bin/wasm-ld
fi
exec "$@"
