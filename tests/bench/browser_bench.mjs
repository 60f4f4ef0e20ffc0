// Runs web/bench.html in headless Chromium (SwiftShader) against the real wasm build and prints
// its result as JSON. Used by scripts/bench.sh; not a test (nothing is asserted).
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const width = Number(process.env.BENCH_WIDTH || 1280);
const height = Number(process.env.BENCH_HEIGHT || 800);
const server = await startServer();
const browser = await launchBrowser({ viewport: { width, height } });
try {
  const page = await browser.context.newPage();
  const extra = process.env.BENCH_QUERY ? `&${process.env.BENCH_QUERY}` : '';
  await page.goto(`${server.url}bench.html?frames=${process.env.BENCH_FRAMES || 300}&zoom=${process.env.BENCH_ZOOM || 4}${extra}`);
  await page.waitForFunction(() => window.ccapBenchResult, null, { timeout: 300000, polling: 500 });
  console.log(JSON.stringify(await page.evaluate(() => window.ccapBenchResult), null, 2));
} finally {
  await browser.close();
  await server.stop();
}
