// The partnership layers in the real wasm build: clicking a city selects it and its C3 partner,
// hovering names it, and the content the page loaded is the one the pipeline wrote.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, waitForFrames, appState, project, waitForStill, foldWelcome, drawn,
} from './harness.mjs';

let server;
let browser;
let content;
before(async () => {
  server = await startServer();
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  content = await (await fetch(server.url + 'data/partnership.json')).json();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const city = (id) => content.cities.find((c) => c.id === id);

async function freshMap() {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  await foldWelcome(page);
  return { page, errors };
}

test('clicking Kitakyushu on the map selects it, with Haiphong as its C3 partner', async () => {
  const { page, errors } = await freshMap();
  const s0 = await appState(page);
  assert.equal(s0.layers.partnershipLoaded, true);
  assert.equal(s0.layers.markers, content.cities.length);
  assert.equal(s0.selection.city, null);
  const kk = city('kitakyushu');
  const [x, y] = await project(page, kk.lng, kk.lat);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city !== null);
  const s = await appState(page);
  assert.equal(s.selection.city, 'kitakyushu');
  assert.equal(s.selection.name, 'Kitakyushu');
  assert.deepEqual(s.selection.partners, ['haiphong']);
  assert.ok(s.uiWindows.some((w) => w.name === 'City'), 'the city panel opened');
  assert.deepEqual(errors, []);
});

test('hovering names the city; clicking empty sea closes the selection', async () => {
  const { page } = await freshMap();
  const bangkok = city('bangkok');
  const [x, y] = await project(page, bangkok.lng, bangkok.lat);
  await page.mouse.move(x + 3, y + 2);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.hover === 'bangkok');
  await page.mouse.click(x + 3, y + 2);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === 'bangkok');
  assert.deepEqual((await appState(page)).selection.partners, ['san-diego']);
  const [sx, sy] = await project(page, 158, 8);  // open ocean
  await page.mouse.click(sx, sy);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === null);
});

test('a drag that starts on a city pans the map and selects nothing', async () => {
  const { page } = await freshMap();
  const taipei = city('taipei');
  const [x, y] = await project(page, taipei.lng, taipei.lat);
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y + 40, { steps: 6 });
  await page.waitForTimeout(120);
  await page.mouse.up();
  const s = await waitForStill(page);
  assert.equal(s.selection.city, null);
  const [nx, ny] = await project(page, taipei.lng, taipei.lat);
  assert.ok(Math.abs(nx - (x + 120)) <= 1 && Math.abs(ny - (y + 40)) <= 1);
});

test('with reduced motion requested, the app knows it (arcs do not flow, flights jump)', async () => {
  const page = await browser.context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(server.url);
  await waitForFrames(page, 3);
  assert.equal((await appState(page)).reducedMotion, true);
  await page.evaluate(() => Module._ccap_fly_to(-117.16, 32.72, 7, 1));
  await drawn(page, 2);
  const s = await appState(page);
  assert.ok(Math.abs(s.map.zoom - 7) < 1e-6, 'the flight jumped straight there');
  await page.close();
});

test('a finger tap near (not on) a small marker still selects it: touch gets a generous radius', async () => {
  const { page } = await freshMap();
  const cdp = await page.context().newCDPSession(page);
  const shimla = city('shimla');  // a small marker, far from others
  const [x, y] = await project(page, shimla.lng, shimla.lat);
  const at = { x: x - 14, y: y - 12, id: 1 };  // 18 px off its centre, away from Kathmandu
  await page.mouse.click(at.x, at.y);
  await page.waitForTimeout(300);
  assert.equal((await appState(page)).selection.city, null, 'a mouse click there misses');
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === 'shimla',
                             null, { timeout: 10000 });
  assert.equal((await appState(page)).map.gestures, 0, 'a tap is not a drag');
});
