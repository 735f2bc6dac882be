#!/usr/bin/env bash
#! README command 2 and exactly what CI runs, fastest first: setup, fmt, clippy (native and wasm32), native tests,
#! the core's wasm32 build and its dependency boundary, the release build with its size report, component tests
#! in headless Chromium, and Playwright journeys against the release build (with the performance reports: first
#! render, edit -> repaint, and the million-firm county in the analysis worker). Ends with `N passed, N failed`
#! counting every test of every layer (each gate such as fmt or clippy counts as one); exits non-zero on failure.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
logs="$root/target/check-logs"
mkdir -p "$logs"
export PATH="$root/.tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never

passed=0
failed=0
failures=()

bash scripts/setup.sh || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }

# Adds the counts from a cargo/libtest log ("test result: ok. N passed; M failed").
count_libtest() {
  local p f
  p=$(grep -Eo 'test result: [a-zA-Z]+\. [0-9]+ passed' "$1" | awk '{s+=$4} END {print s+0}')
  f=$(grep -Eo '; [0-9]+ failed' "$1" | awk '{s+=$2} END {print s+0}')
  passed=$((passed + p)); failed=$((failed + f))
  echo "    $p passed, $f failed"
}

# Runs one step; $1 = name, $2 = how to count ("gate", "libtest", "playwright"), rest = command.
step() {
  local name=$1 kind=$2; shift 2
  local log="$logs/$name.log" start=$SECONDS rc=0
  printf '==> %s\n' "$name"
  "$@" >"$log" 2>&1 || rc=$?
  printf '    %ss, exit %s\n' "$((SECONDS - start))" "$rc"
  case "$kind" in
    libtest) count_libtest "$log" ;;
    playwright) count_playwright ;;
  esac
  if [ "$rc" -ne 0 ]; then
    failures+=("$name")
    [ "$kind" = gate ] && failed=$((failed + 1))
    # A runner that died before reporting still counts as a failure.
    [ "$kind" != gate ] && ! grep -q 'failed' "$log" && failed=$((failed + 1))
    tail -n 40 "$log" | sed 's/^/    | /'
  elif [ "$kind" = gate ]; then
    passed=$((passed + 1))
  fi
}

count_playwright() {
  local json="$root/end2end/test-results/results.json" p=0 f=0
  if [ -f "$json" ]; then
    read -r p f < <(node -e 'const s=require(process.argv[1]).stats; console.log(s.expected, s.unexpected + s.flaky)' "$json")
  fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "    $p passed, $f failed"
}

core_has_no_web_dependency() {
  local forbidden="leptos|web-sys|js-sys|wasm-bindgen|gloo|getrandom|rand|tokio|chrono"
  local tree
  tree=$(cargo tree -p clustercalc-core -e normal --prefix none --target wasm32-unknown-unknown) || return 1
  echo "$tree"
  if echo "$tree" | grep -Eq "^($forbidden)( |$)"; then
    echo "core depends on a web or host crate:"; echo "$tree" | grep -E "^($forbidden)( |$)"; return 1
  fi
}

release_build() {
  rm -rf dist
  scripts/wasm-env.sh trunk build --release --offline
}

# A free local port, so that a server left running (or another checkout's run) cannot fail the journeys.
free_port() {
  node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

playwright() {
  rm -rf end2end/test-results
  (cd end2end && E2E_PORT=$(free_port) E2E_APP_PORT=$(free_port) CLUSTERCALC_BIN="$root/target/debug/clustercalc" npx playwright test)
}

step fmt gate cargo fmt --all -- --check
step clippy-native gate cargo clippy --workspace --all-targets -- -D warnings
step clippy-wasm32 gate scripts/wasm-env.sh cargo clippy -p clustercalc-web -p clustercalc-workbench -p clustercalc-core --target wasm32-unknown-unknown -- -D warnings
step test-native libtest cargo test --workspace --no-fail-fast
step core-wasm32-build gate scripts/wasm-env.sh cargo build -p clustercalc-core --target wasm32-unknown-unknown
step core-no-web-deps gate core_has_no_web_dependency
step file-sizes gate scripts/file-sizes.sh
step cli-build gate cargo build -p clustercalc
step release-build gate release_build
step size-report gate scripts/size-report.sh
step single-file gate scripts/single-file.sh
cat "$logs/size-report.log" 2>/dev/null | sed 's/^/    /'
step first-render gate bash -c "cd end2end && node perf/first-render.mjs ../dist $(free_port)"
sed 's/^/    /' "$logs/first-render.log"
step edit-repaint gate bash -c "cd end2end && CLUSTERCALC_BIN='$root/target/debug/clustercalc' node perf/edit-repaint.mjs ../dist $(free_port)"
sed 's/^/    /' "$logs/edit-repaint.log"
# Issue 19: undo on a 30 000-firm town keeps one firm list for edits that leave the firms alone. A report.
step undo-memory gate bash -c "cd end2end && CLUSTERCALC_BIN='$root/target/debug/clustercalc' node perf/undo-memory.mjs ../dist $(free_port)"
sed 's/^/    /' "$logs/undo-memory.log"
# Issue 6: a county with 1 000 000 firms analysed in the worker (long tasks, memory). A report, not a timed test.
step big-county gate bash -c "cd end2end && CLUSTERCALC_BIN='$root/target/debug/clustercalc' node perf/big-county.mjs ../dist $(free_port)"
sed 's/^/    /' "$logs/big-county.log"
# Issue 17: the native CLI against a vectorised numpy peer on the same JSON (EG and region mode on 1 000 000 firms ×
# 100 towns, LQ), whole process, median of 5. A report: fails only when a run fails or the values disagree.
step peer-bench gate scripts/peer-bench.sh
sed 's/^/    /' "$logs/peer-bench.log"
step test-wasm-chromium libtest scripts/wasm-env.sh cargo test -p clustercalc-web --target wasm32-unknown-unknown --no-fail-fast
step playwright playwright playwright

if [ ${#failures[@]} -gt 0 ]; then
  echo "failed steps: ${failures[*]} (logs in target/check-logs/)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ ${#failures[@]} -eq 0 ]
