// Browser benchmark (docs/performance.md, "Measured air-quality datasets"): from opening a city
// to its dataset drawn, in headless Chromium on this build, for each measured dataset: the bytes
// on the wire and the wall time from the request (ccap_page_open_city) to the state saying the
// dataset is shown. Not a test: figures for the docs.
//   CCAP_WEB_OUT=build/web node tests/bench/dataset_load.mjs
import { startServer, launchBrowser, openApp, waitForFrames } from '../e2e/harness.mjs';

const cities = { 'moenv-taiwan': 'taipei', 'us-embassy-ulaanbaatar': 'ulaanbaatar', 'nea-singapore': 'singapore',
                 'openaq-colombo': 'colombo' };
const server = await startServer();
for (const [dataset, city] of Object.entries(cities)) {
  const times = [];
  let wire = 0;
  for (let run = 0; run < 3; ++run) {
    const browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });  // a cold cache each run
    const { page } = await openApp(browser.context, server.url);
    await waitForFrames(page, 3);
    page.on('response', async (r) => {
      if (r.url().endsWith(`/data/air/${dataset}.ccapaq`)) wire = Number(r.headers()['content-length'] || 0) || wire;
    });
    const ms = await page.evaluate(async ([id, city]) => {
      const t0 = performance.now();
      const p = Module.stringToNewUTF8(city);
      Module._ccap_page_open_city(p);
      Module._free(p);
      for (;;) {
        await new Promise((r) => requestAnimationFrame(r));
        const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
        if (s.air.dataset === id && s.air.loaded && !s.air.loading) return performance.now() - t0;
      }
    }, [dataset, city]);
    times.push(ms);
    await browser.close();
  }
  times.sort((a, b) => a - b);
  console.log(`${dataset.padEnd(24)} ${String(wire).padStart(8)} bytes on the wire   ` +
              `median ${times[1].toFixed(0)} ms (runs ${times.map((t) => t.toFixed(0)).join(', ')})`);
}
await server.stop();
