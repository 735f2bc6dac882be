// Starts the first screen. An external module (not an inline script) so the page runs under a strict
// Content-Security-Policy. `__BUILD__` is replaced at build time by scripts/stamp-build.sh with a hash of the
// build, so that a browser never combines a cached module with a newer one.
import init from './clustercalc-web.js?v=__BUILD__';

await init({ module_or_path: new URL('./clustercalc-web_bg.wasm?v=__BUILD__', import.meta.url) });

// Offline after the first visit (src/js/sw.js). Not from file:// (the single-file build), where none can run.
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url), { scope: './' }).catch(() => {});
}
