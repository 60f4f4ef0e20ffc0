// Browser benchmark (docs/performance.md, "Your own data"): the 2,000,000-row OpenAQ archive CSV of
// tests/bench/import_memory.sh (250 stations x 8,000 hours of PM2.5, about 150 MB) opened in the
// page as a visitor opens it (the file input), read in chunks by the wasm importers while the map
// draws. Prints the wall time from the file given to the report shown, rows per second, the frames
// drawn meanwhile (the map kept drawing), the wasm memory afterwards (it only grows: its peak) and
// the page's JS heap. Not a test: figures for the docs.
//   CCAP_WEB_OUT=build/web node tests/bench/import_browser.mjs [HOURS_PER_STATION]
import { mkdtempSync, openSync, writeSync, closeSync, statSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, openApp, waitForFrames } from '../e2e/harness.mjs';

const hours = Number(process.argv[2] || 8000);
const work = mkdtempSync(path.join(tmpdir(), 'ccap-import-bench-'));
const file = path.join(work, 'openaq-2m.csv');
const fd = openSync(file, 'w');
writeSync(fd, 'location_id,sensors_id,location,datetime,lat,lon,parameter,units,value\n');
for (let s = 0; s < 250; s++) {
  const lat = (10 + (s % 50) * 0.1).toFixed(4), lon = (100 + Math.floor(s / 50) * 0.1).toFixed(4);
  const lines = [];
  for (let h = 0; h < hours; h++) {
    const minute = new Date(Date.UTC(2024, 0, 1) + h * 3600e3).toISOString().slice(0, 16);
    lines.push(`${s + 1},${s + 1},Station ${s + 1},${minute}:00Z,${lat},${lon},pm25,ug/m3,${(s * 7 + h) % 90 + 3}\n`);
  }
  writeSync(fd, lines.join(''));
}
closeSync(fd);
const bytes = statSync(file).size;

const server = await startServer();
const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } });
try {
  const { page, errors } = await openApp(browser.context, server.url);
  await waitForFrames(page, 3);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const before = await page.evaluate(() => ({ frames: Module._ccap_frames_rendered(), t: performance.now() }));
  await page.setInputFiles('#ccap-open-data', file);
  await page.waitForFunction(() => {
    const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
    return s.air.own.files.length > 0 && !s.air.own.importing && !window.ccapOwnFiles.running;
  }, null, { timeout: 30 * 60e3, polling: 250 });
  const after = await page.evaluate(() => ({ frames: Module._ccap_frames_rendered(), t: performance.now(),
                                             wasm: Module.HEAPU8.length }));
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const state = JSON.parse(await page.evaluate(() => Module.UTF8ToString(Module._ccap_state_json())));
  const f = state.air.own.files[0];
  const seconds = (after.t - before.t) / 1000;
  const rows = f.lines - 1;
  console.log(JSON.stringify({
    file: `${(bytes / 1048576).toFixed(1)} MB, ${rows} rows`, accepted: f.accepted, fatal: f.fatal,
    seconds: +seconds.toFixed(1), rowsPerSecond: Math.round(rows / seconds),
    framesDrawnMeanwhile: after.frames - before.frames,
    wasmMemoryMB: +(after.wasm / 1048576).toFixed(0), jsHeapUsedMB: +(metrics.JSHeapUsedSize / 1048576).toFixed(0),
    stations: state.air.stations, hours: state.air.hours, errors,
  }, null, 1));
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
