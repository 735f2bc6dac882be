#!/usr/bin/env bash
# Opens the CLI's .docx reports in a real word processor: LibreOffice (headless) converts each to PDF and
# pdftoppm draws its pages as PNG, to be looked at. Installs LibreOffice Writer (no GUI) from Debian's apt when it
# is missing; that step is not part of scripts/setup.sh (it is ~400 MB and only this check needs it).
#
#   scripts/docx-render.sh [OUT_DIR] [EXAMPLE…]     # default: target/docx-render, datang and hunan-textile-town
#
# Writes OUT_DIR/NAME-LANG.docx, .pdf and NAME-LANG-PAGE.png (60 dpi); fails if a file does not convert.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-target/docx-render}"
shift || true
examples=("$@")
[ ${#examples[@]} -gt 0 ] || examples=(datang hunan-textile-town)
mkdir -p "$out"

if ! command -v soffice >/dev/null 2>&1; then
  echo "installing libreoffice-writer-nogui (apt) …"
  start=$(date +%s)
  before=$(df --output=used -k / | tail -1)
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends \
    libreoffice-writer-nogui fonts-noto-cjk poppler-utils >/dev/null
  after=$(df --output=used -k / | tail -1)
  echo "installed in $(( $(date +%s) - start )) s, $(( (after - before) / 1024 )) MB on disk"
fi

cargo build -q -p clustercalc
bin=target/debug/clustercalc
for name in "${examples[@]}"; do
  for lang in zh en; do
    base="$out/$name-$lang"
    "$bin" report "$name" --lang "$lang" --format docx -o "$base.docx"
    # A private profile, so that a user's LibreOffice settings neither change nor block the conversion.
    soffice -env:UserInstallation="file://$PWD/$out/lo-profile" --headless --convert-to pdf \
      --outdir "$out" "$base.docx" >/dev/null 2>&1
    [ -s "$base.pdf" ] || { echo "FAIL: $base.docx did not convert to PDF"; exit 1; }
    pdftoppm -png -r 60 "$base.pdf" "$base"
    echo "$base.pdf: $(pdfinfo "$base.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages"
  done
done
