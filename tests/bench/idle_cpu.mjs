// Idle CPU: what a page costs while nobody touches it. Opens URL in headless Chromium (SwiftShader,
// as the other benchmarks), waits until it is ready, then sums the CPU time (utime + stime, all
// threads, from /proc) of every process of that browser over windows of the page's life:
//   node tests/bench/idle_cpu.mjs URL [--ready app|bench] [--window START,END]...
// Windows are seconds after ready (default 5,25 and 40,100: the app's flow moves for 30 s after
// the last input, then rests). Prints CPU seconds per minute for each window.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const url = args[0];
let ready = 'app';
const windows = [];
for (let i = 1; i < args.length; ++i) {
  if (args[i] === '--ready') ready = args[++i];
  else if (args[i] === '--window') windows.push(args[++i].split(',').map(Number));
}
if (!url) throw new Error('usage: idle_cpu.mjs URL [--ready app|bench] [--window START,END]...');
if (windows.length === 0) windows.push([5, 25], [40, 100]);

const ticks = 100;  // USER_HZ: /proc's clock ticks a second on Linux
function cpuSeconds(marker) {
  let sum = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker)) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').split(') ')[1].split(' ');
      sum += (Number(fields[11]) + Number(fields[12])) / ticks;  // utime, stime (fields 14, 15)
    } catch { /* the process ended */ }
  }
  return sum;
}

const userDataDir = mkdtempSync(path.join(tmpdir(), 'ccap-idle-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CCAP_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run'],
  viewport: { width: 1280, height: 720 },
});
try {
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(url);
  await page.waitForFunction((kind) => (kind === 'bench' ? window.__bench && window.__bench.firstFrameMs !== null
                                                         : window.Module && Module.ccapRunning), ready, { timeout: 120000 });
  const start = Date.now();
  for (const [from, to] of windows) {
    await new Promise((r) => setTimeout(r, Math.max(0, start + from * 1000 - Date.now())));
    const c0 = cpuSeconds(userDataDir);
    const t0 = Date.now();
    await new Promise((r) => setTimeout(r, Math.max(0, start + to * 1000 - Date.now())));
    const c1 = cpuSeconds(userDataDir);
    const minutes = (Date.now() - t0) / 60000;
    console.log(`${url}  ${from}-${to} s after ready: ${((c1 - c0) / minutes).toFixed(2)} CPU s per minute`);
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
