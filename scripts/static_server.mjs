// node scripts/static_server.mjs <folder> [--host 127.0.0.1] [--port 8080] [--quiet]
// Serves the built page (build/web) the way a production server should: npm's http-server with
// brotli and gzip on, so that each file goes out as the .br or .gz made at build time
// (scripts/compress_web.mjs) with its Content-Encoding, and its own Content-Type
// (application/wasm for ccap.wasm). Used by scripts/serve.sh and by the browser tests
// (tests/e2e/harness.mjs), so that the tests fetch what visitors get. docs/deploy.md has the
// same rules for nginx.
//
// Around http-server 14.1.1, what it does not do by itself:
// - Accept-Encoding is read properly: "br;q=1.0" is brotli, "gzip;q=0" refuses gzip, and
//   "deflate" alone is not taken for gzip. The request then names only what was accepted.
// - A .br/.gz older than its file (the file was edited in place after the build) is not sent: the
//   file itself is.
// - Text types say charset=utf-8 when compressed too (http-server adds it to plain files only).
// - Vary: Accept-Encoding, and Cache-Control: no-cache (the file names carry no version, so a
//   browser asks again each time; an unchanged file costs a 304).
// --port 0 takes a free port. Prints "serving <folder> at http://<host>:<port>/" once it listens.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import httpServer from 'http-server';

process.noDeprecation = true;  // union (http-server's) reads OutgoingMessage._headers

// The codings a request accepts, of the two this server has: 'br' (preferred), 'gzip'.
export function acceptedEncodings(header) {
  const q = new Map();
  for (const part of String(header || '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
      if (m) weight = Number(m[1]);
    }
    q.set(name.trim(), weight);
  }
  const weight = (name) => (q.has(name) ? q.get(name) : q.get('*') ?? 0);
  return ['br', 'gzip'].filter((name) => weight(name) > 0);
}

// The file a request names, or null when it names none inside `root`.
function requestedFile(root, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return null;
  }
  if (pathname.endsWith('/')) pathname += 'index.html';
  const file = path.normalize(path.join(root, pathname));
  return file.startsWith(root) ? file : null;
}

// Every text file of the build is UTF-8.
export function withCharset(type) {
  return /^(text\/|application\/(javascript|json))/i.test(type) && !/charset=/i.test(type) ? `${type}; charset=utf-8` : type;
}

const mtime = async (file) => {
  try {
    const s = await fs.stat(file);
    return s.isFile() ? s.mtimeMs : null;
  } catch {
    return null;
  }
};

// Copies made with `cp -r` give a file and its .br a second apart at most; an edit comes later.
const STALE_AFTER_MS = 2000;

export function createServer(folder, { log = null } = {}) {
  const root = path.join(path.resolve(folder), '/');
  const negotiate = (req, res) => {
    const setHeader = res.setHeader.bind(res);
    res.setHeader = (name, value) => setHeader(name, /^content-type$/i.test(name) ? withCharset(value) : value);
    (async () => {
      const accepted = acceptedEncodings(req.headers['accept-encoding']);
      const file = accepted.length ? requestedFile(root, req.url) : null;
      const source = file ? await mtime(file) : null;
      const fresh = [];
      for (const name of accepted) {
        const packed = source === null ? null : await mtime(`${file}.${name === 'gzip' ? 'gz' : 'br'}`);
        if (packed !== null && packed + STALE_AFTER_MS >= source) fresh.push(name);
      }
      if (fresh.length) req.headers['accept-encoding'] = fresh.join(', ');
      else delete req.headers['accept-encoding'];
    })().then(() => res.emit('next'), () => res.emit('next'));
  };
  const server = httpServer.createServer({
    root,
    brotli: true,
    gzip: true,
    cache: 'no-cache',
    showDir: 'false',
    autoIndex: 'true',
    headers: { Vary: 'Accept-Encoding' },
    before: [negotiate],
  });
  if (log) {
    server.server.on('request', (req, res) => {
      res.on('finish', () => {
        const encoding = res.getHeader('content-encoding') || 'identity';
        log(`${req.method} ${req.url} ${res.statusCode} ${encoding} ${res.getHeader('content-length') ?? ''}`);
      });
    });
  }
  return server;
}

function parseArgs(argv) {
  const args = { folder: null, host: '127.0.0.1', port: 8080, quiet: false };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--host') args.host = argv[++i];
    else if (a === '--port') args.port = Number(argv[++i]);
    else if (a === '--quiet') args.quiet = true;
    else if (!a.startsWith('--') && args.folder === null) args.folder = a;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.folder || !args.host || !Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new Error('usage: node scripts/static_server.mjs <folder> [--host 127.0.0.1] [--port 8080] [--quiet]');
  }
  return args;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const log = args.quiet ? null : (line) => console.error(`[serve] ${new Date().toISOString().slice(11, 19)} ${line}`);
  const server = createServer(args.folder, { log });
  server.server.once('error', (e) => {
    console.error(`static_server: cannot listen on ${args.host}:${args.port}: ${e.message}`);
    process.exit(1);
  });
  server.server.listen(args.port, args.host, () => {
    const { port } = server.server.address();
    const host = args.host.includes(':') ? `[${args.host}]` : args.host;
    console.log(`serving ${path.resolve(args.folder)} at http://${host}:${port}/`);
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(0));
}
