#!/usr/bin/env bash
#! Architecture invariant (ARCHITECTURE.md): no product Rust source file over 900 lines. Tests may sit beside a
#! module in their own files (`tests.rs`, a `tests/` folder), which are not counted. Prints the largest files.
set -euo pipefail
cd "$(dirname "$0")/.."
limit=900
over=0
while IFS= read -r f; do
  n=$(wc -l <"$f")
  if [ "$n" -gt "$limit" ]; then
    echo "over $limit lines: $f ($n)"
    over=1
  fi
done < <(find core/src cli/src src workbench/src sheets/src -name '*.rs' -not -name 'tests.rs' -not -path '*/tests/*' | sort)
echo "largest product files:"
find core/src cli/src src workbench/src sheets/src -name '*.rs' -not -name 'tests.rs' -not -path '*/tests/*' -print0 \
  | xargs -0 wc -l | grep -v ' total$' | sort -rn | sed -n '1,5s/^/  /p'
exit "$over"
