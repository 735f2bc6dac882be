#!/usr/bin/env bash
#! Fuzzes every parser and entry point that takes outside data (issue 6) with cargo-fuzz (libFuzzer, nightly).
#! Usage: scripts/fuzz.sh [runs-per-target] [target…]   (default 10 000 000 runs, every target)
#! Installs what it needs (nightly toolchain, cargo-fuzz) idempotently; seeds come from the bundled examples and
#! the golden method cases; the corpora grown by a run are kept in target/fuzz-corpus (not committed: only the
#! small seeds in fuzz/seeds are). Prints, per target, the executions done and whether it stopped cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=${1:-10000000}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset_json dataset_reader method_input share_link share_tamper import_table xlsx_read)
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

rustup toolchain list | grep -q '^nightly' || timeout 600 rustup toolchain install nightly --profile minimal >&2
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --version 0.13.2 --locked >&2

# Seeds: every bundled example (datasets and their share links) and every golden method input.
cargo build -q -p clustercalc
bin="$root/target/debug/clustercalc"
seeds="$root/target/fuzz-seeds"
rm -rf "$seeds" && mkdir -p "$seeds"/{dataset_json,dataset_reader,method_input,share_link,share_tamper,import_table,xlsx_read}
for d in fuzz/seeds/*/; do cp "$d"* "$seeds/$(basename "$d")/" 2>/dev/null || true; done
for name in datang xiqiao hunan-textile-town county tourism-town; do
  "$bin" example "$name" >"$seeds/dataset_json/$name.json"
  # dataset_reader: a piece-size byte, then the file.
  { printf '\x07'; cat "$seeds/dataset_json/$name.json"; } >"$seeds/dataset_reader/$name.json"
done
node -e '
  const fs = require("fs"), path = require("path");
  const [golden, out] = process.argv.slice(1);
  const methods = ["location-quotient","economic-base","concentration","ellison-glaeser","shift-share","keynes",
    "input-output","regionalize","ahp","gem","cagr","locational-gini","region","lq-dynamics"];
  let n = 0;
  for (const f of fs.readdirSync(golden)) {
    for (const c of JSON.parse(fs.readFileSync(path.join(golden, f)))) {
      const k = methods.indexOf(c.method);
      if (k < 0 || c.input === undefined) continue;
      fs.writeFileSync(path.join(out, `${f}-${n++}`), Buffer.concat([Buffer.from([k]), Buffer.from(JSON.stringify(c.input))]));
    }
  }' core/tests/golden "$seeds/method_input"

# Share links of the examples (core/src/share.rs): format 2 (version, CRC-32 of the JSON, raw deflate in
# base64url) and the first release's format 1 (no checksum), which is still read.
node -e '
  const fs = require("fs"), zlib = require("zlib"), path = require("path");
  const [from, out] = process.argv.slice(1);
  const table = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc32 = (b) => { let c = 0xffffffff; for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  for (const f of fs.readdirSync(from)) {
    const json = fs.readFileSync(path.join(from, f));
    const packed = zlib.deflateRawSync(json, { level: 9 }).toString("base64url");
    const crc = crc32(json).toString(16).padStart(8, "0");
    fs.writeFileSync(path.join(out, f.replace(/\.json$/, ".link")), `#share=2.${crc}.${packed}`);
    fs.writeFileSync(path.join(out, f.replace(/\.json$/, ".v1.link")), "#share=1." + packed);
  }' "$seeds/dataset_json" "$seeds/share_link"
# share_tamper edits one fixed link; its seeds are edit lists: the checksum's first digit, the version, a
# character in the data.
printf '\x02\x00\x30' >"$seeds/share_tamper/crc"
printf '\x00\x00\x33' >"$seeds/share_tamper/version"
printf '\x00\x08\x41' >"$seeds/share_tamper/data"

# CSV seeds: the import templates in both languages and a pasted (tab-separated) firm list.
printf '\xef\xbb\xbf行业代码,行业名称,就业人数（万人）,产值（亿元）\r\n1762,针织,0.6,15\r\n0511,茶,"1,200",-\r\n' >"$seeds/import_table/industries.csv"
printf 'firm name\tindustry code\trevenue (亿元)\tleading firm\tlocal sourcing share (%%)\nA\t1762\t4.2\tyes\t60\n' >"$seeds/import_table/firms.tsv"

corpus="$root/target/fuzz-corpus"
for t in "${targets[@]}"; do
  mkdir -p "$corpus/$t"
  log="$root/target/fuzz-$t.log"
  start=$(date +%s)
  # No sanitizer: the project's crates forbid unsafe code, so AddressSanitizer would find nothing that a panic
  # does not, at a third of the speed. Findings are panics, -timeout (a hang) and -rss_limit_mb (memory).
  if (cd fuzz && cargo +nightly fuzz run --sanitizer none --target-dir "$root/target/fuzz-build" "$t" "$corpus/$t" "$seeds/$t" -- \
        -runs="$runs" -max_len=65536 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1) >"$log" 2>&1; then
    status=clean
  else
    status="FAILED (see $log and fuzz/artifacts/$t)"
  fi
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "fuzz $t: executions=${execs:-0} seconds=$(( $(date +%s) - start )) $status"
done
