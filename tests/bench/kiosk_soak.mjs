// Kiosk soak (scripts/soak.sh; figures in docs/kiosk.md): a kiosk left running for SOAK_HOURS of
// simulated time (default 24), with the app's clock moved on SOAK_STEP seconds at a time (default
// 15) while real frames are drawn: the attract tour flies from stop to stop, and every
// SOAK_VISIT_MINUTES (default 10) a visitor taps the map, which stops the tour, then leaves, so
// that the reset after the longer idle comes round again. Every simulated hour it prints the wasm
// heap (the memory the page reserved, which only grows), what malloc has in use, the JS heap,
// and the frames, stops and resets so far. Memory must stay flat: a leak shows as a steady climb.
// SOAK_WEB_DIR serves a copy of build/web (a rebuild during the run would be a new deployment,
// which the kiosk takes at its next reset). Not a test: nothing here is asserted; the figures are
// for a person to read.
import { launchBrowser, openApp, waitForFrames, startServer, finger } from '../e2e/harness.mjs';

const hours = Number(process.env.SOAK_HOURS || 24);
const step = Number(process.env.SOAK_STEP || 15);
const visitEvery = Number(process.env.SOAK_VISIT_MINUTES || 10) * 60;
const [width, height] = (process.env.SOAK_SIZE || '1920x1080').split('x').map(Number);

const server = await startServer(process.env.SOAK_WEB_DIR || undefined);  // a copy: keep building meanwhile
const browser = await launchBrowser({ viewport: { width, height }, touch: true });
try {
  const { page, errors } = await openApp(browser.context, server.url + '?kiosk=1');
  await waitForFrames(page, 3);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const touch = await finger(page);
  const sample = async (simulated) => {
    const s = await page.evaluate(() => {
      const state = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
      return { frame: state.frame, kiosk: state.kiosk, memory: state.memory, heap: Module.HEAP8.length };
    });
    const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    return { hour: simulated / 3600, frames: s.frame, stops: s.kiosk.stopsShown, resets: s.kiosk.resets,
             wasmHeapMB: s.heap / 1048576, mallocUsedMB: s.memory.mallocUsedBytes / 1048576,
             jsHeapMB: metrics.JSHeapUsedSize / 1048576 };
  };
  const rows = [await sample(0)];
  const print = (r) => console.log([r.hour.toFixed(0).padStart(4), String(r.frames).padStart(7), String(r.stops).padStart(6),
    String(r.resets).padStart(6), r.wasmHeapMB.toFixed(1).padStart(9), r.mallocUsedMB.toFixed(2).padStart(10),
    r.jsHeapMB.toFixed(2).padStart(8)].join(' '));
  console.log('hour  frames  stops resets wasm heap malloc used  JS heap   (MB)');
  print(rows[0]);
  const start = Date.now();
  let reloads = 0;
  page.on('load', () => { ++reloads; });  // the watchdog, or a new deployment taken at a reset
  for (let t = step, sinceVisit = 0; t <= hours * 3600; t += step, sinceVisit += step) {
    try {
      await page.evaluate((s) => Module._ccap_advance_clock(s), step);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    } catch (e) {  // the page reloaded under us: carry on with the new one
      await waitForFrames(page, 3, 60000);
    }
    if (sinceVisit >= visitEvery) {  // a visitor: a tap on the open map, at the left
      await touch.tap(width * 0.2, height * 0.5);
      sinceVisit = 0;
    }
    if (t % 3600 === 0) {
      await cdp.send('HeapProfiler.collectGarbage');
      rows.push(await sample(t));
      print(rows[rows.length - 1]);
    }
  }
  const first = rows[1] || rows[0], last = rows[rows.length - 1];
  console.log(`simulated ${hours} h in ${((Date.now() - start) / 60000).toFixed(1)} min of real time; ` +
              `from hour ${first.hour} to ${last.hour}: malloc in use ${(last.mallocUsedMB - first.mallocUsedMB).toFixed(2)} MB, ` +
              `JS heap ${(last.jsHeapMB - first.jsHeapMB).toFixed(2)} MB, wasm heap ${(last.wasmHeapMB - first.wasmHeapMB).toFixed(1)} MB`);
  console.log(`page reloads: ${reloads} (the watchdog, or a new deployment; none expected)`);
  if (errors.length) console.log('console errors:', errors.slice(0, 5));
} finally {
  await browser.close();
  await server.stop();
}
