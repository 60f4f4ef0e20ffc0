// The basemap in the real wasm build: land and ocean where they belong, and navigation by mouse,
// wheel, keyboard and touch moving the map exactly as far as the hand did.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, openApp, waitForFrames, appState, probe, project, waitForStill, jumpTo, setLayers, setAir,
  channelDistance, foldWelcome, holdClock, drawn,
} from './harness.mjs';

const LAND = [0xf4, 0xf1, 0xea, 0xff];
const OCEAN = [0xd6, 0xe6, 0xf0, 0xff];
const ULAANBAATAR = [106.88, 47.92];  // CCAP city, far from any coast
const isLand = (rgba) => channelDistance(rgba, LAND) <= 2;

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser({ viewport: { width: 1024, height: 700 } });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

// These tests are about the basemap: the partnership layers are switched off.
async function freshMap() {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  await setLayers(page, { cities: false, arcs: false, labels: false, flow: false });
  await setAir(page, { stations: false, surface: false });  // the basemap alone
  await foldWelcome(page);
  return { page, errors };
}

test('the default view frames the partnership region across the Pacific', async () => {
  const { page, errors } = await freshMap();
  const s = await appState(page);
  assert.equal(s.map.basemapLoaded, true);
  assert.equal(s.map.basemapLevels, 2);
  // Centred over the western Pacific, with India and California both on screen.
  assert.ok(s.map.center[0] > 140 || s.map.center[0] < -170, `centre ${s.map.center}`);
  for (const [lng, lat] of [[76.27, 9.93] /* Cochin */, [-117.16, 32.72] /* San Diego */]) {
    const [x, y] = await project(page, lng, lat);
    assert.ok(x > 0 && x < 1024 && y > 0 && y < 700, `${lng},${lat} is on screen at ${x},${y}`);
  }
  const [sanDiego] = await project(page, -116.95, 32.85);
  const [kitakyushu] = await project(page, 130.88, 33.88);
  assert.ok(sanDiego > kitakyushu, 'California is east of Japan: the Pacific is in one piece');
  const colours = await probe(page, [await project(page, 130.75, 32.75), await project(page, -116.95, 32.85),
                                     await project(page, -170, 42)]);
  assert.ok(isLand(colours[0]), `Kyushu is land: ${colours[0]}`);
  assert.ok(isLand(colours[1]), `San Diego is land: ${colours[1]}`);
  assert.ok(channelDistance(colours[2], OCEAN) <= 2, `mid-Pacific is ocean: ${colours[2]}`);
  assert.deepEqual(errors, []);
});

test('drag and wheel-zoom keep a city under the hand, and it is still land', async () => {
  const { page, errors } = await freshMap();
  const [ux, uy] = await project(page, ...ULAANBAATAR);
  // Drag Ulaanbaatar to the centre of the canvas, pausing before release so nothing coasts.
  await page.mouse.move(ux, uy);
  await page.mouse.down();
  await page.mouse.move((ux + 512) / 2, (uy + 350) / 2, { steps: 5 });
  await page.mouse.move(512, 350, { steps: 5 });
  await page.waitForTimeout(150);
  await page.mouse.up();
  let s = await waitForStill(page);
  let [x, y] = await project(page, ...ULAANBAATAR);
  assert.ok(Math.abs(x - 512) <= 1 && Math.abs(y - 350) <= 1, `dragged to ${x},${y}`);
  assert.equal(s.map.gestures, 1);

  // Wheel towards the user = zoom in, anchored at the cursor.
  const zoomBefore = s.map.zoom;
  await page.mouse.wheel(0, -300);
  s = await waitForStill(page);
  assert.ok(s.map.zoom > zoomBefore + 0.9, `zoomed from ${zoomBefore} to ${s.map.zoom}`);
  [x, y] = await project(page, ...ULAANBAATAR);
  assert.ok(Math.abs(x - 512) <= 1.5 && Math.abs(y - 350) <= 1.5, `still under the cursor: ${x},${y}`);
  const [colour] = await probe(page, [[x, y]]);
  assert.ok(isLand(colour), `Ulaanbaatar is land after the drag and zoom: ${colour}`);
  assert.deepEqual(errors, []);
});

test('a fling coasts and stops; the map is never blank while panning east across 180°', async () => {
  const { page } = await freshMap();
  await jumpTo(page, 170, 20, 3);
  // A flick as a hand makes it: moves ~10 ms apart and a release right after the last one (separate
  // Playwright calls arrive too far apart under SwiftShader to count as a flick).
  await page.evaluate(async () => {
    const canvas = document.getElementById('canvas');
    const at = (type, x, target = canvas) => target.dispatchEvent(new MouseEvent(type, {
      clientX: x, clientY: 350, button: 0, buttons: type === 'mouseup' ? 0 : 1, bubbles: true,
    }));
    at('mousedown', 700);
    for (let i = 1; i <= 8; ++i) {
      await new Promise((r) => setTimeout(r, 10));
      at('mousemove', 700 - 40 * i);
    }
    at('mouseup', 380, document);
  });
  const moving = (await appState(page)).map.moving;
  const s = await waitForStill(page);
  assert.equal(moving, true, 'it coasts after a quick release');
  // The drag alone moves the view 320 px = 28.1° east at zoom 3; coasting carries it further.
  const east = ((s.map.center[0] - 170 + 540) % 360) - 180;
  assert.ok(east > 28.2 && east < 120, `moved ${east}° east of 170°E, across 180°: ${s.map.center}`);
  // Every column of a row across the view is drawn: ocean, land or lines; never the clear void.
  const row = [];
  for (let x = 8; x < 1024; x += 64) row.push([x, 200]);
  for (const rgba of await probe(page, row)) assert.equal(rgba[3], 255);
});

test('keyboard: + zooms in, Shift + arrows pan, Home flies back to the partnership region', async () => {
  const { page } = await freshMap();
  const home = await appState(page);
  await page.locator('#canvas').click({ position: { x: 600, y: 400 } });
  await page.keyboard.press('Equal');  // the + key without Shift
  let s = await waitForStill(page);
  assert.ok(Math.abs(s.map.zoom - (home.map.zoom + 1)) < 1e-6, `zoom ${s.map.zoom}`);
  await page.keyboard.press('Shift+ArrowRight');  // arrows alone move between cities
  s = await waitForStill(page);
  assert.notDeepEqual(s.map.center, home.map.center);
  await page.keyboard.press('Home');
  s = await waitForStill(page);
  // Home frames every partner city between the panels as they are now (the click folded the
  // welcome card: the view may be closer than at the start, never farther).
  assert.ok(s.map.zoom >= home.map.zoom - 1e-6 && s.map.zoom < home.map.zoom + 1, `zoom ${s.map.zoom} from ${home.map.zoom}`);
  const { width, height } = page.viewportSize();
  for (const m of s.cityMarks)
    assert.ok(m.x >= 0 && m.x <= width && m.y >= 0 && m.y <= height, `${m.cities} in view after Home: ${m.x},${m.y}`);
  await page.keyboard.press('Home');
  const again = await waitForStill(page);
  assert.ok(Math.abs(again.map.zoom - s.map.zoom) < 1e-6 && Math.abs(again.map.center[0] - s.map.center[0]) < 1e-6,
    'Home twice is Home');
});

test('double-click zooms in one level at the pointer', async () => {
  const { page } = await freshMap();
  const before = await appState(page);
  const target = await project(page, ...ULAANBAATAR);
  await page.mouse.dblclick(target[0], target[1]);
  const s = await waitForStill(page);
  assert.ok(Math.abs(s.map.zoom - before.map.zoom - 1) < 1e-6, `zoom ${before.map.zoom} -> ${s.map.zoom}`);
  const after = await project(page, ...ULAANBAATAR);
  assert.ok(Math.abs(after[0] - target[0]) <= 1.5 && Math.abs(after[1] - target[1]) <= 1.5);
});

test('two-finger pinch zooms without rotating and the place between the fingers follows them', async () => {
  const { page } = await freshMap();
  const cdp = await page.context().newCDPSession(page);
  const before = await appState(page);
  const mid = await project(page, ...ULAANBAATAR);
  const touch = (type, spread, dx = 0) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [
      { x: mid[0] - spread + dx, y: mid[1], id: 1 },
      { x: mid[0] + spread + dx, y: mid[1], id: 2 },
    ],
  });
  await touch('touchStart', 100);
  for (let i = 1; i <= 10; ++i) await touch('touchMove', 100 + 10 * i, 3 * i);  // 200 -> 400 px apart, 30 px right
  await touch('touchEnd', 0);
  const s = await waitForStill(page);
  assert.ok(Math.abs(s.map.zoom - (before.map.zoom + 1)) < 0.02, `spread doubled: zoom ${before.map.zoom} -> ${s.map.zoom}`);
  assert.equal(s.map.gestures, 1, 'one pinch, not a pinch and a drag');
  const [x, y] = await project(page, ...ULAANBAATAR);
  assert.ok(Math.abs(x - (mid[0] + 30)) <= 2 && Math.abs(y - mid[1]) <= 2, `Ulaanbaatar followed the fingers: ${x},${y}`);
});

// Render on demand (Application::next_frame_at): when the app wants no frame, the page's loop
// sleeps; input draws again. On the app's held clock nothing comes due by itself, so the count over
// a second of display frames is exact. (When the flow asks for frames and rests is
// tests/app/render_on_demand_test.cpp's.) Counted without the test API, whose calls wake the app.
test('an idle map draws nothing until something changes; the flow rests after a while without input', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await waitForFrames(page, 3);
  const rendered = () => page.evaluate(() => Module._ccap_frames_rendered());
  const displayFrames = (n) => page.evaluate((count) => new Promise((done) => {
    let k = 0;
    const tick = () => (++k >= count ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
  assert.equal((await appState(page)).layers.flowAnimating, true, 'the arcs flow at start');
  await holdClock(page);
  // 40 s later on the app's clock nobody has touched the map: the flow stands still.
  await page.evaluate(() => Module._ccap_advance_clock(40));
  await drawn(page, 1);
  let s = await appState(page);
  assert.equal(s.layers.flowAnimating, false);
  const first = await rendered();
  await displayFrames(60);
  assert.ok((await rendered()) - first <= 1, 'no frames while nothing is due');
  // A pointer over the map is input: frames again, and the flow moves once more.
  const before = await rendered();
  await page.mouse.move(500, 300);
  await page.mouse.move(520, 310);
  await page.waitForFunction((n) => Module._ccap_frames_rendered() > n, before);  // input draws
  s = await appState(page);
  assert.equal(s.layers.flowAnimating, true);
  await page.close();
});

test('city scale: nothing of the tiles before the map comes close; then only the tiles in view', async () => {
  const asked = [];
  const watch = (r) => { const m = r.url().match(/data\/(tiles\/[^?]*)/); if (m) asked.push(m[1]); };
  browser.context.on('request', watch);  // before the page exists: its first requests too
  try {
    const { page, errors } = await openApp(browser.context, server.url);
    await waitForFrames(page, 3);
    assert.deepEqual(asked, [], 'no tile and no index at the world view');
    await jumpTo(page, 100.52, 13.75, 10);  // Bangkok
    await page.waitForFunction(() => {
      const c = JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).cityMap;
      return c && c.index === 'read' && c.drawn > 0 && c.coming === 0;
    }, null, { timeout: 30000 });
    const s = await appState(page);
    const tiles = asked.filter((a) => a.endsWith('.ccapmap'));
    assert.ok(asked.includes('tiles/index.json'), `${asked}`);
    assert.equal(tiles.length, s.cityMap.requested, `${tiles}`);
    const city = tiles.filter((t) => t.startsWith('tiles/8-')), regional = tiles.filter((t) => t.startsWith('tiles/5-'));
    assert.ok(city.length >= 1 && city.length <= 4, `only the city tiles that meet the view: ${tiles}`);
    assert.ok(regional.length >= 1 && regional.length <= 4, `and the regional ones under them: ${tiles}`);
    assert.equal(s.cityMap.failed, 0);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    browser.context.off('request', watch);
  }
});

// The tiles of the index that meet a view (world coordinates, as tile_picker.h has it), at its zoom.
function tilesInView(index, state) {
  const [lng, lat] = state.map.center, zoom = state.map.zoom;
  const cx = (lng + 180) / 360;
  const cy = (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
  const world = 512 * 2 ** zoom, hw = state.canvas.width / 2 / world, hh = state.canvas.height / 2 / world;
  return index.tiles.filter((t) => {
    const size = 1 / 2 ** t.z, west = t.x * size, north = t.y * size;
    if (zoom < t.z - 0.5 || north + size <= cy - hh || north >= cy + hh) return false;
    const k = Math.floor(cx - hw - west - size) + 1;
    return west + k < cx + hw;
  }).map((t) => 'tiles/' + t.file);
}

test('city scale: panning at zoom 10 asks only for the tiles that come into view, each once', async () => {
  const asked = [];
  const watch = (r) => { const m = r.url().match(/data\/(tiles\/[^?]*\.ccapmap)/); if (m) asked.push(m[1]); };
  const { page, errors } = await openApp(browser.context, server.url);
  try {
    await waitForFrames(page, 3);
    const index = await page.evaluate(async () => (await fetch('data/tiles/index.json')).json());
    browser.context.on('request', watch);
    const inView = new Set();
    for (let step = 0; step < 12; ++step) {  // Bangkok eastwards, a third of a screen at a time
      await jumpTo(page, 100.3 + step * 0.15, 13.75, 10);
      const s = await page.waitForFunction(() => {
        const st = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
        return st.cityMap && st.cityMap.index === 'read' && st.cityMap.coming === 0 && st.map.zoom > 9.99 && st;
      }, null, { timeout: 30000 }).then((h) => h.jsonValue());
      for (const t of tilesInView(index, s)) inView.add(t);
      for (const t of asked) assert.ok(inView.has(t), `${t} asked for, never in view (step ${step})`);
    }
    assert.equal(new Set(asked).size, asked.length, `each tile asked for once: ${asked}`);
    assert.ok(asked.length >= 3, `the pan crossed tiles: ${asked}`);
    assert.deepEqual(errors, []);
  } finally {
    browser.context.off('request', watch);
    await page.close();
  }
});

test('city scale: 200 zooms in and out over the partner cities leave the wasm heap and the file system flat', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  // Every city tile's centre: 100 zoom-ins visit more tiles than are kept (32), so tiles are
  // evicted and asked for again all along.
  const index = await page.evaluate(async () => (await fetch('data/tiles/index.json')).json());
  const cities = index.tiles.filter((t) => t.z === 8).map((t) => {
    const n = 2 ** t.z, y = Math.PI * (1 - (2 * (t.y + 0.5)) / n);
    return [((t.x + 0.5) / n) * 360 - 180, (Math.atan(Math.sinh(y)) * 180) / Math.PI];
  });
  // One round: in to zoom 10 over a tile and straight out again, ten times; every other time the
  // tiles may arrive first, the others leave before they can (their downloads are cancelled).
  const round = (r) => page.evaluate(async ([cities, r]) => {
    const frame = () => new Promise((res) => requestAnimationFrame(res));
    for (let i = 0; i < 10; ++i) {
      const [lng, lat] = cities[(i * 7 + r * 10) % cities.length];
      Module._ccap_fly_to(lng, lat, 10, 0);
      for (let f = 0; f < (i % 2 ? 1 : 20); ++f) await frame();
      Module._ccap_fly_to(lng, lat, 3, 0);
      await frame();
    }
    const st = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    const files = Module.FS.analyzePath('/data/tiles').exists ? Module.FS.readdir('/data/tiles').length : 0;
    return { used: st.memory.mallocUsedBytes, files, city: st.cityMap };
  }, [cities, r]);
  const rounds = [];
  for (let r = 0; r < 10; ++r) rounds.push(await round(r));  // 10 x 10 in and 10 out: 200 zooms
  const grew = rounds[9].used - rounds[1].used;
  assert.ok(grew < 512 * 1024, `malloc'd bytes grew by ${grew}: ${rounds.map((x) => x.used)}`);
  assert.ok(rounds[9].city.loaded <= 32, `at most 32 tiles kept: ${JSON.stringify(rounds[9].city)}`);
  assert.ok(rounds[9].files <= 4, `tiles are not kept in the file system once read: ${rounds[9].files} files`);
  assert.ok(rounds[9].city.requested > rounds[1].city.requested + 20, `tiles were asked for all along: ${
    rounds.map((x) => x.city.requested)}`);
  assert.deepEqual(errors, []);
  await page.close();
});
