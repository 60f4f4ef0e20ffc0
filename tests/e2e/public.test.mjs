// The public visitor in the real wasm build: links that reproduce the screen (the URL hash, Back and
// Forward), sharing, saving a picture or a table, printing, and the accessible companion that a
// screen reader and a keyboard use instead of the canvas (axe-core finds nothing to flag).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  decodePng,
  startServer, launchBrowser, openApp, waitForFrames, appState, waitForStill, project, probe, channelDistance, advance,
  drawn,
} from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const accessible = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ccap_accessible_json())));
const hashHas = (page, ...parts) =>
  // (the link's own reading: '+' is a space, then %-escapes: base/link_state.h)
  page.waitForFunction((ps) => ps.every((p) => decodeURIComponent(location.hash.replace(/\+/g, ' ')).includes(p)), parts,
                      { timeout: 15000 });
const pageCall = (page, fn, text) => page.evaluate(([f, t]) => {
  const p = Module.stringToNewUTF8(t);
  const r = Module[f](p);
  Module._free(p);
  return r;
}, [fn, text]);

async function fresh(hash = '') {
  const { page, errors } = await openApp(browser.context, server.url + hash);
  await waitForFrames(page, 4);
  return { page, errors };
}

// Waits until the companion's live region says `words` (a screen reader's next utterance); on
// failure, says what it said instead and what the app's accessible document holds.
async function heard(page, words, timeout = 15000) {
  try {
    await page.waitForFunction((w) => document.getElementById('a11y-live').textContent.includes(w), words, { timeout });
  } catch (e) {
    const now = await page.evaluate(() => ({
      live: document.getElementById('a11y-live').textContent,
      doc: JSON.parse(Module.UTF8ToString(Module._ccap_accessible_json())),
    }));
    throw new Error(`never heard "${words}": the live region says "${now.live}"; the app's document has panel ` +
                    `${JSON.stringify(now.doc.panel && now.doc.panel.title)}, focus ${JSON.stringify(now.doc.focus)}`);
  }
}

// RFC 4180 with the BOM the app writes.
function parseCsv(text) {
  assert.ok(text.startsWith('\ufeff'), 'UTF-8 with a byte-order mark');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 1; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; ++i; }
    else field += c;
  }
  return rows;
}

test('deep links: every kind of state goes into the hash, and the link opens the same screen in a new browser', async () => {
  const { page, errors } = await fresh('?demo=1');  // air settings on the demo set, loaded at start
  assert.equal(await pageCall(page, '_ccap_select_city', 'pasig'), 0);
  await page.evaluate(() => Module._ccap_set_layers(1, 1, 0, 1));
  await page.evaluate(() => {
    const o = Module.stringToNewUTF8(JSON.stringify({ pollutant: 'PM10', period: 'year', scale: 'who' }));
    Module._ccap_set_air(o);
    Module._free(o);
  });
  await hashHas(page, 'city=pasig', 'show=cities,arcs,flow', 'pollutant=pm10', 'avg=year', 'time=');
  await pageCall(page, '_ccap_page_search', 'bike sharing');
  await hashHas(page, 'kb=search', 'q=bike sharing');
  const entry = (await accessible(page)).results.items[0].key;
  assert.equal(await pageCall(page, '_ccap_page_open_entry', entry), 0);
  await hashHas(page, `entry=${entry}`, 'open=city,knowledge');
  await waitForStill(page);
  await advance(page, 0.6);  // the last write (at most one every 0.5 s of the app's clock)
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /^#map=[\d.]+\/-?[\d.]+\/-?[\d.]+&/);
  assert.match(hash, /&v=1$/);
  const a = await appState(page);

  // The link in a browser of its own.
  const other = await launchBrowser({ viewport: { width: 1280, height: 800 } });
  try {
    const { page: p2, errors: e2 } = await openApp(other.context, server.url + '?demo=1' + hash);
    await waitForFrames(p2, 6);
    await waitForStill(p2);
    const b = await appState(p2);
    assert.equal(b.selection.city, 'pasig');
    assert.equal(b.air.pollutant, a.air.pollutant);
    assert.equal(b.air.period, a.air.period);
    assert.equal(b.air.step, a.air.step);
    assert.equal(b.layers.labelsOn, false);
    assert.equal(b.knowledge.query, 'bike sharing');
    assert.equal(b.knowledge.selected.id, a.knowledge.selected.id);
    assert.ok(Math.abs(b.map.zoom - a.map.zoom) < 0.006, `zoom ${b.map.zoom} vs ${a.map.zoom}`);
    // The link writes the centre to 0.01° at this zoom (0.02 px): it reads back to within half of that.
    for (const i of [0, 1]) assert.ok(Math.abs(b.map.center[i] - a.map.center[i]) <= 0.005 + 1e-9, `centre ${b.map.center} vs ${a.map.center}`);
    assert.deepEqual(b.notices, []);
    // The same pixels where the cities are.
    const points = [];
    for (const [lng, lat] of [[121.08, 14.57], [121.56, 25.03], [120.6, 16.4], [122.56, 10.72]])
      points.push(await project(page, lng, lat));
    const pa = await probe(page, points), pb = await probe(p2, points);
    for (let i = 0; i < points.length; ++i)
      if (pa[i] && pb[i]) assert.ok(channelDistance(pa[i], pb[i]) <= 24, `probe ${i}: ${pa[i]} vs ${pb[i]}`);
    assert.deepEqual(e2, []);
  } finally {
    await other.close();
  }
  assert.deepEqual(errors, []);
});

test('Back and Forward move between selections; pans replace the entry', async () => {
  const { page } = await fresh();
  const length0 = await page.evaluate(() => history.length);
  await pageCall(page, '_ccap_page_open_city', 'bangkok');
  await hashHas(page, 'city=bangkok');
  await waitForStill(page);
  await page.evaluate(() => Module._ccap_fly_to(100.6, 13.9, 7, 0));  // a pan: no new entry
  await hashHas(page, 'map=7/13.9/100.6');
  await advance(page, 0.6);  // past the link's write interval: the next selection is an entry of its own
  await pageCall(page, '_ccap_page_open_city', 'san-diego');
  await hashHas(page, 'city=san-diego');
  await waitForStill(page);
  await advance(page, 0.6);
  const length1 = await page.evaluate(() => history.length);
  assert.ok(length1 - length0 >= 2 && length1 - length0 <= 3, `history grew by ${length1 - length0}`);
  await page.goBack();
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === 'bangkok');
  let s = await appState(page);
  assert.ok(Math.abs(s.map.zoom - 7) < 0.01, `Back returns to the view as left: zoom ${s.map.zoom}`);
  await page.goForward();
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === 'san-diego');
  s = await appState(page);
  assert.deepEqual(s.notices, []);
});

test('a malformed or stale link is read part by part: the rest applies and a notice names the parts', async () => {
  const long = 'q=' + 'x'.repeat(5000);
  for (const hash of ['#map=abc/1/2&city=atlantis&pollutant=xx&show=cities,sparkles&zzz=1&q=%E0&v=9',
                      '#' + long, '#%%%&&&==&map=1e999/0/0', '#map=3/0/0&kb=<script>alert(1)</script>']) {
    const { page, errors } = await fresh(hash);
    await waitForFrames(page, 8);
    // The link's air part is read when the air data has come (after the first frames): its notice
    // follows within a few frames, not at a fixed frame.
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).notices
      .some((n) => n.text.includes('The link')), null, { timeout: 10000 }).catch(() => {});
    const s = await appState(page);
    const notice = s.notices.find((n) => n.text.includes('The link'));
    assert.ok(notice, `${hash.slice(0, 40)}: a notice (${JSON.stringify(s.notices)})`);
    assert.deepEqual(errors, [], hash.slice(0, 40));
    if (hash.includes('sparkles')) {
      assert.equal(s.layers.arcsOn, false, 'the good part of show= applies');
      assert.ok(notice.details.some((d) => d.includes("'atlantis'")));
      assert.ok(notice.details.some((d) => d.includes("'zzz'")));
    }
  }
});

test('Share copies the link where there is no share sheet, and says so', async () => {
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const { page } = await fresh('#map=5/14/101&city=bangkok&v=1');
  await page.focus('#canvas');
  assert.equal(await page.evaluate(() => typeof navigator.share), 'undefined', 'desktop Chromium on Linux');
  await page.evaluate(() => Module._ccap_page_share(0));
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).share.last === 'Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await page.evaluate(() => location.href));
  assert.match(copied, /#map=.*city=bangkok/);
});

test('the Share menu opens under its button and a tap outside closes it', async () => {
  const { page } = await fresh();
  const s = await appState(page);
  const card = s.uiWindows.find((w) => w.name === 'Clean Air Atlas');
  await page.mouse.click(card.x + card.width - 25, card.y + 20);  // the header's Share button
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).share.menu !== null);
  const menu = (await appState(page)).share.menu;
  assert.ok(menu.y >= card.y + 20 && menu.x < card.x + card.width, `under the button: ${JSON.stringify(menu)}`);
  await page.mouse.click(700, 600);  // the map, away from every panel
  await waitForFrames(page, (await appState(page)).frame + 3);
  assert.equal((await appState(page)).share.menu, null, 'closed, and it stays closed');
  await waitForFrames(page, (await appState(page)).frame + 3);
  assert.equal((await appState(page)).share.menu, null);
});

test('Save image: a PNG of the map with the title card, the legend and the attribution', async () => {
  const { page } = await fresh('?demo=1#map=4/15/112&v=1');  // (the demo set's legend lines and warning)
  await waitForStill(page);
  const s = await appState(page);
  const download = page.waitForEvent('download');
  await page.evaluate(() => Module._ccap_page_share(1));
  const d = await download;
  assert.match(d.suggestedFilename(), /^clean-air-atlas_map_\d{4}-\d\d-\d\d_\d{4}Z\.png$/);
  const png = decodePng(readFileSync(await d.path()));
  const after = await appState(page);
  const card = after.share.pictureCard;
  assert.equal(png.height, s.framebuffer.height);
  assert.equal(png.width, s.framebuffer.width + card.width, 'the card beside the map');
  // The card: text, swatches and the synthetic-data warning.
  const inCard = (test) => {
    let n = 0;
    for (let y = card.y; y < card.y + card.height; y += 1)
      for (let x = card.x; x < card.x + card.width; x += 2) if (test(png.pixel(x, y))) ++n;
    return n;
  };
  const colours = new Set();
  inCard((p) => { colours.add(p.slice(0, 3).join(',')); return false; });
  assert.ok(colours.size > 20, 'a card with text and swatches');
  assert.ok(inCard((p) => p[0] > p[1] + 60 && p[0] > p[2] + 90 && p[0] < 200) > 20, 'the synthetic-data warning');
  // The attribution where the app drew it, on the map.
  const credit = s.uiWindows.find((w) => w.name === 'Attribution');
  let ink = 0;
  for (let y = credit.y; y < credit.y + credit.height; ++y)
    for (let x = credit.x; x < credit.x + credit.width; ++x) {
      const p = png.pixel(Math.round(x), Math.round(y));
      if (p[0] + p[1] + p[2] < 450) ++ink;
    }
  assert.ok(ink > 100, `attribution text in the picture (${ink} dark pixels)`);
  // The panels are not in it: where the welcome card was, the map.
  const welcome = s.uiWindows.find((w) => w.name === 'Clean Air Atlas');
  const p = png.pixel(Math.round(welcome.x + 40), Math.round(welcome.y + 40));
  assert.ok(p[0] < 250 || p[1] < 250, `map, not the card's white, at the welcome card (${p})`);
  // A link opened right after it opens its own tab (once it opened Search).
  await page.evaluate(() => { location.hash = '#kb=compare&compare=pasig,taipei'; });
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.compareColumns > 0);
});

test('Download CSV: the stations in view at the time shown, each with its band and source', async () => {
  const { page } = await fresh('#map=9/25.05/121.55&v=1');
  await waitForStill(page);
  const s = await appState(page);
  const download = page.waitForEvent('download');
  await page.evaluate(() => Module._ccap_page_share(3));
  const d = await download;
  assert.match(d.suggestedFilename(), /^clean-air-atlas_stations-pm25-daily-mean-.*\.csv$/);
  const rows = parseCsv(readFileSync(await d.path(), 'utf8'));
  assert.deepEqual(rows[0].slice(0, 9), ['station_id', 'station', 'partner_city_id', 'latitude', 'longitude', 'pollutant',
    'averaging', 'time_utc', 'value_ug_m3']);
  assert.ok(rows.length > 5, `${rows.length - 1} stations around Taipei`);
  for (const r of rows.slice(1)) {
    assert.equal(r.length, rows[0].length);
    assert.equal(r[5], 'PM2.5');
    assert.equal(r[7], s.air.timeLabel);
    const [x, y] = await project(page, Number(r[4]), Number(r[3]));
    assert.ok(x >= -1 && y >= -1 && x <= 1281 && y <= 801, `${r[0]} is in view (${x}, ${y})`);
    assert.ok(r[11].startsWith('yes: synthetic') || r[11] === 'no');
  }
});

test('Print: the picture of the map and the open panel\'s text, in the print layout', async () => {
  const { page } = await fresh('#map=5/14/101&city=bangkok&v=1');
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.waitForFunction(() => document.getElementById('a11y-panel-title').textContent === 'Bangkok');
  await page.evaluate(() => Module._ccap_page_share(2));
  await page.waitForFunction(() => window.__printed === true);
  assert.ok(await page.evaluate(() => document.getElementById('print-map').naturalWidth > 1000));
  assert.match(await page.textContent('#print-text'), /Bangkok.*In the partnership/s);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('canvas')).display), 'none');
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('print-sheet')).display), 'block');
  await page.emulateMedia({ media: 'screen' });
  // Ctrl+P does the same (the browser's own print of the canvas would be blank).
  await page.evaluate(() => { window.__printed = false; });
  await page.keyboard.press('Control+KeyP');
  await page.waitForFunction(() => window.__printed === true);
});

test('keyboard only: arrows move a ring between cities and Enter opens; Tab reaches Bangkok, its twin, the search and an entry', async () => {
  const { page } = await fresh();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'canvas', 'the map has the keys at start');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_accessible_json())).focus);
  const focus = (await accessible(page)).focus;
  await page.keyboard.press('Enter');
  await page.waitForFunction((f) => {
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    return s.selection.name && f.startsWith(s.selection.name);
  }, focus);
  // What is heard: the city opened (not the ring's "Enter opens it", which came in the same document).
  await heard(page, `${focus.split(',')[0]} opened.`);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === null);
  await heard(page, 'Panel closed.');

  const tabTo = async (test, back = false) => {
    for (let i = 0; i < 200; ++i) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      if (await page.evaluate(test)) return;
    }
    throw new Error('never reached: ' + test);
  };
  await tabTo(() => document.activeElement.textContent.startsWith('Bangkok,'));
  assert.equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid', 'a focus ring');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === 'bangkok');
  await heard(page, 'Bangkok opened.');
  await tabTo(() => (document.activeElement.getAttribute('aria-label') || '').startsWith('Open the twin'));
  const twin = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.name === t, twin);
  await tabTo(() => document.activeElement.id === 'a11y-query', true);
  await page.keyboard.type('bike sharing');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#a11y-results button').length > 0);
  assert.match(await page.textContent('#a11y-result-count'), /^\d+ results? for “bike sharing”/);
  await tabTo(() => document.activeElement.closest('#a11y-results') !== null);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.selected !== null);
  await page.waitForFunction(() => document.querySelector('#a11y-panel-body a[href^="http"]') !== null);
});

test('the companion sets what the map shows: layers, pollutant, averaging, time', async () => {
  const { page } = await fresh('?demo=1');  // an air set loaded from the start
  await page.waitForFunction(() => !document.getElementById('a11y-air').hidden);
  await page.focus('[data-layer="labels"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => !JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).layers.labelsOn);
  await page.selectOption('#a11y-avg', 'hour');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.period === 'hourly');
  // The slider has the hourly steps (the companion's next document) before a key moves it.
  await page.waitForFunction(() =>
    Number(document.getElementById('a11y-step').value) === JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.step);
  const before = (await appState(page)).air.step;
  await page.focus('#a11y-step');
  // Shown now (a control has the focus): every label's words beside its control, level with it.
  const misaligned = await page.evaluate(() => [...document.querySelectorAll('#a11y label')]
    .filter((l) => l.getClientRects().length > 0 && l.querySelector('input, select'))
    .map((l) => {
      const words = document.createRange();
      const text = [...l.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      words.selectNodeContents(text);
      const w = words.getBoundingClientRect(), c = l.querySelector('input, select').getBoundingClientRect();
      return { label: text.textContent.trim(), off: Math.abs((w.top + w.bottom) / 2 - (c.top + c.bottom) / 2) };
    })
    .filter((m) => m.off > 3));
  assert.deepEqual(misaligned, [], 'labels level with their controls');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction((b) => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.step === b - 1, before);
  // The slider reads out the time shown, once the companion has the app's next document (0.25 s).
  await page.waitForFunction(() => document.getElementById('a11y-step').getAttribute('aria-valuetext') ===
    JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.timeLabel);
  await hashHas(page, 'show=cities,arcs,flow', 'avg=hour');
});

test('reduced motion: the arcs stand still, flights jump, a link does not start playback', async () => {
  const { page } = await openApp(browser.context, 'about:blank');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(server.url + '#play=1&avg=hour');
  await waitForFrames(page, 4);
  let s = await appState(page);
  assert.equal(s.reducedMotion, true);
  assert.equal(s.layers.flowAnimating, false);
  assert.equal(s.layers.flowOn, true, 'the setting stays: only the motion stops');
  assert.equal(s.air.playing, false);
  await pageCall(page, '_ccap_page_open_city', 'haiphong');
  // Counted from the call: frames drawn before it (many, on a busy machine) do not carry it out.
  await drawn(page, 3);
  s = await appState(page);
  assert.equal(s.map.moving, false, 'no flight');
  assert.equal(s.selection.city, 'haiphong');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
});

test('axe-core finds no accessibility violations, with and without a panel open', async () => {
  const axeSource = readFileSync(path.resolve('node_modules/axe-core/axe.min.js'), 'utf8');
  const { page } = await fresh();
  await page.addScriptTag({ content: axeSource });
  const run = () => page.evaluate(async () => (await axe.run()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`));
  assert.deepEqual(await run(), []);
  await pageCall(page, '_ccap_page_open_city', 'taipei');
  await page.waitForFunction(() => document.getElementById('a11y-panel-title').textContent === 'Taipei');
  await page.focus('#a11y-close');  // the companion shows
  assert.deepEqual(await run(), []);
  // Every id names one element: the print sheet's copy of the panel carries none of them.
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'ids used twice');
  assert.ok(await page.evaluate(() => document.getElementById('print-text').textContent.includes('Taipei')), 'the print copy');
  await pageCall(page, '_ccap_page_search', 'bus');
  await page.waitForFunction(() => document.querySelectorAll('#a11y-results li').length > 0);
  await page.focus('#a11y-query');
  assert.deepEqual(await run(), []);
});
