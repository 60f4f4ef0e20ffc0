// Frame-time benchmark: once the app runs, pan east across the Pacific at zoom 4 (the 1:50m level,
// full detail) for a fixed number of frames, moving the camera every frame, and record
//   - the interval between animation frames (what the user sees), and
//   - the app's own frame time (CPU time of its frame callback, as the app measures it).
// Query: ?frames=N&zoom=Z&content=FILE&layers=C,A,L,F. Result: window.ccapBenchResult and the box at the bottom-left.
// Air quality: &air=FILE loads a .ccapaq file (e.g. bench-data/air-100k.ccapaq), &surface=0|1,
// &play=1 animates the hours (4 a second, the default speed), &center=LNG,LAT keeps the camera still there.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const frames = Number(params.get('frames') || 300);
  const zoom = Number(params.get('zoom') || 4);
  const content = params.get('content');  // e.g. bench-data/partnership-synthetic.json
  // layers=C,A,L,F: cities, arcs, labels, flow on (1) or off (0); default all on.
  const layers = (params.get('layers') || '1,1,1,1').split(',').map(Number);
  const air = params.get('air');
  const surface = Number(params.get('surface') || 0);
  const play = Number(params.get('play') || 0);
  const center = params.get('center') ? params.get('center').split(',').map(Number) : null;
  const state = () => JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
  };
  async function prepare() {
    if (content) {
      const text = await (await fetch(content)).text();
      const t0 = performance.now();
      const ptr = Module.stringToNewUTF8(text);
      const problems = Module._ccap_load_partnership(ptr);
      Module._free(ptr);
      window.ccapBenchLoad = { ms: performance.now() - t0, problems, bytes: text.length };
    }
    if (air) {
      const bytes = new Uint8Array(await (await fetch(air)).arrayBuffer());
      const t0 = performance.now();
      const ptr = Module._malloc(bytes.length);
      Module.HEAPU8.set(bytes, ptr);
      const refused = Module._ccap_load_air(ptr, bytes.length);
      Module._free(ptr);
      window.ccapBenchAirLoad = { ms: performance.now() - t0, refused, bytes: bytes.length };
      // pollutant PM2.5, hourly, from the first hour, WHO scale; stations on; surface as asked; playing.
      const options = Module.stringToNewUTF8(JSON.stringify({
        pollutant: 'PM2.5', period: 'hour', step: 0, scale: 'who', stations: true, surface: !!surface, playing: !!play }));
      Module._ccap_set_air(options);
      Module._free(options);
    }
    Module._ccap_set_layers(...layers);
    run();
  }
  // The app's state (JSON, with heap statistics) costs tens of ms at stress sizes, so it is read
  // only every STATE_EVERY frames and the intervals it lengthens are left out; frameMsAverage is
  // the app's own average over the last ~20 frames. Every frame wakes the app (a cheap call), so that
  // with render on demand it still draws every frame, as it did before render on demand.
  const STATE_EVERY = 10;
  function run() {
    const intervals = [];
    const appMs = [];
    let i = 0;
    let last = performance.now();
    let stateRead = false;  // in the frame whose interval ends now
    const step = () => {
      const now = performance.now();
      if (i > 10 && !stateRead) intervals.push(now - last);  // skip warm-up
      last = now;
      stateRead = i > 10 && i % STATE_EVERY === 0;
      if (stateRead) appMs.push(state().frameMsAverage);
      if (center) {
        if (i === 0) Module._ccap_fly_to(center[0], center[1], zoom, 0);
        else Module._ccap_project(center[0], center[1]);  // wakes the app: draw this frame
      } else {
        const lng = 100 + (i * 0.35);  // ~0.35° a frame eastwards, across 180°
        Module._ccap_fly_to(lng > 180 ? lng - 360 : lng, 15, zoom, 0);
      }
      if (++i < frames + 10) {
        requestAnimationFrame(step);
      } else {
        const s = state();
        window.ccapBenchResult = {
          frames, zoom, canvas: s.canvas, framebuffer: s.framebuffer, layers: s.layers, load: window.ccapBenchLoad,
          air: air ? { load: window.ccapBenchAirLoad, state: s.air } : undefined,
          frameIntervalMs: stats(intervals), fps: 1000 / stats(intervals).mean, appFrameMs: stats(appMs),
          userAgent: navigator.userAgent,
        };
        document.getElementById('bench-result').textContent = JSON.stringify(window.ccapBenchResult, null, 1);
      }
    };
    requestAnimationFrame(step);
  }
  const wait = () => (window.Module && Module.ccapRunning ? setTimeout(prepare, 500) : setTimeout(wait, 50));
  wait();
})();
