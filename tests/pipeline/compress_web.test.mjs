// The served folder's compressed forms (scripts/compress_web.mjs) and the server that sends them
// (scripts/static_server.mjs), on a small folder made here: which files get a .br/.gz, that a run
// remakes only what changed and removes what no longer belongs, and how the server chooses what to
// send. tests/e2e/compression.test.mjs checks the same server on the real build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { compressFolder, isCompressible, worthIt } from '../../scripts/compress_web.mjs';
import { acceptedEncodings, createServer, withCharset } from '../../scripts/static_server.mjs';

let dir;
const text = (n) => Array.from({ length: n }, (_, i) => `line ${i % 97}: clean air for every city\n`).join('');
const file = (relative) => path.join(dir, relative);
const write = (relative, bytes) => {
  mkdirSync(path.dirname(file(relative)), { recursive: true });
  writeFileSync(file(relative), bytes);
};
// Moves a file's modification time `seconds` into the past.
const age = (relative, seconds) => {
  const t = statSync(file(relative)).mtimeMs / 1000 - seconds;
  utimesSync(file(relative), t, t);
};

before(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ccap-compress-'));
  write('index.html', `<!doctype html><meta charset="utf-8"><title>é</title>${text(50)}`);
  write('app.js', text(400));
  write('app.wasm', Buffer.concat([Buffer.from('\0asm\x01\0\0\0'), Buffer.from(text(2000))]));
  write('data/map.ccapmap', Buffer.from(text(3000)));
  write('data/noise.ccapaq', randomBytes(50000));  // does not compress
  write('data/kiosk.json', JSON.stringify({ idle_seconds: 90, note: text(20) }));
  write('data/tiny.json', '{"a":1}');
  write('manifest.json', JSON.stringify({ files: text(40) }));
  write('picture.png', text(100));  // not a compressible type
});

after(() => rmSync(dir, { recursive: true, force: true }));

test('which files are compressed', () => {
  for (const p of ['ccap.wasm', 'ccap.js', 'index.html', 'style.css', 'data/basemap.ccapmap', 'data/air/moenv-taiwan.ccapaq',
                   'data/partnership.json', 'data/fonts/NotoSans-Regular.ttf']) {
    assert.equal(isCompressible(p), true, p);
  }
  for (const p of ['manifest.json', 'data/kiosk.json', 'picture.png', 'ccap.wasm.br', 'data/x.gz',
                   'bench-data/air-100k.ccapaq']) {
    assert.equal(isCompressible(p), false, p);
  }
  assert.equal(worthIt(10000, 9400), true);
  assert.equal(worthIt(10000, 9600), false, 'less than 5%');
  assert.equal(worthIt(1500, 1410), false, 'less than 100 bytes');
});

test('a run writes .br and .gz that decode to the file, and only where they help', async () => {
  const first = await compressFolder(dir);
  for (const p of ['index.html', 'app.js', 'app.wasm', 'data/map.ccapmap']) {
    const raw = readFileSync(file(p));
    const br = readFileSync(file(`${p}.br`));
    const gz = readFileSync(file(`${p}.gz`));
    assert.ok(br.length < raw.length && gz.length < raw.length, p);
    assert.deepEqual(zlib.brotliDecompressSync(br), raw, `${p}.br`);
    assert.deepEqual(zlib.gunzipSync(gz), raw, `${p}.gz`);
    assert.equal(gz[9], 3, `${p}.gz: made on Unix`);
    assert.equal(gz[8], 2, `${p}.gz: maximum compression (-9)`);
  }
  for (const p of ['data/noise.ccapaq', 'data/tiny.json', 'data/kiosk.json', 'manifest.json', 'picture.png']) {
    assert.equal(existsSync(file(`${p}.br`)) || existsSync(file(`${p}.gz`)), false, p);
  }
  assert.equal(first.compressed.length, 8);
  const second = await compressFolder(dir);
  assert.deepEqual(second.compressed, [], 'nothing changed, nothing written');
  assert.deepEqual(second.removed, []);
});

test('a changed file is compressed again; stale and orphaned forms go', async () => {
  await compressFolder(dir);
  write('app.js', text(500));
  age('index.html.br', 5);  // made before index.html last changed
  age('index.html.gz', 5);
  write('gone.js.br', 'x');  // its file was removed
  write('data/kiosk.json.gz', 'x');  // left out since
  write('archive.tar.gz', 'x');  // not a form of ours: kept
  write('app.js.br.tmp-999999999', 'x');  // a killed run's temporary
  const run = await compressFolder(dir);
  assert.deepEqual(run.compressed.sort(), ['app.js.br', 'app.js.gz', 'index.html.br', 'index.html.gz']);
  assert.deepEqual(run.removed.sort(), ['app.js.br.tmp-999999999', 'data/kiosk.json.gz', 'gone.js.br']);
  assert.ok(existsSync(file('archive.tar.gz')));
  assert.deepEqual(zlib.brotliDecompressSync(readFileSync(file('app.js.br'))), readFileSync(file('app.js')));
});

test('Accept-Encoding is read with its weights', () => {
  assert.deepEqual(acceptedEncodings('gzip, deflate, br, zstd'), ['br', 'gzip']);
  assert.deepEqual(acceptedEncodings('br'), ['br']);
  assert.deepEqual(acceptedEncodings('gzip'), ['gzip']);
  assert.deepEqual(acceptedEncodings('br;q=0, gzip;q=0.5'), ['gzip']);
  assert.deepEqual(acceptedEncodings('BR;Q=1.0'), ['br']);
  assert.deepEqual(acceptedEncodings('deflate'), []);
  assert.deepEqual(acceptedEncodings('identity'), []);
  assert.deepEqual(acceptedEncodings(''), []);
  assert.deepEqual(acceptedEncodings(undefined), []);
  assert.deepEqual(acceptedEncodings('*'), ['br', 'gzip']);
  assert.deepEqual(acceptedEncodings('*, br;q=0'), ['gzip']);
  assert.equal(withCharset('text/css'), 'text/css; charset=utf-8');
  assert.equal(withCharset('application/javascript; charset=UTF-8'), 'application/javascript; charset=UTF-8');
  assert.equal(withCharset('application/wasm'), 'application/wasm');
});

// GET with exactly these request headers (node's http sends no Accept-Encoding of its own).
function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

test('the server sends each form with its encoding and type, and never a stale one', async () => {
  await compressFolder(dir);
  const server = createServer(dir);
  await new Promise((resolve) => server.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.server.address().port}/`;
  try {
    const wasm = readFileSync(file('app.wasm'));
    let r = await get(url + 'app.wasm', { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(r.headers['content-encoding'], 'br');
    assert.equal(r.headers['content-type'], 'application/wasm');
    assert.equal(r.headers.vary, 'Accept-Encoding');
    assert.deepEqual(zlib.brotliDecompressSync(r.body), wasm);
    r = await get(url + 'app.wasm', { 'Accept-Encoding': 'gzip' });
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.deepEqual(zlib.gunzipSync(r.body), wasm);
    r = await get(url + 'app.wasm', { 'Accept-Encoding': 'deflate' });
    assert.equal(r.headers['content-encoding'], undefined, 'deflate alone is not gzip');
    assert.deepEqual(r.body, wasm);

    r = await get(url, { 'Accept-Encoding': 'br' });
    assert.equal(r.headers['content-encoding'], 'br', 'the folder is its index.html');
    assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(r.headers['cache-control'], 'no-cache');
    r = await get(url + 'app.js', { 'Accept-Encoding': 'gzip' });
    assert.equal(r.headers['content-type'], 'application/javascript; charset=utf-8');

    r = await get(url + 'data/noise.ccapaq', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(r.headers['content-encoding'], undefined, 'no compressed form: the file as it is');
    assert.deepEqual(r.body, readFileSync(file('data/noise.ccapaq')));

    // A file edited in place after the build: its .br/.gz are older, and not sent.
    age('data/map.ccapmap.br', 10);
    age('data/map.ccapmap.gz', 10);
    write('data/map.ccapmap', Buffer.from(text(3001)));
    r = await get(url + 'data/map.ccapmap', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(r.headers['content-encoding'], undefined);
    assert.deepEqual(r.body, readFileSync(file('data/map.ccapmap')));

    r = await get(url + 'missing.js', { 'Accept-Encoding': 'br' });
    assert.equal(r.status, 404);
    r = await get(url + '..%2f..%2fetc/passwd', { 'Accept-Encoding': 'br' });
    assert.ok(r.status === 403 || r.status === 404, String(r.status));
  } finally {
    server.server.closeAllConnections();
    await new Promise((resolve) => server.server.close(resolve));
  }
});
