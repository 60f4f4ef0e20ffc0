// The peer benchmark's page protocol (web/peer_bench.js, app/bench_app.h): ?bench=1 draws the
// harness's scene and keeps window.__bench's promises. Figures are taken by the harness
// (../shared/peer-bench, docs/performance.md), never here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { decodePng, startServer, launchBrowser } from './harness.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser({ viewport: { width: 1280, height: 720 } });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const scene = 'index.html?bench=1&n=2000&m=50&lon=150&lat=25&zoom=2.3&seed=1';

async function open(query) {
  const page = await browser.context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(server.url + query);
  await page.waitForFunction(() => window.__bench && (__bench.firstFrameMs !== null || __bench.error !== null),
                             null, { timeout: 60000 });
  return { page, requests };
}

const pixel = (png, x, y) => png.pixel(x, y).slice(0, 3);

test('bench mode draws the scene, stamps a fenced first frame, and loads only the app and the basemap', async () => {
  const { page, requests } = await open(scene);
  const b = await page.evaluate(() => ({ ...__bench, described: __bench.describe() }));
  assert.equal(b.error, null);
  assert.equal(b.info.firstFrameSync, 'fence');
  assert.ok(b.marks.sceneDrawn <= b.marks.nextFrame && b.marks.nextFrame <= b.firstFrameMs, JSON.stringify(b.marks));
  assert.equal(b.described.points, 2000);
  assert.equal(b.described.arcSegments, 50 * 50);
  assert.ok(requests.includes('/data/basemap.ccapmap'));
  for (const skipped of ['/data/air/index.json', '/data/partnership.json', '/data/fonts/NotoSans-Regular.ttf'])
    assert.ok(!requests.includes(skipped), `${skipped} is not part of the scene`);
  const shot = decodePng(await page.screenshot());
  // The south-east corner is open ocean off South America (lat -40, lon 241): the scene's ocean.
  assert.deepEqual(pixel(shot, 1270, 710), [170, 198, 224]);
  // Northern Australia (lat -18, lon 133) is land, under no point (points start at 15 °S).
  const world = 512 * 2 ** 2.3;  // px: the camera's convention
  const mercatorY = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  const at = [640 + Math.round(((133 - 150) / 360) * world), 360 + Math.round((mercatorY(25) - mercatorY(-18)) * world)];
  const land = pixel(shot, ...at);
  assert.deepEqual(land, [236, 232, 220]);
  await page.close();
});

test('setCamera moves the map by the next frame', async () => {
  const { page } = await open(scene);
  const before = decodePng(await page.screenshot());
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => {
    __bench.setCamera({ lon: 100, lat: 25, zoom: 2.3 });
    requestAnimationFrame(() => requestAnimationFrame(resolve));
  })));
  const after = decodePng(await page.screenshot());
  let changed = 0, seen = 0;
  for (let y = 0; y < before.height; y += 8) {
    for (let x = 0; x < before.width; x += 8, ++seen) if (before.pixel(x, y)[0] !== after.pixel(x, y)[0]) ++changed;
  }
  assert.ok(changed > seen * 0.2, `${changed} of ${seen} pixels changed`);
  await page.close();
});

test('a bad parameter is reported through __bench.error, not a hang', async () => {
  const { page } = await open('index.html?bench=1&n=abc');
  const error = await page.evaluate(() => __bench.error);
  assert.equal(error, 'bench: n=abc is not a number');
  await page.close();
});
