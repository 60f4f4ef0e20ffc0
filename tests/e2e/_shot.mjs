import { startServer, launchBrowser, openApp, waitForFrames } from './harness.mjs';
const server = await startServer();
const b = await launchBrowser({ viewport: { width: 1280, height: 760 } });
const { page, errors } = await openApp(b.context, server.url);
await waitForFrames(page, 5);
await page.waitForTimeout(500);
await page.screenshot({ path: '/tmp/map2.png' });
console.log(errors);
await b.close(); await server.stop();
