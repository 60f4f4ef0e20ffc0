// The air-quality overlay in the real wasm build: measured datasets come when a city they serve is
// opened, with their provenance; asked for, the demo stations load with their readings labelled
// synthetic; switching pollutant and moving the time slider recolours a station exactly as
// the app says (read back through a pixel probe); a click opens the station's panel; play advances.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  waitForAir,
  startServer, launchBrowser, openApp, waitForFrames, appState, project, probe, jumpTo, setLayers, setAir, hexToRgba,
  channelDistance, foldWelcome,
} from './harness.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const stations = JSON.parse(readFileSync(path.join(root, 'geodata/airquality/stations.geojson'), 'utf8')).features;

// The station farthest from its nearest neighbour: alone on screen at the deepest zoom.
function loneStation() {
  const km = (a, b) => {
    const [x1, y1] = a.geometry.coordinates, [x2, y2] = b.geometry.coordinates;
    const dx = (x2 - x1) * Math.cos(((y1 + y2) / 2) * Math.PI / 180);
    return 111.32 * Math.hypot(dx, y2 - y1);
  };
  let best = null, bestGap = -1;
  for (const s of stations) {
    const gap = Math.min(...stations.filter((t) => t !== s).map((t) => km(s, t)));
    if (gap > bestGap) [best, bestGap] = [s, gap];
  }
  return best;
}

const nextFrame = async (page) => waitForFrames(page, (await appState(page)).frame + 2);

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

async function stationView(station) {
  const { page, errors } = await openApp(browser.context, server.url + '?demo=1');
  await waitForFrames(page, 3);
  await foldWelcome(page);
  await setLayers(page, { cities: false, arcs: false, labels: false, flow: false });  // nothing over the station
  const [lng, lat] = station.geometry.coordinates;
  await jumpTo(page, lng, lat, 11);
  await setAir(page, { pollutant: 'PM2.5', period: 'hour', step: 0, scale: 'who', colourBlindSafe: false, stations: true, surface: false, playing: false });
  assert.equal(await page.evaluate((id) => Module.ccall('ccap_select_station', 'number', ['string'], [id]), station.properties.id), 0);
  await nextFrame(page);
  return { page, errors, at: await project(page, lng, lat) };
}

test('asked for (?demo=1), the demo stations load, and their readings say they are synthetic', async () => {
  const { page, errors } = await openApp(browser.context, server.url + '?demo=1');
  const s = await waitForAir(page);
  assert.equal(s.air.loaded, true, JSON.stringify(s.notices));
  assert.equal(s.air.stations, stations.length);
  assert.equal(s.air.synthetic, true);
  assert.equal(s.air.hours, 8760, 'a year of hours');
  assert.match(s.air.timeLabel, /^2025-\d\d-\d\d \(UTC\)$/);
  assert.ok(s.air.markers > 0, 'stations or clusters are drawn in the default view');
  assert.deepEqual(errors, []);
});

test('switching pollutant and moving the time slider recolours a station as the app says', async () => {
  const station = loneStation();
  const { page, errors, at } = await stationView(station);
  const first = await appState(page);
  assert.equal(first.air.selectedStation, station.properties.id);
  assert.equal(first.air.pollutant, 'PM2.5');
  assert.equal(first.air.period, 'hourly');
  assert.equal(first.air.markers >= 1, true);
  const [before] = await probe(page, [at]);
  assert.ok(channelDistance(before, hexToRgba(first.air.selectedColor)) <= 3,
    `drawn ${before}, the app says ${first.air.selectedColor} for ${first.air.selectedValue} µg/m³`);

  // Switch to NO2 at the same hour: drawn as the app says.
  await setAir(page, { pollutant: 'NO2' });
  const no2 = (await nextFrame(page)).air;
  assert.equal(no2.pollutant, 'NO2');
  assert.equal(no2.timeLabel, first.air.timeLabel);
  const [switched] = await probe(page, [at]);
  assert.ok(channelDistance(switched, hexToRgba(no2.selectedColor)) <= 3,
    `drawn ${switched}, the app says ${no2.selectedColor} for NO2 ${no2.selectedValue} µg/m³`);

  // Along the time slider until the station's band changes.
  let now = null;
  for (let step = 7; step < 24 * 60; step += 7) {
    await setAir(page, { step });
    now = (await nextFrame(page)).air;
    if (now.selectedColor && now.selectedColor !== no2.selectedColor) break;
  }
  assert.notEqual(now.timeLabel, no2.timeLabel);
  assert.notEqual(now.selectedColor, no2.selectedColor, 'some hour falls in another band');
  const [after] = await probe(page, [at]);
  assert.ok(channelDistance(after, hexToRgba(now.selectedColor)) <= 3,
    `drawn ${after}, the app says ${now.selectedColor} for NO2 ${now.selectedValue} µg/m³ at ${now.timeLabel}`);
  assert.ok(channelDistance(after, switched) > 20, 'and the colour on screen changed');
  assert.deepEqual(errors, []);
});

test('a click on a station opens its panel; play moves the time on', async () => {
  const station = loneStation();
  const { page, at } = await stationView(station);
  await page.evaluate(() => Module.ccall('ccap_select_station', 'number', ['string'], ['']));
  await page.mouse.click(at[0], at[1]);
  await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.selectedStation !== null);
  const s = await appState(page);
  assert.equal(s.air.selectedStation, station.properties.id);
  assert.ok(s.uiWindows.some((w) => w.name === 'Station'), 'the station panel opened');
  const step = s.air.step;
  await setAir(page, { playing: true });
  await page.waitForFunction((from) => {
    const a = JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air;
    return a.playing && a.step !== from;
  }, step, { timeout: 20000 });
  await setAir(page, { playing: false });
});

test('ccap_set_air takes named options and refuses wrong ones whole, changing nothing', async () => {
  const { page, errors } = await openApp(browser.context, server.url + '?demo=1');
  await waitForFrames(page, 3);
  assert.equal(await setAir(page, { pollutant: 'NO2', period: 'year', step: 0 }), 0);
  let s = await waitForFrames(page, 1);
  assert.equal(s.air.pollutant, 'NO2');
  assert.equal(s.air.period, 'annual mean');
  for (const bad of [{ pollutant: 'PM3' }, { period: 'week' }, { step: -1 }, { playing: 'yes' }, { scale: 'who', stations: 1 }]) {
    assert.equal(await setAir(page, bad), -2, JSON.stringify(bad));
  }
  const notJson = await page.evaluate(() => Module.ccall('ccap_set_air', 'number', ['string'], ['{"pollutant":']));
  assert.equal(notJson, -2);
  s = await waitForFrames(page, 1);
  assert.equal(s.air.pollutant, 'NO2', 'a refused call changes nothing');
  assert.equal(s.air.period, 'annual mean');
  assert.equal(s.air.stationsOn, true);
  assert.deepEqual(errors, []);
});

// Measured data (issue 26): the index comes after the map, a dataset when a city it serves is
// opened; its caption (publisher, status, period) and credit go with it; the demo set only when
// asked for, and never together with a measured one.
function watchDatasets(page) {
  const asked = [];
  page.on('request', (r) => { const m = /\/data\/air\/([^/]+)\.ccapaq$/.exec(r.url()); if (m) asked.push(m[1]); });
  return asked;
}
const airState = (page, key, value) => page.waitForFunction(([k, v]) => {
  if (!window.Module || !Module.ccapRunning) return false;
  const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
  return s.air[k] === v && !s.air.loading;
}, [key, value], { timeout: 30000 });

test('opening Taipei shows MOENV\'s measured series with its publisher, status, period and credit', async () => {
  const page = await browser.context.newPage();
  const asked = watchDatasets(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + '#city=taipei');
  await airState(page, 'dataset', 'moenv-taiwan');
  const s = await appState(page);
  assert.equal(s.air.loaded, true);
  assert.equal(s.air.synthetic, false);
  assert.equal(s.air.stations, 31);
  assert.equal(s.air.hours, 1210);
  assert.equal(s.air.caption, 'MOENV (Taiwan), provisional real-time values, Jul\u2013Aug 2026');
  assert.match(s.air.credit, /^Source: Ministry of Environment \(Taiwan\)/);
  assert.deepEqual(asked, ['moenv-taiwan'], 'only the dataset that serves Taipei, never the demo');
  assert.match(s.air.timeLabel, /^2026-0[78]-\d\d \(UTC\)$/, 'the time axis is the dataset\'s period');
  await page.waitForFunction(() => location.hash.includes('data=moenv-taiwan'), null, { timeout: 10000 });  // the link names it
  assert.deepEqual(errors, []);
  await page.close();
});

test('a link names its dataset; with ?demo=1 only the demo set is fetched, never a measured one', async () => {
  const page = await browser.context.newPage();
  const asked = watchDatasets(page);
  await page.goto(server.url + '#data=nea-singapore');
  await airState(page, 'dataset', 'nea-singapore');
  assert.match((await appState(page)).air.caption, /^NEA \(Singapore\), .*, Nov 2016\u2013Jun 2017$/);
  const demo = await browser.context.newPage();
  const demoAsked = watchDatasets(demo);
  await demo.goto(server.url + '?demo=1#city=taipei');
  await airState(demo, 'dataset', 'demo');
  const d = await appState(demo);
  assert.equal(d.air.synthetic, true);
  assert.deepEqual(demoAsked, ['demo'], 'Taipei opened in demo mode fetches no measured data');
  assert.ok(d.notices.every((n) => !/data:/.test(n.text)), JSON.stringify(d.notices));
  assert.deepEqual(asked, ['nea-singapore']);
  await page.close();
  await demo.close();
});

test('the companion lists the measured datasets, and its button shows one on the map', async () => {
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => !document.getElementById('a11y-datasets').hidden, null, { timeout: 30000 });
  const items = await page.locator('#a11y-dataset-list li').allInnerTexts();
  assert.equal(items.length, 4);
  assert.match(items[0], /^MOENV \(Taiwan\), provisional real-time values, Jul\u2013Aug 2026\. Licence: Open Government/);
  await page.getByRole('button', { name: 'Show NEA (Singapore) on the map' }).focus();  // as a keyboard reaches it
  await page.keyboard.press('Enter');
  await airState(page, 'dataset', 'nea-singapore');
  await page.waitForFunction(() =>
    document.querySelector('#a11y-dataset-list li:nth-child(3)').textContent.includes('Shown on the map.'));
  await page.close();
});
