// Live data in the browser: the app on screen, `ccap_geodata refresh` publishes a new hour into the
// served folder (from the replay server, on 127.0.0.1), and at its next poll (every 10 minutes of
// the app's clock) the app brings it in without a reload: the badge's newest hour and age, the
// station's value and the time shown move on; the selected station stays. An index that cannot be
// read leaves the data on screen, with a notice. A kiosk that a visitor is using holds the new data
// until its idle reset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  startServer, launchBrowser, openApp, waitForFrames, appState, jumpTo, setAir, holdClock, advance, foldWelcome,
  webDir,
} from './harness.mjs';
import { startReplay, moenvScenario, hourAfter } from '../pipeline/refresh/replay.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const geodata = process.env.CCAP_GEODATA || path.join(root, 'build/native/src/pipeline/ccap_geodata');
const ZHONGSHAN = { id: '12', lng: 121.526528, lat: 25.062361 };  // a MOENV station in Taipei

let served, server, replay, work;

// The served folder: a copy of the build, so that the refresh publishes into it and not the build.
before(async () => {
  assert.ok(existsSync(geodata), `${geodata} is missing: build the native tree first (scripts/build.sh --native)`);
  work = mkdtempSync(path.join(tmpdir(), 'ccap-refresh-'));
  served = path.join(work, 'web');
  cpSync(webDir, served, { recursive: true });
  server = await startServer(served);
});
after(async () => {
  await server?.stop();
  replay?.stop();
  rmSync(work, { recursive: true, force: true });
});

const airIndex = () => JSON.parse(readFileSync(path.join(served, 'data/air/index.json'), 'utf8'));
const moenv = () => airIndex().datasets.find((d) => d.id === 'moenv-taiwan');

async function startMoenv(utc, pm25) {
  replay?.stop();
  replay = await startReplay(moenvScenario(ZHONGSHAN, utc, pm25), work);
  return replay.url;
}

// The refresh as the service runs it; resolves to its output.
function refresh(url) {
  const sources = path.join(work, 'data-sources.json');
  writeFileSync(sources, JSON.stringify({ format: 1, sources: [{ dataset: 'moenv-taiwan', feed: 'moenv-aqx', url: url + '/api/v2/aqx_p_432' }] }));
  const r = spawnSync(geodata, ['refresh', '--sources', sources, '--out-dir', path.join(served, 'data/air')],
                      { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return r.stdout;
}

// The wall clock the page sees: `at` now, moving on as real time does (the app's own clock, which
// tests hold and advance, carries it on from there: FrameContext::utc_now).
async function pageAt(context, at) {
  await context.addInitScript((t) => {
    const offset = t - Date.now();
    const now = Date.now;
    Date.now = () => now() + offset;
  }, at.getTime());
}

// The app at Zhongshan with MOENV's data, hourly PM2.5 at the newest hour, the station selected.
async function atZhongshan(page, { kiosk = false } = {}) {
  await waitForFrames(page, 3);
  if (!kiosk) await foldWelcome(page);
  await jumpTo(page, ZHONGSHAN.lng, ZHONGSHAN.lat, 11);
  await page.waitForFunction(() => {
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    return s.air.dataset === 'moenv-taiwan' && s.air.loaded && !s.air.loading;
  }, null, { timeout: 60000 });
  await setAir(page, { pollutant: 'PM2.5', period: 'hour' });
  let s = await waitForFrames(page, (await appState(page)).frame + 1);
  await setAir(page, { step: s.air.steps - 1 });  // the newest hour
  assert.equal(await page.evaluate((id) => Module.ccall('ccap_select_station', 'number', ['string'], [id]), ZHONGSHAN.id), 0);
  await holdClock(page);
  s = await appState(page);
  assert.equal(s.air.selectedStation, ZHONGSHAN.id);
  return s;
}

test('a refresh brings a new hour into the open app: the badge, the station and the time shown move on', async () => {
  const before = moenv();
  const next = hourAfter(before.firstHour, before.hours);  // the hour after the newest one
  const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
  try {
    await pageAt(browser.context, new Date(next.getTime() + 14 * 60e3));  // 14 minutes after it
    const { page, errors } = await openApp(browser.context, server.url);
    const first = await atZhongshan(page);
    assert.equal(first.air.file, before.file);
    assert.equal(first.air.refreshes, 0);
    assert.ok(Number(/^newest reading (\d+) min ago$/.exec(first.air.readingAge)?.[1]) >= 74, first.air.readingAge);  // its hour began 74 min before

    const out = refresh(await startMoenv(next, 42.5));
    assert.match(out, /moenv-taiwan \(moenv-aqx\): 1 request, 1 reading fetched, 1 new value, 1 new hour/, out);
    assert.notEqual(moenv().file, before.file, 'published under a new name');

    let s = await appState(page);
    assert.ok(s.air.nextPollIn > 0 && s.air.nextPollIn <= 600, `the next poll in ${s.air.nextPollIn} s`);
    s = await advance(page, s.air.nextPollIn - 1);
    assert.equal(s.air.refreshes, 0, 'not polled before 10 minutes');
    await advance(page, 1);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.refreshes === 1,
                               null, { timeout: 30000 });
    s = await waitForFrames(page, (await appState(page)).frame + 2);
    assert.equal(s.air.file, moenv().file);
    assert.ok(Math.abs(s.air.nextPollIn - 600) < 1e-6, `the next poll 10 minutes after this one (the clock is held): ${s.air.nextPollIn}`);
    assert.equal(s.air.hours, before.hours + 1);
    assert.equal(s.air.newestHour, next.toISOString().slice(0, 13).replace('T', ' ') + ':00 UTC');
    assert.equal(s.air.timeLabel, s.air.newestHour, 'at the newest hour before: it moves on to the new one');
    assert.equal(s.air.selectedStation, ZHONGSHAN.id, 'the station stays selected');
    assert.equal(s.air.selectedValue, 42.5, 'the new reading');
    assert.match(s.air.readingAge, /^newest reading 2\d min ago$/, '14 minutes, and the 10 the clock moved on');
    assert.match(s.air.caption, /MOENV/);
    await page.screenshot({ path: path.join(work, 'refreshed.png') });
    if (process.env.CCAP_KEEP_SHOTS) cpSync(path.join(work, 'refreshed.png'), process.env.CCAP_KEEP_SHOTS);

    // Nothing new: polled, unchanged, nothing replaced.
    s = await advance(page, 600, 4);
    assert.equal(s.air.refreshes, 1);

    // An index cut short (a broken deployment): what is on screen stays, and the app says so.
    const indexPath = path.join(served, 'data/air/index.json');
    const good = readFileSync(indexPath, 'utf8');
    writeFileSync(indexPath, good.slice(0, good.length / 2));
    await advance(page, 600);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).notices
      .some((n) => /datasets changed but cannot be read/.test(n.text)), null, { timeout: 30000 });
    s = await appState(page);
    assert.equal(s.air.loaded, true);
    assert.equal(s.air.selectedValue, 42.5, 'the data on screen is kept');
    writeFileSync(indexPath, good);
    assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  } finally {
    await browser.close();
  }
});

test('a kiosk in use holds the new data until its idle reset', async () => {
  // A kiosk whose tour stays in Taipei (so that the set on screen is MOENV's throughout).
  const kioskPath = path.join(served, 'data/kiosk.json');
  const kiosk = Buffer.from(JSON.stringify({ ...JSON.parse(readFileSync(kioskPath, 'utf8')), stops: ['taipei'] }));
  writeFileSync(kioskPath, kiosk);
  for (const packed of ['br', 'gz']) rmSync(`${kioskPath}.${packed}`, { force: true });
  const manifestPath = path.join(served, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entry = manifest.files.find((f) => f.path === 'data/kiosk.json');
  Object.assign(entry, { bytes: kiosk.length, sha256: createHash('sha256').update(kiosk).digest('hex') });
  delete entry.br;
  delete entry.gz;
  writeFileSync(manifestPath, JSON.stringify(manifest));

  const before = moenv();
  const next = hourAfter(before.firstHour, before.hours);
  const browser = await launchBrowser({ viewport: { width: 1920, height: 1080 }, touch: true });
  try {
    await pageAt(browser.context, new Date(next.getTime() + 5 * 60e3));
    const { page } = await openApp(browser.context, server.url + '?kiosk=1');
    await atZhongshan(page, { kiosk: true });
    refresh(await startMoenv(next, 17));
    // A visitor using it all the while: a touch every 75 s (the tour would start after 90).
    for (let t = 0; t < 600; t += 75) {
      await page.touchscreen.tap(1500, 900);
      await advance(page, 75);
    }
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.refreshPending,
                               null, { timeout: 30000 });
    let s = await appState(page);
    assert.equal(s.air.refreshes, 0, 'not swapped in front of a visitor');
    assert.equal(s.air.file, before.file);
    // Left alone past the idle reset (kiosk.json's reset_seconds, 180): swapped in then.
    await advance(page, 100, 2);
    await advance(page, 100, 4);
    await page.waitForFunction(() => JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).air.refreshes === 1,
                               null, { timeout: 30000 });
    s = await appState(page);
    assert.equal(s.air.refreshPending, false);
    assert.equal(s.air.dataset, 'moenv-taiwan');
    assert.equal(s.air.file, moenv().file);
  } finally {
    await browser.close();
  }
});
