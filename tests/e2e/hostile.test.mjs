// Hostile content in the real wasm build, where exceptions are not caught: a damaged
// partnership.json must not stop the page from starting, and loading bad bytes again and again
// must neither throw into JavaScript nor trap the module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, waitForFrames, appState, webDir, deployInstead } from './harness.mjs';

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

const content = () => JSON.parse(readFileSync(path.join(webDir, 'data/partnership.json'), 'utf8'));

test('a damaged partnership.json: the app starts, keeps the good entries and lists every problem', async () => {
  const c = content();
  c.cities[3].lat = 'north';                    // a string where a number belongs
  c.cities[4].name = { en: 'object' };          // an object where a string belongs
  c.pairs[0].cities = 'bangkok';                // a string where an array belongs
  c.knowledge.practices[0].outcomes = [[[[1]]]];  // nested arrays where objects belong
  let text = JSON.stringify(c);
  text = text.replace('"population":', '"ignored":1e400,"population":');  // out of double's range: the whole file
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await deployInstead(page, 'data/partnership.json', text, 'application/json');
  await page.goto(server.url);
  const state = await waitForFrames(page, 3);
  const notice = state.notices.find((n) => n.text.includes('partnership.json'));
  assert.ok(notice, JSON.stringify(state.notices));
  assert.match(notice.text, /partnership\.json: not valid JSON at line 1, column \d+: number overflow parsing '1e400'$/);
  assert.equal(notice.level, 'error');
  assert.deepEqual(errors, []);

  // The same damage without the overflow: the file is read, the four entries are left out and named.
  const page2 = await browser.context.newPage();
  await deployInstead(page2, 'data/partnership.json', JSON.stringify(c), 'application/json');
  await page2.goto(server.url);
  const state2 = await waitForFrames(page2, 3);
  const summary = state2.notices.find((n) => n.details);
  assert.ok(summary, JSON.stringify(state2.notices));
  assert.match(summary.text, /partnership\.json: 3 problems; what each names was left out$/);
  const file = summary.text.slice(0, summary.text.indexOf(': '));
  assert.deepEqual(summary.details, [
    `${file}: /cities/3/lat: must be a number`,
    `${file}: /cities/4/name: must be a string`,
    `${file}: /pairs/0/cities: must be an array`,
  ]);
  // The Knowledge Platform names its damaged entry, and the practice of the city left out.
  // (A practice of Colombo alone has no city left: it goes too; one of Colombo and another stays.)
  const knowledge = state2.notices.find((n) => /\(Knowledge Platform\): \d+ problems/.test(n.text));
  assert.ok(knowledge, JSON.stringify(state2.notices));
  assert.match(knowledge.details[0], /\/knowledge\/practices\/0\/outcomes\/0: an outcome needs a text/);
  assert.ok(knowledge.details.some((d) => /\/knowledge\/practices\/\d+\/cities\/\d+: unknown city "colombo" \(left out\)/.test(d)),
            JSON.stringify(knowledge.details));
  assert.ok(state2.knowledge.loaded && state2.knowledge.practices > 20, 'the rest of the Knowledge Platform is there');
  await page.close();
  await page2.close();
});

test('loading bad bytes thousands of times neither throws into JavaScript nor traps the module', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitForFrames(page, 2);
  const outcome = await page.evaluate(() => {
    const inputs = ['{"cities": [', '[]', '{"format": "ccap-partnership", "version": 3, "cities": 7}',
                    '\u00ff\u00fe', '1e400', '['.repeat(5000) + ']'.repeat(5000)];
    const counts = [];
    for (let i = 0; i < 3000; ++i) {
      const ptr = Module.stringToNewUTF8(inputs[i % inputs.length]);
      counts.push(Module._ccap_load_partnership(ptr));
      Module._free(ptr);
    }
    return { counts: counts.slice(0, inputs.length) };
  });
  assert.ok(outcome.counts.every((n) => n >= 1), `each bad input reports its problems: ${outcome.counts}`);
  const state = await waitForFrames(page, (await appState(page)).frame + 2);
  assert.ok(state.selection !== undefined, 'still running');
  assert.ok(state.knowledge.loaded, 'the content that loaded before stays: ' + JSON.stringify(state.notices).slice(0, 800));
  assert.deepEqual(errors, []);
});

test('thousands of hostile loads and links leave the wasm heap where it was', async () => {
  const { page, errors } = await openApp(browser.context, server.url + '?demo=1');  // (air data loaded at start)
  await waitForFrames(page, 2);
  // One round: bad content, cut and scrambled air-quality bytes, and hostile links, each opened.
  const round = () => page.evaluate(async () => {
    const bad = ['{"cities": [', '1e400', '['.repeat(3000) + ']'.repeat(3000),
                 '{"format": "ccap-partnership", "version": 3, "cities": [{"id": 1}]}'];
    for (let i = 0; i < 800; ++i) {
      const p = Module.stringToNewUTF8(bad[i % bad.length] + ' '.repeat(i % 7));
      Module._ccap_load_partnership(p);
      Module._free(p);
    }
    const junk = new Uint8Array(4096);
    for (let i = 0; i < junk.length; ++i) junk[i] = (i * 131 + 7) & 255;
    const buf = Module._malloc(junk.length);
    Module.HEAP8.set(new Int8Array(junk.buffer), buf);
    for (let i = 0; i < 800; ++i) Module._ccap_load_air(buf, (i * 37) % junk.length);
    Module._free(buf);
    for (let i = 0; i < 60; ++i) {
      // (odd: one problem, a notice of its own each time; even: several, one notice that counts them)
      const link = i % 2 ? `#city=atlantis${i}` : `#map=${'9'.repeat(i * 20)}/x&city=atlantis${i}&q=%E0&v=${i}`;
      const p = Module.stringToNewUTF8(link);
      Module._ccap_open_link(p);
      Module._free(p);
      await new Promise((r) => requestAnimationFrame(r));
    }
    return JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
  });
  const first = await round();
  const second = await round();
  const third = await round();
  const grew = third.memory.mallocUsedBytes - first.memory.mallocUsedBytes;
  assert.ok(grew < 256 * 1024, `malloc'd bytes grew by ${grew} over two rounds (${first.memory.mallocUsedBytes} -> ` +
    `${second.memory.mallocUsedBytes} -> ${third.memory.mallocUsedBytes})`);
  assert.ok(third.notices.length <= 24, `notices are bounded: ${third.notices.length}`);
  assert.ok(third.knowledge.loaded && third.air.stations > 0, 'what loaded first is still there');
  assert.deepEqual(errors, []);
});

// City-scale tiles as a faulty pipeline run would deploy them (each listed in the manifest with its
// size and hash, so the loader hands them on): the app's own checks catch them.
async function deployTiles(page, pattern, body) {
  const bytes = Buffer.from(body);
  const { createHash } = await import('node:crypto');
  await page.route(pattern, (route) => route.fulfill({ body: bytes, contentType: 'application/octet-stream' }));
  await page.route('**/manifest.json*', async (route) => {
    const manifest = await (await route.fetch()).json();
    for (const entry of manifest.files.filter((f) => new RegExp(pattern.replace('**/', '').replace('*', '[^/]*')).test(f.path))) {
      entry.bytes = bytes.length;
      entry.sha256 = createHash('sha256').update(bytes).digest('hex');
      delete entry.br;
      delete entry.gz;
    }
    await route.fulfill({ body: JSON.stringify(manifest), contentType: 'application/json' });
  });
}

const cityState = (page) => page.waitForFunction(() => {
  const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
  return s.cityMap && s.cityMap.index !== 'coming' && s.cityMap.coming === 0 && s.cityMap.requested > 0 && s;
}, null, { timeout: 30000 }).then((h) => h.jsonValue());

test('hostile city tiles: junk where every tile should be is told once; the world map stays and the app runs', async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await deployTiles(page, '**/data/tiles/*.ccapmap', 'CCAPMAP\u0003' + '\u00ff'.repeat(200));
  await page.goto(server.url);
  await waitForFrames(page, 3);
  await page.evaluate(() => Module._ccap_fly_to(100.52, 13.75, 10, 0));  // Bangkok
  const s = await cityState(page);
  assert.equal(s.cityMap.loaded, 0, JSON.stringify(s.cityMap));
  assert.ok(s.cityMap.failed >= 2, JSON.stringify(s.cityMap));
  const told = s.notices.filter((n) => n.text.includes('city-scale'));
  assert.equal(told.length, 1, JSON.stringify(s.notices));
  assert.match(told[0].text, /tiles\/\d-\d+-\d+\.ccapmap: its size or checksum is not the index's \(damaged\)/);
  const after = await waitForFrames(page, s.frame + 3);
  assert.equal(after.map.basemapLoaded, true, 'the world map is still drawn');
  assert.deepEqual(errors, []);
  await page.close();
});

test('hostile city tiles: an index that is not JSON leaves the world map at every zoom, with a notice', async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  await deployTiles(page, '**/data/tiles/index.json', '{"format": 1, "tiles": [{"z": 8, "x": ');
  await page.goto(server.url);
  await waitForFrames(page, 3);
  await page.evaluate(() => Module._ccap_fly_to(121.53, 25.05, 10, 0));  // Taipei
  const s = await page.waitForFunction(() => {
    const st = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    return st.cityMap && st.cityMap.index === 'read' && st;
  }, null, { timeout: 30000 }).then((h) => h.jsonValue());
  assert.equal(s.cityMap.tiles, 0);
  assert.equal(s.cityMap.requested, 0);
  const notice = s.notices.find((n) => n.text.includes('tiles/index.json'));
  assert.ok(notice, JSON.stringify(s.notices));
  assert.match(notice.text, /not valid JSON/);
  assert.deepEqual(errors, []);
  await page.close();
});
