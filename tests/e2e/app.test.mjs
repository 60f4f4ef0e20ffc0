// The real wasm build in headless Chromium: it loads, draws, follows the canvas size, and says
// so clearly when WebGL2 is missing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, openApp, waitForFrames, appState, probe, hexToRgba, channelDistance,
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

test('the loading screen counts real bytes while the download is under way', async () => {
  const page = await browser.context.newPage();
  const manifest = await (await fetch(server.url + 'manifest.json')).json();
  const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
  // Hold the basemap back, so the bar is caught part-way: the rest has arrived, it has not.
  const basemap = manifest.files.find((f) => f.path.endsWith('basemap.ccapmap'));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/data/basemap.ccapmap', async (route) => { await held; await route.continue(); });
  await page.goto(server.url);
  await page.waitForFunction((expected) => {
    const bar = document.querySelector('#loader .bar');
    return Number(bar.getAttribute('aria-valuenow')) === expected;
  }, Math.round((100 * (total - basemap.bytes)) / total), { timeout: 15000 });
  const status = await page.locator('#loader .status').innerText();
  const mb = (n) => (n / 1048576).toFixed(1);
  assert.equal(status, `Downloading map and data… ${mb(total - basemap.bytes)} of ${mb(total)} MB`);
  assert.equal(await page.locator('#loader').isVisible(), true);
  release();
  await waitForFrames(page, 2);
  assert.equal(await page.locator('#loader').isHidden(), true);
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
