#!/usr/bin/env bash
#! Builds the release if needed and prints, per file in dist/, raw / gzip -9 / brotli sizes, then
#! `wire_gzip_bytes=N`: the gzip total of what the browser downloads before the first render.
#! "Before the first render" = index.html, the files it references (css, js, the wasm its init script loads) and
#! the modules those scripts import statically (wasm-bindgen snippets). Everything else in dist/ (the workbench,
#! loaded when the user leaves the start screen, and later modules) is listed as lazy and not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/index.html ]; then
  scripts/wasm-env.sh trunk build --release --offline >&2
fi
gz() { gzip -9 -c "$1" | wc -c; }
br() { if command -v brotli >/dev/null; then brotli -c -q 11 "$1" | wc -c; else echo "-"; fi; }

# The first-download set, by following references from index.html.
declare -A first=([index.html]=1)
refs() { grep -oE "(\./|\"|')[A-Za-z0-9_./-]+\.(js|wasm|css)" "$1" | sed -E "s#^[\"']##; s#^\./##" | sort -u; }
for r in $(refs dist/index.html); do
  [ -f "dist/$r" ] && first[$r]=1
done
for r in "${!first[@]}"; do
  case "$r" in
    *.js) for s in $(grep -oE "from *[\"']\./snippets/[^\"']+" "dist/$r" | sed -E "s#^from *[\"']\./##"); do first[$s]=1; done ;;
  esac
done

printf '%-56s %10s %10s %10s\n' file raw gzip brotli
total=0
lazy=0
while IFS= read -r f; do
  rel=${f#dist/}
  case "$rel" in .trunk-lock|*.map) continue ;; esac
  raw=$(wc -c <"$f"); g=$(gz "$f"); b=$(br "$f")
  if [ -n "${first[$rel]:-}" ]; then
    printf '%-56s %10s %10s %10s\n' "$rel" "$raw" "$g" "$b"; total=$((total + g))
  else
    printf '%-56s %10s %10s %10s  (lazy, not counted)\n' "$rel" "$raw" "$g" "$b"; lazy=$((lazy + g))
  fi
done < <(find dist -type f | sort)
echo "lazy_gzip_bytes=$lazy"
# What every user downloads after the start screen: the workbench module, wasm + its JS glue (issue 17's budget).
wb=0
for f in dist/clustercalc-workbench_bg.wasm dist/clustercalc-workbench.js; do
  [ -f "$f" ] && wb=$((wb + $(gz "$f")))
done
echo "workbench_gzip_bytes=$wb (goal ≤ 409600)"
echo "wire_gzip_bytes=$total"
