// Shared by the browser tests: serves the real wasm build on 127.0.0.1, drives Debian's Chromium
// through playwright-core (never a downloaded browser), and wraps the app's test API.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const webDir = process.env.CCAP_WEB_OUT || path.join(root, 'build/web');

// Starts the server that scripts/serve.sh runs (scripts/static_server.mjs: npm's http-server
// sending the build's .br/.gz with Content-Encoding) on a free port of 127.0.0.1, serving `dir` (the
// build by default); resolves to { url, pid, stop } where stop() kills it by PID and waits for it
// to exit.
export async function startServer(dir = webDir) {
  if (!existsSync(path.join(dir, 'ccap.wasm'))) {
    throw new Error(`${dir}/ccap.wasm is missing: build first (scripts/build.sh)`);
  }
  if (!existsSync(path.join(root, 'node_modules/http-server/package.json'))) {
    throw new Error('npm package http-server is missing: run scripts/setup.sh');
  }
  const child = spawn(process.execPath, [path.join(root, 'scripts/static_server.mjs'), dir,
                                         '--host', '127.0.0.1', '--port', '0', '--quiet'],
                      { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('the static server did not start: ' + out)), 10000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    });
    child.stderr.on('data', (d) => { out += d; });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the static server exited (${code}): ${out}`)); });
  });
  return {
    url: `http://127.0.0.1:${port}/`,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}

// Chromium with WebGL2 on SwiftShader, quiet on a machine with no network.
export async function launchBrowser({
  webgl = true, deviceScaleFactor = 1, viewport = { width: 1024, height: 700 }, touch = false,
} = {}) {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'ccap-chromium-'));
  const args = [
    '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-default-apps',
  ];
  args.push(...(webgl ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : ['--disable-webgl', '--disable-3d-apis']));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CCAP_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args,
    viewport,
    deviceScaleFactor,
    ...(touch ? { isMobile: true, hasTouch: true } : {}),
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

// Opens the app; collects console errors and page errors into the returned list.
export async function openApp(context, url) {
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  await page.goto(url);
  return { page, errors };
}

// Serves `body` as the deployment's `file` ("data/partnership.json"), with a manifest that lists it
// (its size and SHA-256): content as a faulty pipeline run would deploy it, which the loader's
// manifest check lets through to the app's own reader.
export async function deployInstead(page, file, body, contentType = 'application/octet-stream') {
  const bytes = Buffer.from(body);
  await page.route(`**/${file}`, (route) => route.fulfill({ body: bytes, contentType }));
  await page.route('**/manifest.json*', async (route) => {
    const manifest = await (await route.fetch()).json();
    const entry = manifest.files.find((f) => f.path === file);
    entry.bytes = bytes.length;
    entry.sha256 = createHash('sha256').update(bytes).digest('hex');
    delete entry.br;
    delete entry.gz;
    await route.fulfill({ body: JSON.stringify(manifest), contentType: 'application/json' });
  });
}

// Waits until the app has drawn `frames` frames and returns its state. The air-quality data comes
// after the map (web/loader.js): unless `air` is false, this also waits until it has arrived or
// been given up on, so that a test sees the whole app.
export async function waitForFrames(page, frames = 3, timeout = 30000, air = true) {
  await page.waitForFunction(([n, air]) => {
    if (!window.Module || !Module.ccapRunning) return false;  // set by loader.js once main() ran
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    return s && s.frame >= n && !(air && s.air && s.air.loading);
  }, [frames, air], { timeout });
  return appState(page);
}

// Waits until the air-quality data has arrived (or was given up on) and returns the state.
export async function waitForAir(page, timeout = 30000) {
  return waitForFrames(page, 1, timeout, true);
}

export async function appState(page) {
  return page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())));
}

// Reads canvas pixels (CSS px) inside the app's frame; resolves to [[r,g,b,a], ...].
export async function probe(page, points) {
  return page.evaluate(async (pts) => {
    const ids = pts.map(([x, y]) => Module._ccap_request_probe(x, y));
    for (let i = 0; i < 600; ++i) {
      await new Promise((r) => requestAnimationFrame(r));
      const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
      const found = ids.map((id) => s.probes.find((p) => p.id === id));
      if (found.every((p) => p && p.done)) {
        return found.map((p) => (p.inside ? p.rgba : null));
      }
    }
    throw new Error('probes were never read');
  }, points);
}

export const hexToRgba = (hex) => [1, 3, 5, 7].map((i) => parseInt(hex.slice(i, i + 2), 16));
export const channelDistance = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

// Canvas position of a longitude/latitude now, in CSS px.
export async function project(page, lng, lat) {
  return page.evaluate(([a, b]) => JSON.parse(Module.UTF8ToString(Module._ccap_project(a, b))), [lng, lat]);
}

// Waits until the map has stopped moving (flights, zoom easing, inertia).
// Input sent just before is handled by the next frame: two more frames are drawn (asked for, so that
// a sleeping loop wakes) before the map's motion is read, or a flight not yet begun reads as still.
// With the app's clock held (holdClock), the motion is moved on by the app's clock, a thirtieth of
// a second at each look, never by waiting.
export async function waitForStill(page, timeout = 15000) {
  await drawn(page, 2, timeout);
  await page.waitForFunction(() => {
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    if (s.map.moving && window.__ccapClockHeld) Module._ccap_advance_clock(1 / 30);
    return !s.map.moving;
  }, null, { timeout, polling: 50 });
  return appState(page);
}

// Resolves once `n` more frames have been drawn, each asked of the app (a call of the test API
// wakes it: moving its clock on by nothing is such a call), so that an app asleep draws them too.
export async function drawn(page, n = 2, timeout = 15000) {
  const start = await page.evaluate(() => Module._ccap_frames_rendered());
  await page.waitForFunction(([first, n]) => {
    if (Module._ccap_frames_rendered() >= first + n) return true;
    Module._ccap_advance_clock(0);
    return false;
  }, [start, n], { timeout, polling: 20 });
}

// The app's clock in tests of durations (idle times, the tour's stops, the flow's rest, link write
// intervals): a test never waits real seconds for the app. It moves the app's clock on, lets the
// app draw, then checks: `advance(page, s)`. A check that something has NOT happened yet after a
// time also holds the clock first (`holdClock(page)`: from then on it moves only when advanced),
// or the real seconds the test itself takes, many on a busy machine, would be added to it.
export async function advance(page, seconds, frames = 2) {
  const ok = await page.evaluate((s) => Module._ccap_advance_clock(s), seconds);
  assert.equal(ok, 0, `the app's clock moved on by ${seconds} s`);
  await drawn(page, frames);
  return appState(page);
}

export async function holdClock(page) {
  await page.evaluate(() => {
    if (Module._ccap_hold_clock() !== 0) throw new Error('the app could not hold its clock');
    window.__ccapClockHeld = true;
  });
  await drawn(page, 1);
}

export async function jumpTo(page, lng, lat, zoom) {
  await page.evaluate(([a, b, z]) => Module._ccap_fly_to(a, b, z, 0), [lng, lat, zoom]);
}

export async function setLayers(page, { cities = true, arcs = true, labels = true, flow = true } = {}) {
  await page.evaluate((l) => Module._ccap_set_layers(l.cities, l.arcs, l.labels, l.flow),
                      { cities: +cities, arcs: +arcs, labels: +labels, flow: +flow });
}

// Air-quality settings by name (app/test_api.h): { pollutant: 'PM2.5'|'PM10'|'NO2'|'O3'|'SO2'|'CO',
// period: 'hour'|'day'|'year', step, scale: 'who'|'aqi', colourBlindSafe, stations, surface, playing }.
// Anything left out stays as it is. Returns the step shown (-2: the options were refused).
export async function setAir(page, options = {}) {
  return page.evaluate((json) => {
    const p = Module.stringToNewUTF8(json);
    try { return Module._ccap_set_air(p); } finally { Module._free(p); }
  }, JSON.stringify(options));
}

// Folds the welcome card as a visitor would, by a click on its header, so that the map behind it
// is free for a test about the map. Resolves once it is folded.
export async function foldWelcome(page) {
  const card = (await appState(page)).uiWindows.find((w) => w.name === 'Clean Air Atlas');
  if (!card || card.height <= 60) return;
  await page.mouse.click(card.x + card.width / 2, card.y + 20);
  await page.waitForFunction(() => {
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    const w = s.uiWindows.find((x) => x.name === 'Clean Air Atlas');
    return w && w.height <= 60;
  }, null, { timeout: 5000 });
}

// A finger, through the DevTools protocol (real touch events, as a phone sends them).
export async function finger(page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points });
  return {
    async tap(x, y) {
      await send('touchStart', [{ x, y, id: 1 }]);
      await send('touchEnd', []);
    },
    // From (x0, y0) to (x1, y1) in `steps` moves, `ms` apart; holds still before lifting unless `fling`.
    async drag(x0, y0, x1, y1, { steps = 10, ms = 16, fling = false } = {}) {
      await send('touchStart', [{ x: x0, y: y0, id: 1 }]);
      for (let i = 1; i <= steps; ++i) {
        await new Promise((r) => setTimeout(r, ms));
        await send('touchMove', [{ x: x0 + ((x1 - x0) * i) / steps, y: y0 + ((y1 - y0) * i) / steps, id: 1 }]);
      }
      if (!fling) await new Promise((r) => setTimeout(r, 150));
      await send('touchEnd', []);
    },
  };
}

export const windowNamed = (state, name) => state.uiWindows.find((w) => w.name === name);

// A PNG read with node's zlib (8-bit RGB or RGBA, not interlaced): its size and pixel(x, y) as
// [r, g, b, a] (filters undone). Reads the app's pictures and the browser's screenshots alike.
export function decodePng(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG signature');
  let width = 0, height = 0, channels = 4;
  const idat = [];
  for (let at = 8; at < bytes.length;) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, '8 bits a channel');
      assert.ok(data[9] === 2 || data[9] === 6, `colour type ${data[9]}: RGB or RGBA`);
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; ++x) {
      const v = raw[y * (stride + 1) + 1 + x];
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const pred = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[y * stride + x] = (v + pred) & 255;
    }
  }
  const pixel = (x, y) => {
    const at = (y * width + x) * channels;
    return channels === 4 ? [...out.subarray(at, at + 4)] : [...out.subarray(at, at + 3), 255];
  };
  return { width, height, pixel };
}
