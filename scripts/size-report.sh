#!/usr/bin/env bash
#! Builds the release if needed and prints, per file in dist/, raw / gzip -9 / brotli sizes, then
#! `wire_gzip_bytes=N`: the gzip total of what the browser downloads before the first render.
#! Files listed in dist/lazy/ (loaded on first use) are shown separately and not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/index.html ]; then
  scripts/wasm-env.sh trunk build --release --offline >&2
fi
gz() { gzip -9 -c "$1" | wc -c; }
br() { if command -v brotli >/dev/null; then brotli -c -q 11 "$1" | wc -c; else echo "-"; fi; }
printf '%-48s %10s %10s %10s\n' file raw gzip brotli
total=0
while IFS= read -r f; do
  rel=${f#dist/}
  raw=$(wc -c <"$f"); g=$(gz "$f"); b=$(br "$f")
  case "$rel" in
    lazy/*|*.map) printf '%-48s %10s %10s %10s  (lazy, not counted)\n' "$rel" "$raw" "$g" "$b" ;;
    *.html|*.css|*.js|*.wasm) printf '%-48s %10s %10s %10s\n' "$rel" "$raw" "$g" "$b"; total=$((total + g)) ;;
    *) printf '%-48s %10s %10s %10s  (not fetched at start)\n' "$rel" "$raw" "$g" "$b" ;;
  esac
done < <(find dist -type f | sort)
echo "wire_gzip_bytes=$total"
