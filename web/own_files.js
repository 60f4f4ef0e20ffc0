// Your own data (issue 29): air-quality files opened with the app's "Open data…" button or dropped
// on the map, read on this device and handed to the app (app/page_api.h, ccap_page_import_*) a
// chunk at a time as Blob.stream() reads them: a gzip is unpacked on the way (DecompressionStream),
// the whole file is never held, and the page yields to the browser every few milliseconds so that
// the map keeps drawing and the progress bar moves. Nothing is uploaded: the bytes go from the file
// to the app's memory and nowhere else. Never on a kiosk.
(function () {
  'use strict';

  const CHUNK = 1 << 20;      // bytes handed to the app in one call, at most
  const SLICE_MS = 12;        // of reading before the page yields to a frame
  let lastFiles = [];         // read again when columns are chosen for one of them
  let running = false;

  const input = document.createElement('input');
  input.type = 'file';
  input.multiple = true;      // any extension: the app tells a file by its content
  input.id = 'ccap-open-data';
  input.hidden = true;
  input.setAttribute('aria-label', 'Open air-quality data files');
  document.body.appendChild(input);
  input.addEventListener('change', () => {
    const files = Array.from(input.files || []);
    input.value = '';         // the same file chosen again is a change again
    importFiles(files);
  });

  function allowed() {
    return !(window.ccapKiosk && window.ccapKiosk.enabled) && window.Module && window.Module.ccapRunning;
  }

  // A string argument in the app's memory for the call, freed after it.
  function withText(text, call) {
    const p = Module.stringToNewUTF8(text);
    try { return call(p); } finally { Module._free(p); }
  }

  const nextFrame = () => new Promise((resolve) => {
    if (document.hidden) setTimeout(resolve, 0);  // no frames in a hidden tab: go on anyway
    else requestAnimationFrame(() => setTimeout(resolve, 0));
  });

  async function isGzip(file) {
    const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
    return head.length === 2 && head[0] === 0x1f && head[1] === 0x8b;
  }

  // Reads `file` into the app. Returns 'done', 'enough' (the app needs no more of it) or
  // 'cancelled'; throws with why it could not be read to its end.
  async function stream(file) {
    let source = file.stream();
    const gzip = await isGzip(file);
    if (gzip) {
      if (typeof DecompressionStream !== 'function')
        throw new Error('this browser cannot unpack gzip: unpack the file first');
      source = source.pipeThrough(new DecompressionStream('gzip'));
    }
    const reader = source.getReader();
    let buffer = 0, capacity = 0, sliceStart = performance.now();
    try {
      for (;;) {
        let next;
        try {
          next = await reader.read();
        } catch (e) {
          throw new Error(gzip ? 'the gzip data is cut short or damaged' : `it could not be read (${e.message})`);
        }
        if (next.done) return 'done';
        const bytes = next.value;
        for (let at = 0; at < bytes.length; at += CHUNK) {
          const part = bytes.subarray(at, at + CHUNK);
          if (part.length > capacity) {
            if (buffer) Module._free(buffer);
            capacity = Math.max(part.length, 64 * 1024);
            buffer = Module._malloc(capacity);
          }
          Module.HEAPU8.set(part, buffer);  // (read after _malloc: a grown memory has a new view)
          const wanted = Module._ccap_page_import_chunk(buffer, part.length);
          if (wanted !== 1) {
            reader.cancel().catch(() => {});
            return wanted === -1 ? 'cancelled' : 'enough';
          }
        }
        if (performance.now() - sliceStart > SLICE_MS) {
          await nextFrame();
          sliceStart = performance.now();
        }
      }
    } finally {
      if (buffer) Module._free(buffer);
    }
  }

  async function importFiles(files) {
    if (!files.length || running || !allowed()) return;
    if (Module._ccap_page_import_begin(files.length) !== 0) return;  // refused: the app says why
    running = true;
    lastFiles = files;
    try {
      for (const file of files) {
        withText(file.name, (p) => Module._ccap_page_import_file(p, file.size));
        let outcome = 'done', error = '';
        try {
          outcome = await stream(file);
        } catch (e) {
          error = e.message || String(e);
        }
        withText(error, (p) => Module._ccap_page_import_file_end(p));
        if (outcome === 'cancelled') break;
      }
    } finally {
      Module._ccap_page_import_end();  // always: the app finishes with a report or a named error
      running = false;
    }
  }

  // Dropped on the map: the files, never a navigation to them. A drag over the page shows where it goes.
  const canvas = document.getElementById('canvas');
  const carriesFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes('Files');
  for (const type of ['dragenter', 'dragover']) {
    window.addEventListener(type, (e) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();  // else the browser opens the file in place of the atlas
      const ok = allowed() && e.target === canvas;
      e.dataTransfer.dropEffect = ok ? 'copy' : 'none';
      document.body.classList.toggle('ccap-dropping', ok);
    });
  }
  window.addEventListener('dragleave', (e) => {
    if (e.target === canvas) document.body.classList.remove('ccap-dropping');
  });
  window.addEventListener('drop', (e) => {
    if (!carriesFiles(e)) return;
    e.preventDefault();
    document.body.classList.remove('ccap-dropping');
    if (e.target === canvas && allowed()) importFiles(Array.from(e.dataTransfer.files || []));
  });

  window.ccapOwnFiles = {
    pick() { if (allowed() && !running) input.click(); },
    again() { importFiles(lastFiles); },
    importFiles,
    get running() { return running; },
  };
})();
