// Where does a frame's time go in the browser? Loads a build in headless Chromium, records a CPU
// profile over 4 s of the default view and prints fps, the app's frame time and the top functions
// by self time. For function names, profile a build linked with --profiling-funcs:
//   emcmake cmake -S . -B /tmp/prof-build -G Ninja -DCMAKE_BUILD_TYPE=Release \
//     -DCCAP_DEPS_DIR=$PWD/.deps -DCCAP_WEB_OUT=/tmp/prof-web -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
//   cmake --build /tmp/prof-build && cp -r build/web/data /tmp/prof-web/ \
//     && cmake -DWEB_OUT=/tmp/prof-web -P cmake/WriteManifest.cmake
//   CCAP_WEB_OUT=/tmp/prof-web node tests/bench/profile_frame.mjs
// (Relinking an existing build's objects with --profiling-funcs and -o into a copy of its web folder
// is quicker: `ninja -t commands clean_air_atlas` in the wasm build shows the link command.)
// PROFILE_PAGE profiles another page of the build at 1280 x 800 instead, e.g. a stress scene of
// the benchmark page, still: PROFILE_PAGE='bench.html?frames=100000&zoom=2&center=150,20&content=
// bench-data/partnership-synthetic.json&layers=1,0,1,0'.
import { startServer, launchBrowser, waitForFrames, appState } from '../e2e/harness.mjs';
const server = await startServer();
const b = await launchBrowser({ viewport: process.env.PROFILE_PAGE ? { width: 1280, height: 800 } : { width: 1024, height: 700 } });
const page = await b.context.newPage();
page.on('console', (m) => console.log('console.' + m.type() + ': ' + m.text()));
await page.goto(server.url + (process.env.PROFILE_PAGE || ''));
await waitForFrames(page, 5, 120000);
if (process.env.PROFILE_PAGE) await page.waitForTimeout(3000);  // the benchmark's content loads
const s0 = await appState(page); const t0 = Date.now();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.start');
await page.waitForTimeout(4000);
const { profile } = await cdp.send('Profiler.stop');
if (process.env.PROFILE_OUT) (await import('node:fs')).writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));  // for DevTools
const s1 = await appState(page); const t1 = Date.now();
console.log('fps', ((s1.frame - s0.frame) * 1000 / (t1 - t0)).toFixed(1), 'frameMs', s1.frameMsAverage.toFixed(1));
// Self and total (inclusive) time per function; template arguments elided from the names.
const name = (n) => {
  let k = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
  for (let prev = ''; prev !== k;) { prev = k; k = k.replace(/<[^<>]*>/g, ''); }
  return k.length > 110 ? k.slice(0, 110) + '…' : k;
};
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
profile.nodes.forEach((n) => (n.children || []).forEach((c) => parent.set(c, n.id)));
const self = new Map(), total = new Map();
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] || 0;
  const k = name(byId.get(id));
  self.set(k, (self.get(k) || 0) + dt);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) {
    const kn = name(byId.get(n));
    if (!seen.has(kn)) { seen.add(kn); total.set(kn, (total.get(kn) || 0) + dt); }
  }
});
const top = (m, count) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, count)
  .forEach(([k, v]) => console.log((v / 1000).toFixed(0).padStart(6), 'ms', k));
console.log('-- self time'); top(self, 25);
console.log('-- total time'); top(total, Number(process.env.PROFILE_TOTALS || 30));
await b.close(); await server.stop();
