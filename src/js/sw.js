// Service worker: after the first visit the app works offline. It precaches every file of this build (the list
// and the build hash are written in by scripts/stamp-build.sh), answers the app's own requests from that cache
// and only then from the network, and drops the caches of older builds. It never sees data: the app makes no
// request that carries any (the dataset stays in the page and in localStorage).
const BUILD = '__BUILD__';
const FILES = __FILES__;
const CACHE = `clustercalc-${BUILD}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('clustercalc-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Pages are cached without their query (?embed=1&lang=en) and fragment (#share=…).
    const hit = await cache.match(req, { ignoreSearch: req.mode === 'navigate' })
      ?? (req.mode === 'navigate' ? await cache.match('./index.html') : undefined)
      // Modules are requested with the build stamp (?v=…); the cache holds them under the same URL or without it.
      ?? await cache.match(req, { ignoreSearch: true });
    return hit ?? fetch(req);
  })());
});
