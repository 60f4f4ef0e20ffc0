// Does a faster renderer still draw the same picture? Takes the stress scenes of scripts/bench.sh
// (and a few more zooms and a device pixel ratio of 2) still, with nothing animating, from two
// builds of the web app, and compares them pixel by pixel in headless Chromium (SwiftShader).
// Not a test (two builds are needed); run it by hand before and after a change to a renderer:
//   node tests/bench/stress_pictures.mjs BEFORE_WEB_DIR AFTER_WEB_DIR [OUT_DIR]
// Each build must hold bench-data/partnership-synthetic.json and bench-data/air-100k.ccapaq (made
// by scripts/bench.sh). Prints, per scene, how many pixels differ by more than 8 levels (of 255)
// in any channel, and the largest difference; writes the pictures and a diff (differing pixels
// red, the rest greyed) as PNG files to OUT_DIR (default /tmp/ccap-stress-pictures).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const [beforeDir, afterDir, outDir = '/tmp/ccap-stress-pictures'] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  console.error('usage: node tests/bench/stress_pictures.mjs BEFORE_WEB_DIR AFTER_WEB_DIR [OUT_DIR]');
  process.exit(2);
}
const stress = 'content=bench-data/partnership-synthetic.json';
const air = 'air=bench-data/air-100k.ccapaq&play=0&layers=1,1,1,0';
// [name, bench.html query (camera still at center), device pixel ratio]
const scenes = [
  ['markers-labels-z2', `zoom=2&center=150,20&${stress}&layers=1,0,1,0`, 1],
  ['everything-z2', `zoom=2&center=150,20&${stress}&layers=1,1,1,0`, 1],
  ['arcs-z0.5', `zoom=0.5&center=160,20&${stress}&layers=0,1,0,0`, 1],
  ['arcs-z1.3', `zoom=1.3&center=160,20&${stress}&layers=0,1,0,0`, 1],
  ['arcs-z2', `zoom=2&center=150,20&${stress}&layers=0,1,0,0`, 1],
  ['arcs-z3.7', `zoom=3.7&center=180,30&${stress}&layers=0,1,0,0`, 1],
  ['arcs-z6', `zoom=6&center=140,35&${stress}&layers=0,1,0,0`, 1],
  ['everything-z3-dpr2', `zoom=3&center=150,20&${stress}&layers=1,1,1,0`, 2],
  ['real-content-z2', 'zoom=2&center=160,20&layers=1,1,1,0', 1],
  ['air-z4-clusters', `zoom=4&center=110,20&surface=0&${air}`, 1],
  ['air-z8-stations', `zoom=8&center=121.52,25.04&surface=0&${air}`, 1],
  ['air-z8-surface', `zoom=8&center=121.52,25.04&surface=1&${air}`, 1],
  ['air-z8-dpr2', `zoom=8&center=121.52,25.04&surface=0&${air}`, 2],
];

async function picture(dir, query, dpr) {
  const server = await startServer(dir);
  const browser = await launchBrowser({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: dpr });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}bench.html?frames=20&${query}`);
    await page.waitForFunction(() => window.ccapBenchResult, null, { timeout: 300000, polling: 500 });
    await page.addStyleTag({ content: '#bench-result { display: none }' });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return await page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 800 }, timeout: 120000 });
  } finally {
    await browser.close();
    await server.stop();
  }
}

mkdirSync(outDir, { recursive: true });
const browser = await launchBrowser({ webgl: false });
const page = await browser.context.newPage();
let worst = 0;
for (const [name, query, dpr] of scenes) {
  const a = await picture(beforeDir, query, dpr);
  const b = await picture(afterDir, query, dpr);
  writeFileSync(path.join(outDir, `${name}-before.png`), a);
  writeFileSync(path.join(outDir, `${name}-after.png`), b);
  const r = await page.evaluate(async ([pa, pb]) => {
    const load = async (b64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const g = c.getContext('2d');
      g.drawImage(bitmap, 0, 0);
      return g.getImageData(0, 0, c.width, c.height);
    };
    const [x, y] = [await load(pa), await load(pb)];
    if (x.width !== y.width || x.height !== y.height) return { sizes: [x.width, x.height, y.width, y.height] };
    const diff = new ImageData(x.width, x.height);
    let differing = 0, largest = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      let d = 0;
      for (let k = 0; k < 3; ++k) d = Math.max(d, Math.abs(x.data[i + k] - y.data[i + k]));
      largest = Math.max(largest, d);
      const grey = (x.data[i] + x.data[i + 1] + x.data[i + 2]) / 12 + 170;
      if (d > 8) ++differing;
      diff.data.set(d > 8 ? [255, 0, 0, 255] : [grey, grey, grey, 255], i);
    }
    const c = new OffscreenCanvas(x.width, x.height);
    c.getContext('2d').putImageData(diff, 0, 0);
    const png = new Uint8Array(await (await c.convertToBlob({ type: 'image/png' })).arrayBuffer());
    let s = '';
    for (let i = 0; i < png.length; i += 8192) s += String.fromCharCode(...png.subarray(i, i + 8192));
    return { differing, largest, pixels: x.width * x.height, diff: btoa(s) };
  }, [a.toString('base64'), b.toString('base64')]);
  if (r.sizes) {
    console.log(`${name}: sizes differ ${r.sizes}`);
    worst = Infinity;
    continue;
  }
  writeFileSync(path.join(outDir, `${name}-diff.png`), Buffer.from(r.diff, 'base64'));
  console.log(`${name.padEnd(22)} ${String(r.differing).padStart(7)} of ${r.pixels} pixels differ by > 8; largest ${r.largest}`);
  worst = Math.max(worst, r.differing);
}
await browser.close();
console.log(`pictures in ${outDir}`);
