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
// The live air data (data/air/: its index and the datasets it names) is published apart from the
// deployment, every hour or so (ccap_geodata refresh): it is asked of the network first, and the
// copy kept for when the network is gone; the install keeps the datasets of the index it finds.
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
    await keepLiveData(cache).catch(() => {});  // without it the kiosk starts with no air data offline
    if (!self.registration.active) await self.skipWaiting();  // the first: offline from now on
  })());
});

const LIVE = 'data/air/';
async function keepLiveData(cache) {
  const r = await fetch(LIVE + 'index.json', { cache: 'no-cache' });
  if (!r.ok) return;
  const index = await r.clone().json();
  await cache.put(LIVE + 'index.json', r);
  const files = [...(index.datasets || []), ...(index.demo ? [index.demo] : [])].map((d) => 'data/' + d.file);
  await Promise.all(files.map(async (url) => {
    const f = await fetch(url);
    if (f.ok) await cache.put(url, f);
  }));
}

// A week of hourly refreshes would pile up: the datasets the newest index does not name go.
async function forgetUnnamed(cache, index) {
  const named = new Set([...(index.datasets || []), ...(index.demo ? [index.demo] : [])].map((d) => 'data/' + d.file));
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const at = path.indexOf('/' + LIVE);
    if (at >= 0 && path.endsWith('.ccapaq') && !named.has(path.slice(at + 1))) await cache.delete(request);
  }
}

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
  if (url.pathname.includes('/' + LIVE)) {  // live data: the network first, the copy when offline
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        if (response.ok && url.pathname.endsWith('/index.json'))
          await forgetUnnamed(cache, await response.clone().json()).catch(() => {});
        return response;
      } catch (e) {
        return (await cache.match(request, { ignoreSearch: true })) || Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The page's own address carries its options (?kiosk=1): the cached page is the same page.
    const hit = await cache.match(request, { ignoreSearch: true });
    return hit || fetch(request);
  })());
});
