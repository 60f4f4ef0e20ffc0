// The Knowledge Platform in the real wasm build: "/" opens the search, typing searches as you type
// (diacritics folded) with live facet counts, Enter picks the first result, which marks its cities
// and flies the map to the first of them; on a touch screen the text comes through a hidden field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, openApp, waitForFrames, appState, waitForStill, jumpTo, project, probe, setLayers, setAir,
  channelDistance, foldWelcome, decodePng,
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

const knowledge = (page) => page.evaluate(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge);

async function openSearch() {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  await foldWelcome(page);
  await page.mouse.move(640, 760);  // over the map, away from the panels
  await page.keyboard.press('/');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.typing);
  return { page, errors };
}

test('typing searches as you type, with live facet counts; Enter flies the map to the result', async () => {
  const { page, errors } = await openSearch();
  const k0 = await knowledge(page);
  assert.equal(k0.loaded, true);
  assert.ok(k0.practices >= 25 && k0.experts >= 20 && k0.trainings >= 8);
  assert.equal(k0.results, k0.practices + k0.experts + k0.trainings, 'an empty query lists everything');

  await page.keyboard.type('hai phong', { delay: 30 });
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.query === 'hai phong');
  const k = await knowledge(page);
  assert.ok(k.results > 0 && k.results < k0.results, `results for "hai phong": ${k.results}`);
  const kinds = k.facets.filter((f) => f.facet === 'Type');
  assert.equal(kinds.reduce((n, f) => n + f.count, 0), k.results, 'the type counts add up to the results');
  const haiphong = k.facets.find((f) => f.facet === 'City' && f.value === 'haiphong');
  assert.ok(haiphong && haiphong.count > 0, 'Hải Phòng found without its diacritics');

  await page.keyboard.press('Enter');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.selected !== null);
  const chosen = await knowledge(page);
  assert.ok(chosen.highlighted.length > 0, 'its cities are marked on the map');
  const city = content.cities.find((c) => c.id === chosen.highlighted[0]);
  await page.waitForFunction((id) => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).selection.city === id,
                             city.id);
  const s = await waitForStill(page);
  // The city is in the middle of the map beside the panel, not under it.
  const panel = s.uiWindows.find((w) => w.name === 'Knowledge Platform');
  assert.ok(panel);
  const [x, y] = await project(page, city.lng, city.lat);
  // The free map: left of the panel, above the scale and attribution strip.
  const strip = Math.min(...s.uiWindows.filter((w) => w.name === 'Attribution' || w.name === 'Scale bar').map((w) => w.y));
  const [mx, my] = [(panel.x - 12) / 2, strip / 2];
  assert.ok(Math.abs(x - mx) <= 2 && Math.abs(y - my) <= 2,
    `the map flew to ${city.name}: at ${x},${y}, the free map's middle is ${mx},${my}`);
  assert.deepEqual(errors, []);
});

test('on a touch screen the text comes through a hidden field, deletions too', async () => {
  const { page } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  // A finger touched the screen last: the app may raise the on-screen keyboard.
  await page.evaluate(() => window.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch' })));
  await page.keyboard.press('/');
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ccap-text-input');
  await page.keyboard.insertText('bus');  // what an on-screen keyboard sends: input events, no key presses
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.query === 'bus');
  await page.evaluate(() => {
    const field = document.getElementById('ccap-text-input');
    field.value = '';
    field.dispatchEvent(new InputEvent('input', { inputType: 'deleteContentBackward' }));
  });
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.query === 'bu');
  assert.ok((await knowledge(page)).results > 0);
});

test('the peer finder ranks peers for a city and draws them as candidate arcs', async () => {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  await foldWelcome(page);
  assert.equal(await page.evaluate(() => Module.ccall('ccap_find_peers', 'number', ['string'], ['pasig'])), 0);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.peers.length > 0);
  const k = await knowledge(page);
  assert.ok(!k.peers.includes('pasig'), 'not its own peer');
  assert.ok(!k.peers.includes('taipei'), 'Taipei is already its twin');
  assert.equal(k.candidateArcs, k.peers.length, 'one candidate arc per peer');
  // The arc to the best peer is drawn in the candidates' vermillion, halfway along.
  await setLayers(page, { cities: false, arcs: false, labels: false, flow: false });
  await setAir(page, { stations: false, surface: false });
  const [a, b] = ['pasig', k.peers[0]].map((id) => content.cities.find((c) => c.id === id));
  const r = Math.PI / 180;
  const v = (c) => [Math.cos(c.lat * r) * Math.cos(c.lng * r), Math.cos(c.lat * r) * Math.sin(c.lng * r), Math.sin(c.lat * r)];
  const m = v(a).map((x, i) => x + v(b)[i]);
  const mid = [Math.atan2(m[1], m[0]) / r, Math.atan2(m[2], Math.hypot(m[0], m[1])) / r];  // great-circle midpoint
  await jumpTo(page, mid[0], mid[1], 5);
  await waitForFrames(page, (await appState(page)).frame + 2);
  const [colour] = await probe(page, [await project(page, mid[0], mid[1])]);
  assert.ok(channelDistance(colour, [0xd5, 0x5e, 0x00, 255]) <= 40, `the candidate arc to ${b.name}: ${colour}`);
  const s = await appState(page);
  assert.ok(s.uiWindows.some((w) => w.name === 'Knowledge Platform'));
  assert.deepEqual(errors, []);
});

test('what is typed right after "/", before the box has the focus, is not lost', async () => {
  const { page } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  await page.mouse.move(640, 760);
  await page.keyboard.type('/bus');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.typing);
  await waitForFrames(page, (await appState(page)).frame + 3);
  assert.equal((await knowledge(page)).query, 'bus');
});

// WCAG's relative luminance and contrast ratio of two sRGB colours.
const luminance = ([r, g, b]) => {
  const lin = (c) => { const v = c / 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };

test('the peer score reads at 4.5:1 wherever the bar ends, from the pixels', async () => {
  const tall = await launchBrowser({ viewport: { width: 1280, height: 1400 } });  // the form and a peer or two
  const { page, errors } = await openApp(tall.context, server.url + '#kb=peer&peer=pasig');
  await waitForFrames(page, 3);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.peerScores.length > 0);
  const k = (await waitForFrames(page, (await appState(page)).frame + 2)).knowledge;
  const shown = k.peerScores.filter((s) => s.label && s.label.y + s.label.height <= 1400);
  assert.ok(shown.length >= 1, `scores drawn: ${JSON.stringify(k.peerScores)}`);
  assert.ok(shown.every((s) => s.score > 5 && s.score < 95), 'the bars end part of the way');
  for (const s of shown) {
    const { x, y, width, height } = s.label;
    const png = decodePng(await page.screenshot({ clip: { x, y, width, height } }));
    // The text's ink is the darkest pixel, its ground the lightest: every pixel of the box is one
    // of them or a blend, so the pair is the worst the label shows.
    let dark = [255, 255, 255], light = [0, 0, 0];
    for (let py = 0; py < png.height; ++py) {
      for (let px = 0; px < png.width; ++px) {
        const c = png.pixel(px, py);
        if (luminance(c) < luminance(dark)) dark = c;
        if (luminance(c) > luminance(light)) light = c;
      }
    }
    assert.ok(contrast(dark, light) >= 4.5, `${s.city}'s score ${s.score}: ${dark} on ${light} is ${contrast(dark, light).toFixed(2)}:1`);
  }
  assert.deepEqual(errors, []);
  await tall.close();
});

test('Compare puts three cities side by side at 1440 px, and the peer arcs leave the map', async () => {
  const b = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    const { page, errors } = await openApp(b.context, server.url + '#kb=peer&peer=pasig');
    await waitForFrames(page, 3);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.candidateArcs > 0);
    await page.evaluate(() => { location.hash = '#kb=compare&compare=pasig,taipei,bangkok'; });
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.compareColumns > 0);
    const s = await waitForStill(page);
    assert.equal(s.knowledge.compareColumns, 3, 'three columns, not three stacked cards');
    assert.equal(s.knowledge.candidateArcs, 0, 'the peer finder\'s arcs are not what is compared');
    const panel = s.uiWindows.find((w) => w.name === 'Knowledge Platform');
    assert.ok(panel.width >= 800, `the detail column widened: ${panel.width}`);
    assert.deepEqual(errors, []);
  } finally {
    await b.close();
  }
});

test('a city picker takes its one match on Enter: Peers and Compare, from the keyboard', async () => {
  const { page, errors } = await openApp(browser.context, server.url + '#kb=peer');
  await waitForFrames(page, 3);
  const picker = async (i) => {
    await page.waitForFunction((n) => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.cityPickers.length > n, i);
    return (await knowledge(page)).cityPickers[i];
  };
  const chooseBy = async (i, typed) => {
    const r = await picker(i);
    await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
    const { frame } = await appState(page);
    await waitForFrames(page, frame + 3);  // the list opened and its filter took the keys
    await page.keyboard.type(typed, { delay: 20 });
    await page.keyboard.press('Enter');
  };
  await chooseBy(0, 'kitaky');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.peerCity === 'kitakyushu');
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.peers.length > 0);

  await page.evaluate(() => { location.hash = '#kb=compare'; });
  await chooseBy(1, 'hai phong');  // the second of the three: diacritics need not be typed
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).knowledge.compared[1] === 'haiphong');
  assert.deepEqual(errors, []);
});
