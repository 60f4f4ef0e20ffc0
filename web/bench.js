// Frame-time benchmark: once the app runs, pan east across the Pacific at zoom 4 (the 1:50m level,
// full detail) for a fixed number of frames, moving the camera every frame, and record
//   - the interval between animation frames (what the user sees), and
//   - the app's own frame time (CPU time of its frame callback, as the app measures it).
// Query: ?frames=N&zoom=Z&content=FILE&layers=C,A,L,F. Result: window.ccapBenchResult and the box at the bottom-left.
// Air quality: &air=FILE loads a .ccapaq file (e.g. bench-data/air-100k.ccapaq), &surface=0|1,
// &play=1 animates the hours (4 a second, the default speed), &center=LNG,LAT keeps the camera still there.
// City scale: &start=LNG,LAT pans east from there (at zoom Z the step is 0.35° x 2^(4 - Z): the
// same speed on screen as zoom 4), fetching the city tiles as they come into view;
// &detail=LNG,LAT instead jumps there at zoom Z and times the city-scale map: from the jump to the
// index, to the last tile arriving, to the first frame with every tile in view drawn fully.
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
  const start = params.get('start') ? params.get('start').split(',').map(Number) : [100, 15];
  const detail = params.get('detail') ? params.get('detail').split(',').map(Number) : null;
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
    if (detail) timeDetail();
    else run();
  }
  // Every frame until the tiles in view are drawn fully: the times (ms from the jump) at which the
  // index was read, the last tile arrived, and the frame showed them all with no fade left.
  function timeDetail() {
    const t0 = performance.now();
    const marks = {};
    Module._ccap_fly_to(detail[0], detail[1], zoom, 0);
    const step = () => {
      const c = state().cityMap;
      const t = performance.now() - t0;
      if (c && c.index === 'read' && marks.index === undefined) marks.index = t;
      if (c && c.wanted > 0 && c.coming === 0 && c.loaded >= c.wanted && marks.arrived === undefined) marks.arrived = t;
      if (marks.arrived !== undefined && c.drawn >= c.wanted && c.fading === 0) {
        marks.detailed = t;
        window.ccapBenchResult = {
          detail, zoom, ms: marks, afterArrivalMs: marks.detailed - marks.arrived, cityMap: c,
          userAgent: navigator.userAgent,
        };
        document.getElementById('bench-result').textContent = JSON.stringify(window.ccapBenchResult, null, 1);
        return;
      }
      Module._ccap_project(detail[0], detail[1]);  // wakes the app: draw this frame
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
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
        const lng = start[0] + i * 0.35 * 2 ** (4 - zoom);  // eastwards (at zoom 4 0.35° a frame, across 180°)
        Module._ccap_fly_to(lng > 180 ? lng - 360 : lng, start[1], zoom, 0);
      }
      if (++i < frames + 10) {
        requestAnimationFrame(step);
      } else {
        const s = state();
        window.ccapBenchResult = {
          frames, zoom, start, canvas: s.canvas, framebuffer: s.framebuffer, layers: s.layers, load: window.ccapBenchLoad,
          cityMap: s.cityMap,
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
