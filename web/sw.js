// The kiosk's offline copy of the atlas (registered only with ?kiosk=1, by web/kiosk.js): every
// file of one deployment, precached under that deployment's version (manifest.json's, from this
// script's ?v=), served from the cache first, so that a kiosk keeps running and a reload still
// starts with the venue's network gone.
//
// A new deployment is a new version: the page registers sw.js?v=<new>, this script installs it
// into a cache of its own and waits; the page activates it only at a kiosk's idle reset (never in
// front of a visitor) and reloads; the old caches are deleted then. The first install takes over
// at once, so a kiosk is offline-ready from its first start.
//
// Written by hand rather than generated with workbox-build: it is these few lines, the switch
// must wait for the kiosk's reset (workbox's default lifecycle does not), and it keeps the build
// free of a bundler and its dependency tree.
'use strict';
const PREFIX = 'ccap-';
const VERSION = new URL(self.location.href).searchParams.get('v') || 'none';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch('manifest.json?check=' + Date.now(), { cache: 'no-store' });
    if (!response.ok) throw new Error('manifest.json: HTTP ' + response.status);
    const manifest = await response.clone().json();
    if (manifest.version !== VERSION) throw new Error('deployment changed during install');
    const cache = await caches.open(CACHE);
    await cache.put('manifest.json', response);
    const urls = [...manifest.page, ...manifest.files.map((f) => f.path)];
    await Promise.all(urls.map(async (url) => {
      const r = await fetch(url, { cache: 'no-store' });
      if (!r.ok) throw new Error(url + ': HTTP ' + r.status);
      await cache.put(url, r);
    }));
    if (!self.registration.active) await self.skipWaiting();  // the first: offline from now on
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'activate') self.skipWaiting();  // the kiosk's idle reset: switch now
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.searchParams.has('check')) return;  // looking for a new deployment: the network only
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The page's own address carries its options (?kiosk=1): the cached page is the same page.
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
