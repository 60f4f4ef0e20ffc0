// Where does a frame's time go in the browser? Loads a build in headless Chromium, records a CPU
// profile over 4 s of the default view and prints fps, the app's frame time and the top functions
// by self time. For function names, profile a build linked with --profiling-funcs:
//   emcmake cmake -S . -B /tmp/prof-build -G Ninja -DCMAKE_BUILD_TYPE=Release \
//     -DCCAP_DEPS_DIR=$PWD/.deps -DCCAP_WEB_OUT=/tmp/prof-web -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
//   cmake --build /tmp/prof-build && cp -r build/web/data /tmp/prof-web/ \
//     && cmake -DWEB_OUT=/tmp/prof-web -P cmake/WriteManifest.cmake
//   CCAP_WEB_OUT=/tmp/prof-web node tests/bench/profile_frame.mjs
import { startServer, launchBrowser, waitForFrames, appState } from '../e2e/harness.mjs';
const server = await startServer();
const b = await launchBrowser({ viewport: { width: 1024, height: 700 } });
const page = await b.context.newPage();
page.on('console', (m) => console.log('console.' + m.type() + ': ' + m.text()));
await page.goto(server.url);
await waitForFrames(page, 5);
const s0 = await appState(page); const t0 = Date.now();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.start');
await page.waitForTimeout(4000);
const { profile } = await cdp.send('Profiler.stop');
const s1 = await appState(page); const t1 = Date.now();
console.log('fps', ((s1.frame - s0.frame) * 1000 / (t1 - t0)).toFixed(1), 'frameMs', s1.frameMsAverage.toFixed(1));
const self = new Map(); const dt = profile.timeDeltas; const byId = new Map(profile.nodes.map(n => [n.id, n]));
profile.samples.forEach((id, i) => { const n = byId.get(id); const k = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')'; self.set(k, (self.get(k) || 0) + (dt[i] || 0)); });
[...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(6), 'ms', k));
await b.close(); await server.stop();
