#!/usr/bin/env sh
#! Trunk post_build hook: replaces `__BUILD__` in the staged index.html and boot.js with a hash of the build's
#! wasm and js, the cache-busting key for modules whose names carry no hash (see src/js/boot.js).
set -eu
dir=${TRUNK_STAGING_DIR:?run by trunk}
build=$(cat "$dir"/*.wasm "$dir"/*.js | sha256sum | cut -c1-16)
for f in "$dir/index.html" "$dir/boot.js" "$dir/sw.js"; do
  sed -i "s/__BUILD__/$build/g" "$f"
done
# The service worker precaches every file of the build: the stamped module URLs the pages request, and the rest
# as they are named (example pages and data included, so that they work offline too).
files=$(cd "$dir" && find . -type f ! -name sw.js | sed 's|^\./||' | sort | while read -r f; do
  case "$f" in
    clustercalc-*.js|clustercalc-*_bg.wasm|boot.js) printf '"./%s?v=%s",' "$f" "$build" ;;
    *) printf '"./%s",' "$f" ;;
  esac
done)
sed -i "s|__FILES__|[\"./\",${files%,}]|" "$dir/sw.js"
# The skipped placeholder link has no meaning for the browser.
sed -i '/data-trunk-skip/d' "$dir/index.html"
