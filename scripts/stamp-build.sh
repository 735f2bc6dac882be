#!/usr/bin/env sh
#! Trunk post_build hook: replaces `__BUILD__` in the staged index.html and boot.js with a hash of the build's
#! wasm and js, the cache-busting key for modules whose names carry no hash (see src/js/boot.js).
set -eu
dir=${TRUNK_STAGING_DIR:?run by trunk}
build=$(cat "$dir"/*.wasm "$dir"/*.js | sha256sum | cut -c1-16)
for f in "$dir/index.html" "$dir/boot.js"; do
  sed -i "s/__BUILD__/$build/g" "$f"
done
# The skipped placeholder link has no meaning for the browser.
sed -i '/data-trunk-skip/d' "$dir/index.html"
