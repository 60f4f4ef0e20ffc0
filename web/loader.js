// Loads the wasm app and its data with a progress bar that counts real bytes, then starts it.
// Says so plainly, instead of leaving a blank page, when WebGL2 is missing or anything fails.
// A download that fails is tried again with a growing pause (1, 2, 4, 8 s), and the screen says
// so; a data file that still cannot be had is left out: the app starts with what did load and
// says what did not. Only the app itself (script and wasm) is needed to start.
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
    fatal.querySelector('.hint').textContent = hint || 'Reload the page to try again.';
    loader.hidden = true;
    fatal.hidden = false;
    window.ccapKiosk.failed();
  }

  function showProgress(loaded, total) {
    const pct = total > 0 ? Math.min(100, (100 * loaded) / total) : 0;
    fill.style.width = pct.toFixed(1) + '%';
    bar.setAttribute('aria-valuenow', Math.round(pct));
    const mb = (n) => (n / 1048576).toFixed(1);
    statusText.textContent = `Downloading map and data… ${mb(loaded)} of ${mb(total)} MB`;
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

  // Fetches one file, reporting every chunk; resolves to its bytes. Tries again after each pause
  // of RETRY_SECONDS (the bytes of a failed try are taken off the count), telling `onRetry`.
  async function fetchWithRetry(path, onChunk, onRetry) {
    for (let attempt = 0; ; ++attempt) {
      let got = 0;
      try {
        return await fetchWithProgress(path, (n) => { got += n; onChunk(n); });
      } catch (e) {
        onChunk(-got);
        if (attempt >= RETRY_SECONDS.length) throw e;
        onRetry(path, attempt + 2, RETRY_SECONDS.length + 1, e.message);
        await sleep(RETRY_SECONDS[attempt]);
      }
    }
  }

  async function fetchWithProgress(path, onChunk) {
    const response = await fetch(path);
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
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

  async function start() {
    if (!hasWebGL2()) {
      fail('Your browser cannot show this map: WebGL2 is not available.',
           'Use a current version of Chrome, Edge, Firefox or Safari, and check that hardware acceleration is on.');
      return;
    }
    const manifestResponse = await fetch('manifest.json', { cache: 'no-cache' });
    if (!manifestResponse.ok) throw new Error(`manifest.json: HTTP ${manifestResponse.status}`);
    const manifest = await manifestResponse.json();
    const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    let loaded = 0;
    let retrying = '';
    showProgress(0, total);
    const onChunk = (n) => {
      loaded += n;
      showProgress(loaded, total);
      if (retrying) statusText.textContent += ' · ' + retrying;
    };
    const onRetry = (path, attempt, of, why) => {
      retrying = `${path} failed (${why}); trying again (${attempt} of ${of})`;
      console.warn('Clean Air Atlas: ' + retrying);
      onChunk(0);
    };
    const missing = [];
    const contents = await Promise.all(manifest.files.map((f) =>
      fetchWithRetry(f.path, onChunk, onRetry).catch((e) => {
        if (f.path === manifest.script || f.path === manifest.wasm) throw e;
        missing.push(f.path);  // the app starts without it, and says so
        console.warn(`Clean Air Atlas: ${f.path} not downloaded: ${e.message}`);
        return null;
      })));
    const files = new Map(manifest.files.map((f, i) => [f.path, contents[i]]));
    const wasmBytes = files.get(manifest.wasm);
    statusText.textContent = 'Starting…';

    // Page options become the app's arguments: ?debug=1 shows frame times, ?kiosk=1 is a kiosk.
    const params = new URLSearchParams(location.search);
    const args = [];
    if (params.get('debug') === '1') args.push('--debug');
    if (window.ccapKiosk.enabled) args.push('--kiosk');
    if (location.hash.length > 1) args.push('--link', location.hash);  // a shared link: its screen
    for (const path of missing) args.push('--missing', path.replace(/^data\//, ''));
    const canvas = document.getElementById('canvas');
    canvas.addEventListener('webglcontextlost', (e) => e.preventDefault());  // let it come back
    canvas.addEventListener('webglcontextrestored', () => Module._ccap_gpu_restored());
    window.Module = {
      canvas,
      arguments: args,
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(wasmBytes, imports).then(
          (r) => receive(r.instance, r.module),  // runs main(); its errors are reported by onAbort
          (e) => fail('The app could not be compiled: ' + e.message));
        return {};
      },
      preRun: [() => {
        // Data files go into the in-memory file system, where the app reads them at /data/...
        for (const [path, bytes] of files) {  // (the script and the wasm are not data)
          if (!path.startsWith('data/') || !bytes) continue;
          const dir = '/' + path.slice(0, path.lastIndexOf('/'));
          Module.FS.mkdirTree(dir);
          Module.FS.writeFile('/' + path, bytes);
        }
      }],
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
      ccapStarted() {
        loader.hidden = true;
        Module.ccapRunning = true;
        canvas.focus({ preventScroll: true });  // the keys reach the map at once
        window.ccapKiosk.started(Module, manifest);
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

  start().catch((e) => fail('Loading failed: ' + e.message, 'Check your connection and reload the page.'));
})();
