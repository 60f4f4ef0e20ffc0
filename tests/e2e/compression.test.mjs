// The real build as served by scripts/serve.sh's server (the harness starts the same one): the
// build made a .br and a .gz of each compressible file, the server sends the brotli form to a
// client that takes br, the gzip form to one that takes only gzip, the file as it is otherwise, each
// decoding to the very bytes of the file, with its own Content-Type; manifest.json gives the sizes
// that really go over the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, webDir } from './harness.mjs';

let server;

before(async () => {
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

// GET with exactly these request headers (node's http adds no Accept-Encoding of its own).
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync, identity: (b) => b };
const cases = [
  ['br', 'br'],
  ['gzip, deflate, br, zstd', 'br'],  // Chromium's
  ['gzip', 'gzip'],
  ['gzip, deflate', 'gzip'],
  [null, 'identity'],
  ['identity', 'identity'],
];
const types = { 'ccap.wasm': 'application/wasm', 'data/basemap.ccapmap': 'application/octet-stream' };

for (const file of ['ccap.wasm', 'data/basemap.ccapmap']) {
  test(`${file}: brotli, gzip or as it is, by what the request accepts`, async () => {
    const raw = readFileSync(path.join(webDir, file));
    for (const [accept, expected] of cases) {
      const r = await get(server.url + file, accept === null ? {} : { 'Accept-Encoding': accept });
      const what = `${file} with Accept-Encoding: ${accept}`;
      assert.equal(r.status, 200, what);
      assert.equal(r.headers['content-encoding'] ?? 'identity', expected, what);
      assert.equal(r.headers['content-type'], types[file], what);
      assert.equal(r.headers.vary, 'Accept-Encoding', what);
      assert.equal(Number(r.headers['content-length']), r.body.length, what);
      if (expected !== 'identity') assert.ok(r.body.length < raw.length * 0.8, `${what}: ${r.body.length} bytes`);
      assert.ok(decode[expected](r.body).equals(raw), `${what}: decodes to the file`);
    }
  });
}

test('the build compressed every compressible file, and the manifest has the sizes', async () => {
  for (const file of ['ccap.js', 'ccap.wasm', 'index.html', 'loader.js', 'style.css', 'data/partnership.json',
                      'data/basemap.ccapmap', 'data/fonts/NotoSans-Regular.ttf']) {
    for (const enc of ['br', 'gz']) {
      const packed = path.join(webDir, `${file}.${enc}`);
      assert.ok(existsSync(packed), `${file}.${enc} was made`);
      assert.ok(statSync(packed).mtimeMs >= statSync(path.join(webDir, file)).mtimeMs, `${file}.${enc} is fresh`);
    }
  }
  assert.equal(existsSync(path.join(webDir, 'manifest.json.br')), false, 'manifest.json is left as it is');
  const manifest = JSON.parse(readFileSync(path.join(webDir, 'manifest.json'), 'utf8'));
  assert.equal(manifest.files.filter((f) => /\.(br|gz)$/.test(f.path)).length, 0, 'no .br/.gz listed as a download');
  for (const f of manifest.files) {
    assert.equal(f.bytes, statSync(path.join(webDir, f.path)).size, f.path);
    for (const enc of ['br', 'gz']) {
      const packed = path.join(webDir, `${f.path}.${enc}`);
      if (f[enc] === undefined) {
        assert.equal(existsSync(packed), false, `${f.path}: ${enc} made but not listed`);
        continue;
      }
      assert.equal(f[enc], statSync(packed).size, `${f.path}.${enc}`);
      assert.ok(f[enc] < f.bytes, `${f.path}.${enc} is smaller`);
    }
  }
  const wasm = manifest.files.find((f) => f.path === 'ccap.wasm');
  assert.ok(wasm.br && wasm.gz, 'ccap.wasm has both');
  const r = await get(server.url + 'ccap.wasm', { 'Accept-Encoding': 'br' });
  assert.equal(Number(r.headers['content-length']), wasm.br, 'what goes over the network');
});
