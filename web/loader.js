// Loads the wasm app and its data with a progress bar that counts real bytes, then starts it.
// Says so plainly, instead of leaving a blank page, when WebGL2 is missing or anything fails.
// The wasm is compiled while it downloads, in parallel with the map's data; what the first frame
// does not need (the air-quality data) comes after the map is on screen.
// A download that fails is tried again with a growing pause (1, 2, 4, 8 s), and the screen says
// so; a data file that still cannot be had is left out: the app starts with what did load and
// says what did not. Only the app itself (script and wasm) is needed to start.
// Every file is checked against manifest.json before it is used: its size, and its SHA-256 where
// the browser can compute one (crypto.subtle: https and localhost). A file that does not match
// (cut short, damaged, or from another deployment) is fetched once more past the HTTP cache, then
// counts as not downloaded. A start-up that fails in any way ends on an error card with "Try
// again", never on "Starting…".
// A lost WebGL context (a GPU reset, a driver update, too many tabs) is kept restorable
// (preventDefault) and the app makes its GPU resources again when it comes back.
'use strict';
(function () {
  const loader = document.getElementById('loader');
  const fill = loader.querySelector('.fill');
  const bar = loader.querySelector('.bar');
  const statusText = loader.querySelector('.status');
  let failed = false;

  function fail(reason, hint) {
    if (failed) return;
    failed = true;
    console.error('Clean Air Atlas: ' + reason);
    const fatal = document.getElementById('fatal');
    fatal.querySelector('.reason').textContent = reason;
    fatal.querySelector('.hint').textContent = hint || 'Try again; if it happens again, reload the page later.';
    fatal.querySelector('.retry').onclick = () => location.reload();
    loader.hidden = true;
    fatal.hidden = false;
    window.ccapKiosk.failed();
  }

  // Until the app has drawn its first frame, an uncaught error (a script cut short, an app that
  // stops while starting) is a failed start, not a page left on "Starting…".
  let started = false;
  window.addEventListener('error', (e) => {
    if (started || /ResizeObserver/.test(e.message)) return;  // (Chrome reports a busy observer as an error)
    fail('The app could not be started: ' + (e.message || 'a script error'));
  });
  window.addEventListener('unhandledrejection', (e) => {
    if (!started) fail('The app could not be started: ' + ((e.reason && e.reason.message) || e.reason));
  });

  // A file as the manifest lists it, or an error that says how it differs (`damaged`: fetched
  // again once, past the cache, and not after a pause).
  async function verify(f, bytes) {
    const damaged = (why) => Object.assign(new Error(`${f.path}: ${why}`), { damaged: true });
    if (f.bytes === undefined) return bytes;  // live data's index: the app reads and checks it
    if (bytes.length !== f.bytes)
      throw damaged(`${bytes.length} bytes where the manifest says ${f.bytes} (cut short or damaged)`);
    if (!f.sha256 || !(window.crypto && crypto.subtle)) return bytes;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    if (hex !== f.sha256) throw damaged('its contents differ from the manifest\'s (damaged)');
    return bytes;
  }

  function showProgress(loaded, total) {
    const pct = total > 0 ? Math.min(100, (100 * loaded) / total) : 0;
    fill.style.width = pct.toFixed(1) + '%';
    bar.setAttribute('aria-valuenow', Math.round(pct));
    const mb = (n) => (n / 1048576).toFixed(1);
    statusText.textContent = `Downloading the map… ${mb(loaded)} of ${mb(total)} MB`;
  }

  function hasWebGL2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  const RETRY_SECONDS = [1, 2, 4, 8];
  const sleep = (s) => new Promise((resolve) => setTimeout(resolve, s * 1000));

  // Runs `attempt(fresh)` until it succeeds, after each failure pausing RETRY_SECONDS and telling
  // `onRetry`; a damaged file is asked for once more at once (`fresh`: past the HTTP cache).
  async function withRetry(path, attempt, onRetry, signal) {
    let fresh = false;
    for (let n = 0; ; ++n) {
      try {
        return await attempt(fresh);
      } catch (e) {
        if (signal?.aborted || n >= RETRY_SECONDS.length || (e.damaged && fresh)) throw e;
        onRetry(path, n + 2, RETRY_SECONDS.length + 1, e.message);
        fresh = fresh || !!e.damaged;
        if (!e.damaged) await sleep(RETRY_SECONDS[n]);
      }
    }
  }

  // Fetches one file, reporting every chunk (the bytes of a failed try are taken off the count)
  // and the response's Content-Encoding; resolves to its bytes.
  function fetchWithRetry(f, onChunk, onRetry, onEncoding = () => {}, signal = undefined) {
    return withRetry(f.path, async (fresh) => {
      let got = 0;
      try {
        return await verify(f, await fetchWithProgress(f.path, (n) => { got += n; onChunk(n); }, onEncoding, fresh,
          signal));
      } catch (e) {
        onChunk(-got);
        throw e;
      }
    }, onRetry, signal);
  }

  async function fetchWithProgress(path, onChunk, onEncoding, fresh, signal) {
    const response = await fetch(path, { ...(fresh ? { cache: 'reload' } : {}), signal });
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    onEncoding(response.headers.get('Content-Encoding'));
    if (!response.body) {  // very old browsers: no streaming, one step
      const bytes = new Uint8Array(await response.arrayBuffer());
      onChunk(bytes.length);
      return bytes;
    }
    const reader = response.body.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
      onChunk(value.length);
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const c of chunks) { bytes.set(c, offset); offset += c.length; }
    return bytes;
  }

  // Live data (data/air/): the refresh job (ccap_geodata refresh) publishes it apart from the
  // deployment, so the manifest does not list it. Its index, air/index.json, is its manifest: it
  // names each dataset's file and size (the file's own checksum is checked by the app). The index
  // comes once the map is on screen, with its progress told to the app (the air panel says how far
  // its data has come), and is asked for again when the app polls it (ccapPollData).
  const LIVE_INDEX = { path: 'data/air/index.json' };
  // Files fetched only when the app asks for one (Module.ccapFetchData): each air-quality
  // dataset's series, when a city it serves is opened or the map is at its stations; the
  // city-scale tiles and their index and places, when the map comes close to a partner city.
  const ON_DEMAND = (path) =>
    (path.startsWith('data/air/') && path.endsWith('.ccapaq')) || path.startsWith('data/tiles/');
  const downloads = new Map();  // name -> the AbortController of a file the app asked for, under way
  // ?bench=1: the peer benchmark's scene (web/peer_bench.js) needs the app and the basemap only.
  const BENCH_FILES = new Set(['data/basemap.ccapmap']);

  // Bytes on the wire for a file: its compressed size in the encoding the server chose (the
  // manifest lists them: cmake/WriteManifest.cmake), else its own size.
  const wireBytes = (f, encoding) =>
    encoding === 'br' && f.br ? f.br : encoding === 'gzip' && f.gz ? f.gz : f.bytes;

  // Streams and compiles the wasm while it downloads; counts its bytes as they come, and checks
  // them against the manifest at the end of the stream (a mismatch fails the compilation).
  async function compileWasm(f, onChunk, onEncoding, fresh) {
    const response = await fetch(f.path, fresh ? { cache: 'reload' } : {});
    if (!response.ok) throw new Error(`${f.path}: HTTP ${response.status}`);
    onEncoding(response.headers.get('Content-Encoding'));
    if (!WebAssembly.compileStreaming || !response.body || typeof TransformStream === 'undefined') {
      const bytes = new Uint8Array(await response.arrayBuffer());
      onChunk(bytes.length);
      return WebAssembly.compile(await verify(f, bytes));
    }
    const chunks = [];
    let size = 0, damage = null;
    const counted = response.body.pipeThrough(new TransformStream({
      transform(chunk, out) { onChunk(chunk.length); chunks.push(chunk); size += chunk.length; out.enqueue(chunk); },
      async flush() {
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) { bytes.set(c, at); at += c.length; }
        await verify(f, bytes).catch((e) => { damage = e; });
        if (damage) throw damage;
      },
    }));
    return WebAssembly.compileStreaming(new Response(counted, { headers: { 'Content-Type': 'application/wasm' } }))
      .catch((e) => { throw damage || e; });
  }

  async function start() {
    if (!hasWebGL2()) {
      fail('Your browser cannot show this map: WebGL2 is not available.',
           'Use a current version of Chrome, Edge, Firefox or Safari, and check that hardware acceleration is on.');
      return;
    }
    const params = new URLSearchParams(location.search);
    const bench = params.get('bench') === '1';
    const manifestResponse = await fetch('manifest.json', { cache: 'no-cache' });
    if (!manifestResponse.ok) throw new Error(`manifest.json: HTTP ${manifestResponse.status}`);
    const manifest = await manifestResponse.json();
    if (window.__bench) window.__bench.version = manifest.version;
    const isApp = (f) => f.path === manifest.script || f.path === manifest.wasm;
    const first = manifest.files.filter((f) => isApp(f) ||
      (bench ? BENCH_FILES.has(f.path) : !ON_DEMAND(f.path)));
    const later = bench ? [] : [LIVE_INDEX];

    // Progress in bytes on the wire: decoded bytes scaled by each file's compression, once the
    // server has said which encoding it sends (until then, its gzip size is the best guess).
    const progress = new Map(first.map((f) => [f.path, { f, got: 0, ratio: wireBytes(f, 'gzip') / f.bytes }]));
    let retrying = '';
    const show = () => {
      let loaded = 0, total = 0;
      for (const p of progress.values()) { loaded += p.got * p.ratio; total += p.f.bytes * p.ratio; }
      showProgress(loaded, total);
      if (retrying) statusText.textContent += ' · ' + retrying;
    };
    const counter = (f) => ({
      chunk(n) { progress.get(f.path).got += n; show(); },
      encoding(e) { progress.get(f.path).ratio = wireBytes(f, e) / f.bytes; show(); },
    });
    const onRetry = (path, attempt, of, why) => {
      retrying = `${path} failed (${why}); trying again (${attempt} of ${of})`;
      console.warn('Clean Air Atlas: ' + retrying);
      show();
    };
    show();
    const missing = [];
    const wasmFile = first.find((f) => f.path === manifest.wasm);
    const wasmCount = counter(wasmFile);
    const wasmModule = withRetry(manifest.wasm, (fresh) => {
      progress.get(manifest.wasm).got = 0;
      return compileWasm(wasmFile, wasmCount.chunk, wasmCount.encoding, fresh);
    }, onRetry);
    const contents = await Promise.all(first.filter((f) => f.path !== manifest.wasm).map((f) => {
      const count = counter(f);
      return fetchWithRetry(f, count.chunk, onRetry, count.encoding).then((bytes) => [f.path, bytes], (e) => {
        if (isApp(f)) throw e;
        missing.push(f.path);  // the app starts without it, and says so
        console.warn(`Clean Air Atlas: ${f.path} not downloaded: ${e.message}`);
        return [f.path, null];
      });
    }));
    const files = new Map(contents);
    const module = await wasmModule.catch((e) => { throw new Error('the app could not be downloaded or compiled: ' + e.message); });
    statusText.textContent = 'Starting…';

    // Page options become the app's arguments: ?debug=1 shows frame times, ?kiosk=1 is a kiosk.
    const args = [];
    if (bench) args.push('--bench', location.search);
    if (params.get('debug') === '1') args.push('--debug');
    if (window.ccapKiosk.enabled) args.push('--kiosk');
    if (params.get('demo') === '1') args.push('--demo');  // synthetic demo readings, not measured ones
    if (location.hash.length > 1) args.push('--link', location.hash);  // a shared link: its screen
    for (const path of missing) args.push('--missing', path.replace(/^data\//, ''));
    for (const f of later) args.push('--later', f.path.replace(/^data\//, ''));
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('webglcontextlost', (e) => e.preventDefault());  // let it come back
    canvas.addEventListener('webglcontextrestored', () => Module._ccap_gpu_restored());
    window.Module = {
      canvas,
      arguments: args,
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(module, imports).then(
          (instance) => receive(instance, module),  // runs main(); its errors are reported by onAbort
          (e) => fail('The app could not be started: ' + e.message));
        return {};
      },
      preRun: [() => {
        // Data files go into the in-memory file system, where the app reads them at /data/...
        for (const [path, bytes] of files) {  // (the script is not data)
          if (!path.startsWith('data/') || !bytes) continue;
          writeData(path, bytes);
        }
      }],
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      ccapStarted() {
        started = true;
        loader.hidden = true;
        Module.ccapRunning = true;
        canvas.focus({ preventScroll: true });  // the keys reach the map at once
        window.ccapKiosk.started(Module, manifest);
        for (const f of later) loadAfterMap(f);
      },
      // The app wants a file now (a dataset, a tile): fetched and handed over as the later ones are.
      // A live dataset's file is not in the manifest: the air index gave the app its size.
      ccapFetchData(name, bytes) {
        const f = manifest.files.find((m) => m.path === 'data/' + name && ON_DEMAND(m.path)) ||
          (name.startsWith('air/') && bytes > 0 ? { path: 'data/' + name, bytes } : null);
        if (f) loadAfterMap(f, true);
        else setTimeout(() => tellArrived(name, 0));  // not in this deployment: the app says so
      },
      ccapPollData: pollLive,
      ccapPickDataFiles() { window.ccapOwnFiles?.pick(); },   // your own data (web/own_files.js)
      ccapReadFilesAgain() { window.ccapOwnFiles?.again(); },
      ccapCancelData(name) {  // no longer wanted (a city tile that left the view): the download stops, untold
        downloads.get(name)?.abort();
        downloads.delete(name);
      },
      ccapFatal(reason) { fail('The map could not start: ' + reason); },
      onAbort(what) { fail('The app stopped unexpectedly: ' + what); },
    };
    // The script was downloaded with the rest (so the bar counts it); run it from memory.
    const script = document.createElement('script');
    script.src = URL.createObjectURL(new Blob([files.get(manifest.script)], { type: 'text/javascript' }));
    script.onerror = () => fail(`${manifest.script} could not be started.`);
    document.body.appendChild(script);
  }

  function writeData(path, bytes) {
    Module.FS.mkdirTree('/' + path.slice(0, path.lastIndexOf('/')));
    Module.FS.writeFile('/' + path, bytes);
  }

  // A live file asked for again (the air index, every few minutes by the app's clock): past the
  // HTTP cache with its ETag (Cache-Control: no-cache; a 304 costs a few bytes), handed to the app
  // only when its ETag or its text changed. A failed poll is quiet: the app keeps what it has and
  // polls again later.
  const polled = new Map();  // name -> { etag, text }
  async function pollLive(name) {
    const last = polled.get(name) || {};
    try {
      const response = await fetch('data/' + name, { cache: 'no-cache' });
      if (!response.ok) return;
      const etag = response.headers.get('ETag');
      if (etag && etag === last.etag) return;
      const bytes = new Uint8Array(await response.arrayBuffer());
      const text = bytes.length + ':' + await digest(bytes);
      if (text === last.text) return;
      polled.set(name, { etag, text });
      writeData('data/' + name, bytes);
      tellArrived(name, 1);
    } catch (e) {
      console.warn(`Clean Air Atlas: data/${name} could not be checked for new data (${e.message}); trying later`);
    }
  }
  async function digest(bytes) {
    if (!(window.crypto && crypto.subtle)) return Array.from(bytes.subarray(0, 64)).join(',');
    const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
    return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  // A file the map can do without at first: fetched once the map is drawn, its progress told to
  // the app (ccap_page_data_progress, in bytes on the wire), then handed over (ccap_page_data_arrived).
  function tellApp(fn, name, ...args) {
    const p = Module.stringToNewUTF8(name);
    const r = Module[fn](p, ...args);
    Module._free(p);
    return r;
  }
  const tellArrived = (name, ok) => tellApp('_ccap_page_data_arrived', name, ok);

  // `asked`: the app asked for it (ccapFetchData) and may cancel it (ccapCancelData); such a file is
  // read by the app as it arrives, so a city tile or a dataset is then taken out of the in-memory
  // file system (the app keeps what it read; hundreds of tiles visited, or a week of hourly
  // refreshes on a kiosk, would otherwise pile up there).
  async function loadAfterMap(f, asked = false) {
    const name = f.path.replace(/^data\//, '');
    const tell = (fn, ...args) => tellApp(fn, name, ...args);
    // (The live index's size is not known before it comes: its total is told as 0.)
    let got = 0, ratio = f.bytes ? wireBytes(f, 'gzip') / f.bytes : 1;
    const report = () => tell('_ccap_page_data_progress', got * ratio, (f.bytes || 0) * ratio);
    const control = asked ? new AbortController() : undefined;
    if (control) {
      downloads.get(name)?.abort();
      downloads.set(name, control);
    }
    const mine = () => !control || downloads.get(name) === control;
    try {
      const bytes = await fetchWithRetry(f, (n) => { got += n; report(); }, (path, attempt, of, why) =>
        console.warn(`Clean Air Atlas: ${path} failed (${why}); trying again (${attempt} of ${of})`),
        (e) => { if (f.bytes) ratio = wireBytes(f, e) / f.bytes; }, control?.signal);
      if (!mine()) return;  // cancelled as it arrived
      downloads.delete(name);
      writeData(f.path, bytes);
      tell('_ccap_page_data_arrived', 1);
      if (asked && /^(tiles\/.*\.ccapmap|air\/.*\.ccapaq)$/.test(name)) Module.FS.unlink('/' + f.path);
    } catch (e) {
      if (control?.signal.aborted || !mine()) return;  // cancelled: the app does not wait for it
      downloads.delete(name);
      console.warn(`Clean Air Atlas: ${f.path} not downloaded: ${e.message}`);
      tell('_ccap_page_data_arrived', 0);
    }
  }

  start().catch((e) => fail('Loading failed: ' + e.message, 'Check your connection, then try again.'));
})();
