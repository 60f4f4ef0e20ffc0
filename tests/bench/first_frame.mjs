// Time to the first complete map frame, and what crossed the network before it:
//   node tests/bench/first_frame.mjs URL [--mbps N --rtt MS] [--runs N]
// A fresh headless Chromium (SwiftShader) per run, no cache. "Map frame": the first frame the app
// drew with its data (the state's frame counter, read every animation frame). Bytes are the
// resources' transferSize (on the wire: compressed bodies and headers) of those that finished
// before that frame, and of all by the time the air data is in. --mbps/--rtt throttle the network
// through CDP, e.g. 10 Mbit/s and 40 ms for a conference Wi-Fi.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const url = args[0];
const opt = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? Number(args[i + 1]) : fallback; };
const mbps = opt('--mbps', 0), rtt = opt('--rtt', 0), runs = opt('--runs', 3);

for (let run = 0; run < runs; ++run) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ccap-ff-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CCAP_CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking'],
    viewport: { width: 1440, height: 900 },
  });
  try {
    const page = context.pages()[0] || (await context.newPage());
    if (mbps > 0) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: rtt, downloadThroughput: (mbps * 1e6) / 8, uploadThroughput: (mbps * 1e6) / 8,
      });
    }
    await page.goto(url);
    const firstFrame = await page.evaluate(() => new Promise((resolve) => {
      const look = () => {
        if (window.Module && Module.ccapRunning && Module._ccap_state_json &&
            JSON.parse(Module.UTF8ToString(Module._ccap_state_json())).frame >= 1) resolve(performance.now());
        else requestAnimationFrame(look);
      };
      look();
    }));
    await page.waitForFunction(() => {
      const s = JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
      return !s.air || s.air.loaded || s.air.loading === false;
    }, null, { timeout: 300000, polling: 100 });
    const airAt = await page.evaluate(() => performance.now());
    const bytes = await page.evaluate((ff) => {
      let before = 0, all = 0;
      for (const e of performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))) {
        all += e.transferSize;
        if (e.responseEnd <= ff) before += e.transferSize;
      }
      return { before, all };
    }, firstFrame);
    console.log(`${url}${mbps ? ` @${mbps} Mbit/s ${rtt} ms` : ''}: first map frame ${firstFrame.toFixed(0)} ms, ` +
                `air data in ${airAt.toFixed(0)} ms; on the wire ${(bytes.before / 1e6).toFixed(3)} MB before the ` +
                `first frame, ${(bytes.all / 1e6).toFixed(3)} MB in all`);
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
