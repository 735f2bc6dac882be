#!/usr/bin/env bash
#! Issue 17: the CLI against a vectorised numpy peer (bench/peers/peers.py) on the same JSON input, each run as a
#! whole process (start, read, parse, compute, print), PEER_RUNS times (default 5) alternately, median.
#! Methods: ellison-glaeser on 1 000 000 firms × 100 towns, region on 1 000 000 firms × 100 towns × 97 industries,
#! location-quotient (97 industries). Every value of the peer's output must agree with the CLI's to 1e-9 relative.
#! Prints `peer_<method>_numpy_ms=…`, `peer_<method>_cli_ms=…`, `peer_<method>_ratio=…` (numpy / cli; the goal
#! for eg is ≥ 3). A report: exits 0 whatever the ratio, non-zero only when a run fails or values disagree.
#! CLUSTERCALC_BIN=path times another build instead of `cargo build --profile native -p clustercalc`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
py="$root/.tools/peers-venv/bin/python"
peers="$root/bench/peers/peers.py"
runs=${PEER_RUNS:-5}
firms=${PEER_FIRMS:-1000000}
towns=${PEER_TOWNS:-100}
work="$root/target/peer-bench"
mkdir -p "$work"

if ! "$py" -c 'import numpy' 2>/dev/null; then
  echo "numpy is missing from .tools/peers-venv: run scripts/setup.sh" >&2
  exit 1
fi
bin=${CLUSTERCALC_BIN:-}
if [ -z "$bin" ]; then
  start=$SECONDS
  cargo build --profile native -p clustercalc --quiet
  bin="$root/target/native/clustercalc"
  echo "peer_build_s=$((SECONDS - start))"
fi
echo "peer_load_before=\"$(uptime | sed 's/.*load average: //')\" (1, 5, 15 min; $(nproc) cores)"

# Inputs, made again only when the generator or the sizes change.
stamp="firms=$firms towns=$towns $(sha256sum "$peers" | cut -c1-16)"
if [ "$(cat "$work/inputs.stamp" 2>/dev/null)" != "$stamp" ]; then
  "$py" "$peers" gen eg "$work/eg.json" firms="$firms" towns="$towns"
  "$py" "$peers" gen region "$work/region.json" firms="$firms" towns="$towns"
  "$py" "$peers" gen lq "$work/lq.json"
  echo "$stamp" >"$work/inputs.stamp"
fi

now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m}'; }

# Times one whole-process run of "$@" with stdout to $out; fails the script when it fails.
timed() {
  local out=$1; shift
  local t0 t1
  t0=$(now_ms)
  if ! "$@" >"$out" 2>"$out.err"; then
    echo "run failed: $*" >&2
    cat "$out.err" >&2
    exit 1
  fi
  t1=$(now_ms)
  echo $((t1 - t0))
}

bench() {
  local kind=$1 method=$2 input="$work/$1.json" cli_times=() numpy_times=() k
  for ((k = 0; k < runs; k++)); do
    # Alternate which goes first so that a change of machine load falls on both.
    if ((k % 2 == 0)); then
      cli_times+=("$(timed "$work/$kind.cli.json" "$bin" method "$method" "$input")")
      numpy_times+=("$(timed "$work/$kind.numpy.json" "$py" "$peers" "$kind" "$input")")
    else
      numpy_times+=("$(timed "$work/$kind.numpy.json" "$py" "$peers" "$kind" "$input")")
      cli_times+=("$(timed "$work/$kind.cli.json" "$bin" method "$method" "$input")")
    fi
  done
  "$py" "$peers" compare "$kind" "$work/$kind.numpy.json" "$work/$kind.cli.json"
  local cli numpy
  cli=$(printf '%s\n' "${cli_times[@]}" | median)
  numpy=$(printf '%s\n' "${numpy_times[@]}" | median)
  echo "peer_${kind}_cli_runs_ms=\"${cli_times[*]}\" peer_${kind}_numpy_runs_ms=\"${numpy_times[*]}\""
  echo "peer_${kind}_numpy_ms=$numpy"
  echo "peer_${kind}_cli_ms=$cli"
  ratio=$(awk -v n="$numpy" -v c="$cli" 'BEGIN {printf "%.2f", n / (c > 0 ? c : 1)}')
  echo "peer_${kind}_ratio=$ratio"
}

bench eg ellison-glaeser
eg_ratio=$ratio
bench region region
bench lq location-quotient
echo "peer_load_after=\"$(uptime | sed 's/.*load average: //')\""
awk -v r="$eg_ratio" 'BEGIN {printf "peer_eg_goal=3 peer_eg_meets_goal=%s\n", (r >= 3 ? "yes" : "no")}'
