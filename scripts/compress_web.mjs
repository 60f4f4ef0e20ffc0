// node scripts/compress_web.mjs <served folder>
// Writes <file>.br (brotli, quality 11) and <file>.gz (gzip -9) next to every compressible file of
// the served folder (build/web), for a static server that sends them as they are with
// Content-Encoding: scripts/static_server.mjs, or nginx's brotli_static/gzip_static
// (docs/deploy.md). Run by the build after it writes the folder; the manifest then records the
// sizes (cmake/WriteManifest.cmake).
//
// - Compressible: .wasm .js .mjs .css .html .json .svg .txt .ttf .otf .ccapmap .ccapaq.
// - Left out: manifest.json (rewritten at every build, after this step), data/kiosk.json (a venue
//   edits it in place, docs/kiosk.md: a .gz of it would go stale under nginx), and bench-data/.
// - A form that does not save at least 5% and 100 bytes is not kept: the file is then sent as it is.
// - Incremental, like make: a file is compressed again only when it is newer than its .br/.gz.
// - Never half a file: each output is written to "<out>.tmp-<pid>" and renamed; temporaries of a
//   run that was killed are removed by the next.
// - .br/.gz files that no longer belong to a compressible file (it was removed, left out, or
//   stopped compressing well) are removed.
import { readdirSync, readFileSync, writeFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const COMPRESSIBLE = new Set([
  '.wasm', '.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt', '.ttf', '.otf', '.ccapmap', '.ccapaq',
]);
export const LEFT_OUT = new Set(['manifest.json', 'data/kiosk.json']);
const LEFT_OUT_FOLDERS = ['bench-data/'];  // scripts/bench.sh's synthetic inputs: never deployed
const ENCODINGS = {
  br: (bytes) => promisify(zlib.brotliCompress)(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }),
  gz: (bytes) => promisify(zlib.gzip)(bytes, { level: 9 }),
};

// Whether `relative` (a path inside the served folder, with '/') gets .br/.gz files.
export function isCompressible(relative) {
  return COMPRESSIBLE.has(path.extname(relative).toLowerCase()) && !LEFT_OUT.has(relative) &&
         !LEFT_OUT_FOLDERS.some((folder) => relative.startsWith(folder));
}

// A compressed form is worth sending when it saves at least 5% and 100 bytes.
export function worthIt(raw, compressed) {
  return raw - compressed >= Math.max(100, 0.05 * raw);
}

function walk(dir, prefix = '') {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix + entry.name;
    if (entry.isDirectory()) files.push(...walk(path.join(dir, entry.name), relative + '/'));
    else if (entry.isFile()) files.push(relative);
  }
  return files;
}

const mtime = (file) => { try { return statSync(file).mtimeMs; } catch { return -1; } };
const pidRuns = (pid) => {
  try { process.kill(pid, 0); return true; } catch (e) { return e.code !== 'ESRCH'; }
};

export async function compressFolder(root, log = () => {}) {
  const all = walk(root);
  const present = new Set(all);
  const summary = { compressed: [], upToDate: 0, removed: [] };
  for (const relative of all) {
    // A temporary of ours whose writer no longer runs (a build killed mid-write).
    const tmp = /^(.*\.(?:br|gz))\.tmp-(\d{1,9})$/.exec(relative);
    if (tmp && Number(tmp[2]) !== process.pid && !pidRuns(Number(tmp[2]))) {
      rmSync(path.join(root, relative), { force: true });
      summary.removed.push(relative);
      continue;
    }
    // A .br/.gz of ours whose file is gone or is no longer compressed.
    const sibling = /^(.*)\.(br|gz)$/.exec(relative);
    if (sibling && COMPRESSIBLE.has(path.extname(sibling[1]).toLowerCase()) &&
        (!present.has(sibling[1]) || !isCompressible(sibling[1]))) {
      rmSync(path.join(root, relative), { force: true });
      summary.removed.push(relative);
    }
  }
  const jobs = [];
  for (const relative of all.filter(isCompressible)) {
    const file = path.join(root, relative);
    const source = mtime(file);
    const stale = Object.keys(ENCODINGS).filter((enc) => mtime(`${file}.${enc}`) < source);
    if (stale.length === 0) { ++summary.upToDate; continue; }
    jobs.push((async () => {
      const bytes = readFileSync(file);
      for (const enc of stale) {
        const out = `${file}.${enc}`;
        const packed = await ENCODINGS[enc](bytes);
        if (!worthIt(bytes.length, packed.length)) {
          rmSync(out, { force: true });
          continue;
        }
        const tmpName = `${out}.tmp-${process.pid}`;
        writeFileSync(tmpName, packed);
        renameSync(tmpName, out);
        summary.compressed.push(`${relative}.${enc}`);
        log(`${relative}.${enc}: ${bytes.length} -> ${packed.length} bytes`);
      }
    })());
  }
  await Promise.all(jobs);
  return summary;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2];
  if (!root || process.argv.length > 3) {
    console.error('usage: node scripts/compress_web.mjs <served folder>');
    process.exit(2);
  }
  const verbose = !!process.env.VERBOSE;
  const summary = await compressFolder(root, verbose ? console.log : undefined);
  console.log(`compress_web: ${summary.compressed.length} written, ${summary.upToDate} files up to date` +
              (summary.removed.length ? `, removed ${summary.removed.join(' ')}` : ''));
}
