// The real wasm build in headless Chromium: it loads, draws, follows the canvas size, and says
// so clearly when WebGL2 is missing or a file it needs is damaged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  startServer, launchBrowser, openApp, waitForFrames, waitForAir, appState, probe, hexToRgba, channelDistance, webDir,
} from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('loads with no console errors, hides the loader, and reports its state', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  const state = await waitForFrames(page, 3);
  assert.equal(await page.locator('#loader').isHidden(), true, 'the loading screen is gone');
  assert.equal(await page.locator('#fatal').isHidden(), true);
  assert.equal(state.canvas.width, 1024);
  assert.equal(state.canvas.height, 700);
  assert.deepEqual(state.notices, [], 'the font and every data file loaded');
  assert.deepEqual(errors, []);
});

test('the canvas shows the clear colour and an ImGui window drawn by the wasm build', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  const state = await waitForFrames(page, 3);
  const panel = state.uiWindows.find((w) => w.name === 'Clean Air Atlas');
  assert.ok(panel, 'the welcome panel is laid out');
  const midPacific = await page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ccap_project(-170, 42))));
  const [background, inPanel] = await probe(page, [
    midPacific,
    [panel.x + panel.width - 5, panel.y + panel.height / 2],
  ]);
  const ocean = hexToRgba(state.clearColor);
  assert.ok(channelDistance(background, ocean) <= 2, `background ${background} is the ocean ${ocean}`);
  assert.ok(channelDistance(inPanel, ocean) > 20, `the panel ${inPanel} is drawn over the ocean`);
  assert.ok(inPanel.slice(0, 3).every((c) => c >= 245), `the panel ${inPanel} is near-white`);

  // The browser's own view of the canvas agrees with the in-frame probe.
  const screenshot = await page.locator('#canvas').screenshot();
  assert.ok(screenshot.length > 1000);
  assert.deepEqual(errors, []);
});

test('a resize changes the drawing buffer size', async () => {
  const { page } = await openApp(browser.context, server.url);
  await waitForFrames(page, 2);
  await page.setViewportSize({ width: 800, height: 500 });
  await page.waitForFunction(() => {
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    return s.framebuffer.width === 800 && s.framebuffer.height === 500;
  }, null, { timeout: 10000 });
  const buffer = await page.evaluate(() => [canvas.width, canvas.height]);
  assert.deepEqual(buffer, [800, 500]);
});

test('on a high-DPI screen the drawing buffer has device pixels', async () => {
  const hidpi = await launchBrowser({ deviceScaleFactor: 2, viewport: { width: 600, height: 400 } });
  try {
    const { page, errors } = await openApp(hidpi.context, server.url);
    const s = await waitForFrames(page, 3);
    assert.equal(s.canvas.width, 600);
    assert.equal(s.canvas.pixelRatio, 2);
    assert.deepEqual([s.framebuffer.width, s.framebuffer.height], [1200, 800]);
    assert.deepEqual(errors, []);
  } finally {
    await hidpi.close();
  }
});

test('the loading screen counts bytes on the wire while the download is under way', async () => {
  const page = await browser.context.newPage();
  const manifest = await (await fetch(server.url + 'manifest.json')).json();
  // The first download: everything but the city tiles (each when the map comes close) and the
  // air-quality data, which is live data apart from the manifest (its index comes after the map,
  // each dataset when it is needed).
  assert.deepEqual(manifest.files.filter((f) => f.path.startsWith('data/air/')), [], 'live data: not in the manifest');
  const first = manifest.files.filter((f) => !f.path.startsWith('data/tiles/'));  // as web/loader.js: on demand
  assert.ok(first.length <= manifest.files.length - 5, 'the tiles wait');
  const wire = (f, encoding) => (encoding === 'br' && f.br ? f.br : encoding === 'gzip' && f.gz ? f.gz : f.bytes);
  // Hold the basemap back, so the bar is caught part-way: the rest has arrived, it has not.
  const basemap = first.find((f) => f.path.endsWith('basemap.ccapmap'));
  const encodings = new Map();
  page.on('response', (r) => encodings.set(new URL(r.url()).pathname.slice(1), r.headers()['content-encoding'] || ''));
  const finished = new Set();
  page.on('requestfinished', (r) => finished.add(new URL(r.url()).pathname.slice(1)));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/basemap.ccapmap', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  const others = first.filter((f) => f !== basemap);
  for (const until = Date.now() + 15000; !others.every((f) => finished.has(f.path));) {
    assert.ok(Date.now() < until, `still waiting for ${others.filter((f) => !finished.has(f.path)).map((f) => f.path)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Until its headers come, the basemap counts at its gzip size (the encoding is not known yet).
  const loaded = others.reduce((sum, f) => sum + wire(f, encodings.get(f.path)), 0);
  const total = loaded + wire(basemap, 'gzip');
  const mb = (n) => (n / 1048576).toFixed(1);
  const expected = `Downloading the map… ${mb(loaded)} of ${mb(total)} MB`;
  await page.waitForFunction((text) => document.querySelector('#loader .status').textContent === text, expected,
                             { timeout: 15000 });
  const bar = Number(await page.locator('#loader .bar').getAttribute('aria-valuenow'));
  assert.equal(bar, Math.round((100 * loaded) / total));
  assert.ok(total < manifest.files.reduce((sum, f) => sum + f.bytes, 0) / 2,
            `the first download is compressed and leaves the air data for later: ${total} bytes`);
  assert.equal(await page.locator('#loader').isVisible(), true);
  release();
  await waitForFrames(page, 2);
  assert.equal(await page.locator('#loader').isHidden(), true);
  await page.close();
});

test('the map is drawn before the air-quality data arrives, and the air panel shows its progress', async () => {
  const page = await browser.context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = 0;
  const datasets = [];
  page.on('request', (r) => { if (/\/data\/air\/.*\.ccapaq$/.test(r.url())) datasets.push(r.url()); });
  await page.route('**/data/air/index.json', async (route) => { ++asked; await held; await route.continue(); });
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(server.url);
  const s = await waitForFrames(page, 3, 30000, false);
  assert.equal(s.map.basemapLoaded, true);
  assert.ok(s.layers.cities > 0, 'the partner cities are drawn');
  assert.equal(s.air.loading, true);
  assert.equal(s.air.loaded, false);
  assert.equal(asked, 1, 'asked for after the map started');
  // The air panel (folded at first) says what it waits for.
  assert.ok(s.uiWindows.some((w) => /Air quality/.test(w.name)), JSON.stringify(s.uiWindows));
  const [ocean] = await probe(page, [[5, 400]]);
  assert.notDeepEqual(ocean, [0, 0, 0, 0], 'the map is on screen');
  assert.deepEqual(datasets, [], 'no dataset before the first map frame');
  release();
  const after = await waitForAir(page);
  assert.equal(after.air.loading, false);
  assert.equal(after.air.datasets, 4, 'the index lists the measured datasets');
  assert.equal(after.air.loaded, false, 'none is fetched until a city, the map or the visitor asks for one');
  assert.deepEqual(datasets, []);
  assert.deepEqual(errors, []);
  await page.close();
});

test('without WebGL2 the page explains why instead of staying blank', async () => {
  const noGl = await launchBrowser({ webgl: false });
  try {
    const { page } = await openApp(noGl.context, server.url);
    await page.locator('#fatal').waitFor({ state: 'visible', timeout: 15000 });
    const text = await page.locator('#fatal').innerText();
    assert.match(text, /WebGL2 is not available/);
    assert.equal(await page.locator('#loader').isHidden(), true);
  } finally {
    await noGl.close();
  }
});

// Every file is checked against manifest.json (web/loader.js): a cut script or an 8-byte wasm (a
// valid, empty module) once left the page on "Starting…" for ever.
test('a cut ccap.js or an 8-byte wasm ends on an error card with Try again, never on "Starting…"', async () => {
  const script = readFileSync(path.join(webDir, 'ccap.js'));
  const damaged = [
    ['ccap.js', script.subarray(0, script.length >> 1), 'text/javascript'],
    ['ccap.wasm', Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), 'application/wasm'],
  ];
  for (const [file, body, contentType] of damaged) {
    const page = await browser.context.newPage();
    let asked = 0;
    await page.route(`**/${file}`, (route) => { ++asked; return route.fulfill({ body, contentType }); });
    await page.goto(server.url);
    await page.locator('#fatal').waitFor({ state: 'visible' });
    const text = await page.locator('#fatal').innerText();
    assert.match(text, new RegExp(`${file.replace('.', '\\.')}: \\d+ bytes where the manifest says \\d+`), text);
    assert.equal(asked, 2, `${file}: asked for again once, past the cache`);
    assert.equal(await page.locator('#loader').isHidden(), true);
    const retry = page.locator('#fatal .retry');
    assert.equal(await retry.innerText(), 'Try again');
    await page.unroute(`**/${file}`);
    await retry.click();  // the file is whole again: the app starts
    await waitForFrames(page, 2, 30000, false);
    await page.close();
  }
});

test('a damaged data file is left out with a notice, and the app starts with the rest', async () => {
  const page = await browser.context.newPage();
  const font = readFileSync(path.join(webDir, 'data/fonts/NotoSans-Regular.ttf'));
  const sameSize = Buffer.from(font);
  sameSize.fill(0x5a, 0, 64);  // the right size, the wrong bytes: only the hash tells
  for (const body of [font.subarray(0, font.length >> 1), sameSize]) {
    await page.route('**/data/fonts/NotoSans-Regular.ttf', (route) => route.fulfill({ body }));
    await page.goto(server.url);
    const s = await waitForFrames(page, 3, 30000, false);
    assert.ok(s.notices.some((n) => /NotoSans-Regular\.ttf could not be downloaded|UI font/.test(n.text)),
              JSON.stringify(s.notices));
    assert.ok(s.layers.cities > 0, 'the map and its cities are there');
    await page.unroute('**/data/fonts/NotoSans-Regular.ttf');
  }
  await page.close();
});
