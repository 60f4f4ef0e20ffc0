// Kiosk mode (?kiosk=1) at kiosk sizes with touch only: the attract tour after the idle time, a
// touch that stops it at once, the reset after the longer idle (with the app's clock moved on, not
// real minutes), links shown as QR codes that decode back to their address and never opened, no
// way off the page, a lost WebGL context that comes back pixel for pixel, an offline reload, and
// the watchdog that reloads a page whose frames stopped.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  startServer, launchBrowser, openApp, waitForFrames, appState, waitForStill, finger, windowNamed, probe, jumpTo, decodePng,
  setLayers, webDir, drawn, advance, holdClock,
} from './harness.mjs';

const jsqrPath = createRequire(import.meta.url).resolve('jsqr/dist/jsQR.js');

let server;
let kiosk;
before(async () => {
  server = await startServer();
  kiosk = await launchBrowser({ viewport: { width: 1920, height: 1080 }, touch: true });
});
after(async () => {
  await kiosk?.close();
  await server?.stop();
});

const frames = async (page, n = 3) => {
  await drawn(page, n);
  return appState(page);
};

async function kioskApp(context = kiosk.context, url = server.url + '?kiosk=1') {
  const { page, errors } = await openApp(context, url);
  await waitForFrames(page, 3);
  return { page, errors, touch: await finger(page) };
}

// Decodes the QR code inside `clip` (CSS px) of a screenshot with jsQR, in a page of its own.
async function decodeQr(page, clip) {
  const png = await page.screenshot({ clip });
  const reader = await page.context().newPage();
  try {
    await reader.addScriptTag({ path: jsqrPath });
    return await reader.evaluate(async (b64) => {
      const img = new Image();
      img.src = 'data:image/png;base64,' + b64;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d');
      g.drawImage(img, 0, 0);
      const found = jsQR(g.getImageData(0, 0, c.width, c.height).data, c.width, c.height);
      return found ? found.data : null;
    }, png.toString('base64'));
  } finally {
    await reader.close();
  }
}

test('kiosk: idle starts the tour, a touch stops it where it is, a longer idle resets everything', async () => {
  const { page, errors, touch } = await kioskApp();
  await holdClock(page);  // every time below is the app's: 80 s is 80 s however slow the machine
  let s = await appState(page);
  assert.equal(s.kiosk.enabled, true);
  assert.equal(s.kiosk.attract, false);
  assert.ok(s.kiosk.stops >= 4, `a tour of the C3 pairs and certified cities (${s.kiosk.stops} stops)`);

  // A visitor leaves things changed: a city open, the arcs off.
  await page.evaluate(() => Module._ccap_select_city(Module.stringToNewUTF8('bangkok')));
  await setLayers(page, { arcs: false });
  s = await waitForStill(page);
  assert.ok(windowNamed(s, 'City'), 'the city panel is open');

  s = await advance(page, 89.5 - s.kiosk.idleFor);
  assert.ok(Math.abs(s.kiosk.idleFor - 89.5) < 1e-6, `idle for ${s.kiosk.idleFor} s on the app's clock`);
  assert.equal(s.kiosk.attract, false, 'not yet: 89.5 s of 90');
  s = await advance(page, 0.6, 5);
  assert.equal(s.kiosk.attract, true, 'after 90 s the tour starts');
  assert.equal(s.kiosk.stop.index, 0);
  assert.ok(windowNamed(s, 'Tour'), 'its caption is in the detail panel');
  assert.equal(s.layers.arcsOn && s.layers.flowOn, true, 'the arcs flow on the tour, though the visitor turned them off');
  assert.ok(!windowNamed(s, 'City'), 'and the city panel made way for it');

  // The next stop after stop_seconds, and not before.
  const stopSeconds = JSON.parse(readFileSync(path.join(webDir, 'data/kiosk.json'), 'utf8')).stop_seconds;
  s = await advance(page, stopSeconds - 0.5, 5);
  assert.equal(s.kiosk.stop.index, 0, `still the first stop after ${stopSeconds - 0.5} s`);
  for (let i = 0; i < 10 && s.kiosk.stop.index === 0; ++i) s = await advance(page, 0.1, 2);
  assert.equal(s.kiosk.stop.index, 1, 'the second stop');

  // A touch on the open map mid-flight: the tour stops at once and the map stays where it is.
  s = await advance(page, 0.05);
  assert.equal(s.map.moving, true, 'flying to the second stop');
  const tour = windowNamed(s, 'Tour');
  await touch.tap(tour.x / 2, 540);
  s = await frames(page, 2);
  assert.equal(s.kiosk.attract, false, 'the touch stopped the tour');
  assert.ok(!windowNamed(s, 'Tour'), 'the caption is gone');
  const held = await waitForStill(page);
  const later = await advance(page, 0.5);
  assert.deepEqual(later.map.center, held.map.center, 'the map is handed over where it is');

  // Untouched again: the tour comes back at 90 s; at 180 s everything resets, and the tour goes on.
  await setLayers(page, { labels: false });
  s = await advance(page, 179.5 - (await appState(page)).kiosk.idleFor, 5);
  assert.equal(s.kiosk.resets, 0, 'no reset at 179.5 s');
  s = await advance(page, 1, 5);
  assert.equal(s.kiosk.resets, 1, 'one reset');
  assert.equal(s.kiosk.attract, true, 'the tour goes on after the reset');
  assert.equal(s.layers.labelsOn, true, 'the layers are as at start');
  const still = await waitForStill(page);
  s = await advance(page, 5, 5);  // the tour's pause on the home view ends
  assert.ok(windowNamed(s, 'Tour'), 'the first stop again');
  assert.ok(still.map.zoom < 4, `the reset flew home (zoom ${still.map.zoom.toFixed(2)})`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('kiosk: the tour caption shows its source as a QR code that reads back to the address', async () => {
  const { page, errors } = await kioskApp();
  await advance(page, 91);
  await frames(page, 5);
  await waitForStill(page);
  const s = await frames(page, 3);
  assert.ok(s.kiosk.stop.source.startsWith('http'), 'the stop has a source');
  const w = windowNamed(s, 'Tour');
  const text = await decodeQr(page, { x: w.x, y: w.y, width: w.width, height: Math.min(w.height, 1080 - w.y) });
  assert.equal(text, s.kiosk.stop.source);
  assert.deepEqual(errors, []);
  await page.close();
});

test('kiosk: a link tap opens nothing; its QR code decodes to the link', async () => {
  const { page, errors, touch } = await kioskApp();
  const opened = [];
  const onPage = (p) => opened.push(p.url());
  kiosk.context.on('page', onPage);
  await page.evaluate(() => { window.__opens = []; window.open = (u) => { window.__opens.push(u); return null; }; });
  await page.evaluate(() => Module._ccap_select_city(Module.stringToNewUTF8('taipei')));
  let s = await frames(page, 5);
  // The city panel's sources: scroll until a link button is on screen, then tap it.
  const city = windowNamed(s, 'City');
  for (let i = 0; i < 20 && !s.uiLinks.some((l) => l.y > city.y + 60 && l.y + l.height < city.y + city.height); ++i) {
    await touch.drag(city.x + city.width / 2, city.y + city.height - 100, city.x + city.width / 2, city.y + 200);
    s = await frames(page, 5);
  }
  const link = s.uiLinks.find((l) => l.y > city.y + 60 && l.y + l.height < city.y + city.height);
  assert.ok(link, 'a source button in view');
  await touch.tap(link.x + link.width / 2, link.y + link.height / 2);
  s = await frames(page, 5);
  assert.deepEqual(s.kiosk.links, [link.url], 'the link was asked for');
  const card = windowNamed(s, 'KioskLink');
  assert.ok(card, 'and shown as a card');
  kiosk.context.off('page', onPage);
  assert.deepEqual(opened, [], 'no page opened');
  assert.equal(await decodeQr(page, { x: card.x, y: card.y, width: card.width, height: Math.min(card.height, 900) }),
               link.url);
  assert.deepEqual(await page.evaluate(() => window.__opens), [], 'window.open was never called');

  // Back (a button, a swipe) stays on the page.
  const before = page.url();
  await page.goBack({ timeout: 2000 }).catch(() => {});
  await frames(page, 3);
  assert.equal(page.url(), before, 'Back leaves the kiosk where it is');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a lost WebGL context comes back and draws the same pixels', async () => {
  const { page, errors } = await openApp(kiosk.context, server.url);
  await waitForFrames(page, 3);
  await setLayers(page, { flow: false });  // nothing moves between the two frames
  await jumpTo(page, 121.3, 24.5, 7);       // Taiwan: land, sea, cities, arcs, the air surface
  await waitForStill(page);
  await frames(page, 5);
  const points = [];
  for (let x = 100; x < 1900; x += 150) for (let y = 80; y < 1050; y += 120) points.push([x, y]);
  const before = await probe(page, points);
  await page.evaluate(() => {
    const ext = Module.canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
    window.__lose = ext;
    ext.loseContext();
  });
  await page.waitForFunction(() => Module.canvas.getContext('webgl2').isContextLost());
  await page.evaluate(() => window.__lose.restoreContext());
  await page.waitForFunction(() => !Module.canvas.getContext('webgl2').isContextLost());
  await frames(page, 5);
  const afterRestore = await probe(page, points);
  await page.screenshot({ path: '/tmp/after-restore.png' });
  const differ = points.filter((p, i) => JSON.stringify(before[i]) !== JSON.stringify(afterRestore[i]));
  assert.deepEqual(differ, [], 'every probed pixel is as before the loss');
  const s = await appState(page);
  assert.ok(!s.notices.some((n) => /cannot be drawn/.test(n.text)), JSON.stringify(s.notices));
  assert.deepEqual(errors.filter((e) => !/WebGL|CONTEXT_LOST/i.test(e)), []);
  await page.close();
});

test('kiosk: with the server gone a reload still starts the kiosk and zooms into a partner city (service worker)', async () => {
  const own = await startServer();
  const browser = await launchBrowser({ viewport: { width: 1920, height: 1080 }, touch: true });
  try {
    const { page } = await kioskApp(browser.context, own.url + '?kiosk=1');
    // Controlled: the first worker cached every file before it took over (web/sw.js).
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    await own.stop();
    await page.reload();
    const s = await waitForFrames(page, 3);
    assert.equal(s.map.basemapLoaded, true, 'the basemap came from the cache');
    assert.equal(s.kiosk.enabled, true);
    assert.ok(s.layers.cities > 0, 'and the content');
    // The city-scale map is in the precache: Kitakyushu at zoom 10, its tiles and names, offline.
    await jumpTo(page, 130.87, 33.88, 10);
    const c = await page.waitForFunction(() => {
      const m = JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).cityMap;
      return m && m.index === 'read' && m.coming === 0 && m.drawn > 0 && m;
    }, null, { timeout: 30000 }).then((h) => h.jsonValue());
    assert.equal(c.failed, 0, JSON.stringify(c));
    assert.ok(c.drawn >= 2 && c.places > 0, `the city tiles and the town names: ${JSON.stringify(c)}`);
  } finally {
    await browser.close();
    await own.stop();
  }
});

test('kiosk: a new deployment downloads in the background and takes over at the next idle reset', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccap-deploy-'));
  cpSync(webDir, dir, { recursive: true });
  const own = await startServer(dir);
  const browser = await launchBrowser({ viewport: { width: 1920, height: 1080 }, touch: true });
  try {
    const { page } = await kioskApp(browser.context, own.url + '?kiosk=1');
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30000 });
    assert.equal((await appState(page)).kiosk.idleSeconds, 90);
    // The next deployment: other settings, another version.
    // (As the build writes one: the manifest lists the new file's size and hash, which the loader checks.)
    const settings = JSON.parse(readFileSync(path.join(dir, 'data/kiosk.json'), 'utf8'));
    const next = Buffer.from(JSON.stringify({ ...settings, idle_seconds: 95 }));
    writeFileSync(path.join(dir, 'data/kiosk.json'), next);
    for (const packed of ['br', 'gz']) rmSync(path.join(dir, `data/kiosk.json.${packed}`), { force: true });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const entry = manifest.files.find((f) => f.path === 'data/kiosk.json');
    Object.assign(entry, { bytes: next.length, sha256: createHash('sha256').update(next).digest('hex') });
    delete entry.br;
    delete entry.gz;
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version: 'next-deployment' }));
    await page.evaluate(() => { window.__first = true; return window.ccapKiosk.checkNow(); });
    // Until the new worker has installed every file (an async predicate would be a Promise, truthy
    // at once: wait on the worker's own events instead).
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      if (reg.waiting) return;
      const worker = reg.installing ||
        await new Promise((found) => reg.addEventListener('updatefound', () => found(reg.installing), { once: true }));
      await new Promise((installed, failed) => {
        const check = () => {
          if (worker.state === 'installed') installed();
          if (worker.state === 'redundant') failed(new Error('the new deployment did not install'));
        };
        worker.addEventListener('statechange', check);
        check();
      });
    });
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => window.__first), true, 'downloaded, not switched: a visitor may be here');
    assert.equal((await appState(page)).kiosk.idleSeconds, 90);
    // Nobody about: at the reset the kiosk switches, unseen.
    const reloaded = page.waitForEvent('load', { timeout: 30000 });
    await page.evaluate(() => Module._ccap_advance_clock(181));  // the page reloads: no frames to wait for
    await reloaded;
    const s = await waitForFrames(page, 3);
    assert.equal(s.kiosk.idleSeconds, 95, 'the new deployment runs');
    const caches = await page.evaluate(() => window.caches.keys());
    assert.deepEqual(caches, ['ccap-next-deployment'], 'and the old copy is gone');
  } finally {
    await browser.close();
    await own.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kiosk: the watchdog reloads a page whose frames stopped', async () => {
  const { page } = await kioskApp();
  const reloaded = page.waitForEvent('load', { timeout: 40000 });
  await page.evaluate(() => { Module._ccap_frames_drawn = () => 42; });  // frames that stopped
  await reloaded;
  await waitForFrames(page, 3);  // and the app runs again
  await page.close();
});

test('kiosk: a start that fails is tried again later and later (30 s, then doubled)', async () => {
  // A browser of its own: the kiosk tests' service worker would answer from its cache.
  const browser = await launchBrowser({ viewport: { width: 1920, height: 1080 }, touch: true });
  try {
    const script = readFileSync(path.join(webDir, 'ccap.js'));
    await browser.context.route('**/ccap.js', (route) => route.fulfill({ body: script.subarray(0, 1000) }));
    for (const [before, reloadIn] of [[0, 30], [2, 120], [9, 600]]) {
      const page = await browser.context.newPage();
      await page.addInitScript((n) => { if (n) sessionStorage.setItem('ccapKioskFailedStarts', String(n)); }, before);
      await page.goto(server.url + '?kiosk=1');
      await page.locator('#fatal').waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => window.ccapKiosk.reloadIn), reloadIn, `after ${before} failed starts`);
      assert.equal(await page.evaluate(() => sessionStorage.getItem('ccapKioskFailedStarts')), String(before + 1));
      await page.close();
    }
  } finally {
    await browser.close();
  }
});

test('kiosk: five taps in the top-right corner and the PIN let the operator out', async () => {
  const { page, touch } = await kioskApp();
  for (let i = 0; i < 5; ++i) await touch.tap(1900, 20);
  let s = await frames(page, 3);
  assert.equal(s.kiosk.pinPad, true, 'the PIN pad');
  // Types `digits` on the pad, each tap checked on the pad before the next (where the keys are is
  // read again each time: the pad grows when it shows a message), then taps OK.
  const type = async (digits) => {
    for (const [i, d] of [...digits].entries()) {
      const r = (await appState(page)).kiosk.pinKeys[d];
      await touch.tap(r.x + r.width / 2, r.y + r.height / 2);
      await page.waitForFunction((n) => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).kiosk.pinEntered === n,
                                 i + 1, { timeout: 10000 });
    }
    const ok = (await appState(page)).kiosk.pinKeys.OK;
    await touch.tap(ok.x + ok.width / 2, ok.y + ok.height / 2);
  };
  // A wrong PIN is refused.
  await type('1111');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).kiosk.pinMessage !== '',
                             null, { timeout: 10000 });
  s = await appState(page);
  assert.equal(s.kiosk.pinMessage, 'Wrong PIN');
  assert.equal(s.kiosk.exitAsked, false, 'a wrong PIN keeps the kiosk');
  assert.equal(s.kiosk.pinPad, true);
  // The right one (kiosk.json's "2468") leaves.
  const navigated = page.waitForURL((u) => !u.searchParams.has('kiosk'), { timeout: 15000 });
  await type('2468');
  await navigated;
  s = await waitForFrames(page, 3);
  assert.equal(s.kiosk.enabled, false, 'an ordinary atlas again');
  await page.close();
});

test('a data file that cannot be downloaded is tried again, then left out with a notice naming it', async () => {
  // A browser of its own: the kiosk tests' service worker would answer from its cache.
  const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  const context = browser.context;
  let tries = 0;
  await context.route('**/data/air/index.json', (route) => { ++tries; return route.abort('connectionreset'); });
  try {
    const { page, errors } = await openApp(context, server.url);
    // The air data comes after the map: the map is drawn while its download is tried again.
    const first = await waitForFrames(page, 3, 60000, false);
    assert.equal(first.map.basemapLoaded, true);
    assert.equal(first.air.loading, true, 'the air panel says its data is on its way');
    await page.waitForFunction(() => !JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.loading, null,
                               { timeout: 60000 });
    const s = await appState(page);
    assert.equal(tries, 5, 'five tries');
    assert.equal(s.air.loaded, false);
    assert.ok(s.notices.some((n) => /air\/index\.json could not be downloaded/.test(n.text)),
              JSON.stringify(s.notices));
    assert.equal(s.map.basemapLoaded, true, 'the rest of the map is there');
    assert.ok(s.layers.cities > 0);
    assert.deepEqual(errors.filter((e) => !/airquality|ERR_CONNECTION_RESET|Failed to load resource/.test(e)), []);
    await page.close();
  } finally {
    await browser.close();
  }
});

// A kiosk at 1080p and at 4K, each in a browser of its own, still after its first frames:
// check(page, state, width, height).
async function atKioskSizes(check) {
  for (const [w, h] of [[1920, 1080], [3840, 2160]]) {
    const browser = await launchBrowser({ viewport: { width: w, height: h }, touch: true });
    try {
      const { page } = await openApp(browser.context, server.url + '?kiosk=1');
      await waitForFrames(page, 5);
      await check(page, await waitForStill(page), w, h);
    } finally {
      await browser.close();
    }
  }
}

test('kiosk: text and tap targets are sized for the distance at 1080p and 4K', async () => {
  await atKioskSizes(async (page, s, w, h) => {
    assert.ok(s.ui.tapTargetPx >= 44, `tap targets ${s.ui.tapTargetPx} px`);
    // The letters, not the line: the ink of "Home" (a capital, then letters without ascenders or
    // descenders) on its button, the third block of dark rows in the middle of the map's buttons
    // (off their borders; a row is ink where a pixel is at least half as dark as the text).
    const controls = windowNamed(s, 'Map controls');
    const png = decodePng(await page.screenshot({ clip: { x: controls.x, y: controls.y, width: controls.width, height: controls.height } }));
    const inked = [];
    for (let y = 0; y < png.height; ++y) {
      let ink = false;
      for (let x = Math.round(png.width * 0.2); x < png.width * 0.8 && !ink; ++x) {
        const [r, g, b] = png.pixel(x, y);
        ink = r + g + b < 3 * 128;
      }
      inked.push(ink);
    }
    const blocks = [];
    inked.forEach((ink, y) => {
      if (ink && (y === 0 || !inked[y - 1])) blocks.push({ top: y, bottom: y });
      if (ink) blocks[blocks.length - 1].bottom = y;
    });
    const glyphs = blocks.filter((b) => b.bottom - b.top >= 2);  // not the buttons' edges
    assert.equal(glyphs.length, 4, `+, -, Home and the search icon: ${JSON.stringify(blocks)}`);
    const cap = glyphs[2].bottom - glyphs[2].top + 1;
    assert.ok(cap >= 0.016 * h, `capitals ${cap} px high at ${w}x${h}: under 1.6% of the screen`);
    assert.ok(Math.abs(cap - s.ui.capPx) <= 2, `measured ${cap} px, the font says ${s.ui.capPx}`);
    // City names are set in the same body font.
    assert.ok(s.labels.length > 0 && s.labels.every((l) => l.height >= s.ui.fontPx - 0.5), JSON.stringify(s.labels[0]));
  });
});

test('kiosk: the first view shows every partner city between the panels, California\'s twins too', async () => {
  await atKioskSizes(async (page, s, w, h) => {
    const panels = s.uiWindows.filter((u) => u.width > 0 && u.height > 0);
    const shown = new Set();
    for (const m of s.cityMarks) {
      assert.ok(m.x - m.r >= 0 && m.y - m.r >= 0 && m.x + m.r <= w && m.y + m.r <= h,
        `${m.cities.join('+')} on the screen at ${w}x${h}: ${JSON.stringify(m)}`);
      for (const u of panels) {
        const nx = Math.min(Math.max(m.x, u.x), u.x + u.width), ny = Math.min(Math.max(m.y, u.y), u.y + u.height);
        assert.ok(Math.hypot(nx - m.x, ny - m.y) >= m.r, `${m.cities.join('+')} under ${u.name} at ${w}x${h}`);
      }
      m.cities.forEach((c) => shown.add(c));
    }
    assert.equal(shown.size, s.layers.cities, 'every partner city is in a mark');
    for (const twin of ['san-jose', 'san-diego'])
      assert.ok(s.cityMarks.some((m) => m.cities.length === 1 && m.cities[0] === twin), `${twin} has its own marker`);
  });
});

test('kiosk 4K: at a tour stop with measured data, the badge that names them covers none of the stop\'s marks', async () => {
  const browser = await launchBrowser({ viewport: { width: 3840, height: 2160 }, touch: true });
  try {
    const { page, errors } = await kioskApp(browser.context);
    await holdClock(page);
    let s = await advance(page, 90.1 - (await appState(page)).kiosk.idleFor, 5);
    for (let i = 0; i < 20 && !/Taipei/.test(s.kiosk.stop?.title ?? ''); ++i) s = await advance(page, 12.5, 5);
    assert.match(s.kiosk.stop?.title ?? '', /Taipei/, 'the tour visits Pasig and Taipei');
    // The stop asks for MOENV's dataset; its line under the badge's grows the badge after the
    // flight was aimed. (The file comes over the network: wait for it, then move the app's clock.)
    await page.waitForFunction(() => {
      const a = JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air;
      return a.dataset === 'moenv-taiwan' && !a.loading;
    }, null, { timeout: 30000 });
    s = await advance(page, 8, 10);  // the flight, and any flight it needed again, done
    assert.equal(s.map.moving, false);
    assert.match(s.air.caption, /^MOENV \(Taiwan\)/);
    const badge = windowNamed(s, 'Badge');
    const cities = s.cityMarks.filter((m) => m.cities.some((c) => c === 'taipei' || c === 'pasig'));
    assert.equal(cities.length, 2, `Taipei and Pasig: ${JSON.stringify(cities)}`);
    assert.ok(s.air.clusterMarks.length >= 1, 'clusters of MOENV stations');
    for (const m of cities) {  // a marker: within r of its centre
      const nx = Math.min(Math.max(m.x, badge.x), badge.x + badge.width);
      const ny = Math.min(Math.max(m.y, badge.y), badge.y + badge.height);
      assert.ok(Math.hypot(nx - m.x, ny - m.y) >= m.r, `${JSON.stringify(m)} under the badge ${JSON.stringify(badge)}`);
    }
    for (const m of s.air.clusterMarks) {  // a square, r to its corners
      const half = m.r / Math.SQRT2;
      const apart = m.x + half <= badge.x || m.x - half >= badge.x + badge.width ||
        m.y + half <= badge.y || m.y - half >= badge.y + badge.height;
      assert.ok(apart, `${JSON.stringify(m)} under the badge ${JSON.stringify(badge)}`);
    }
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
