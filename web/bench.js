// Frame-time benchmark: once the app runs, pan east across the Pacific at zoom 4 (the 1:50m level,
// full detail) for a fixed number of frames, moving the camera every frame, and record
//   - the interval between animation frames (what the user sees), and
//   - the app's own frame time (CPU time of its frame callback, as the app measures it).
// Query: ?frames=N&zoom=Z. Result: window.ccapBenchResult and the box at the bottom-left.
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  const frames = Number(params.get('frames') || 300);
  const zoom = Number(params.get('zoom') || 4);
  const state = () => JSON.parse(Module.UTF8ToString(Module._ccap_state_json()));
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return { mean: s.reduce((a, b) => a + b, 0) / s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1] };
  };
  function run() {
    const intervals = [];
    const appMs = [];
    let i = 0;
    let last = performance.now();
    const step = () => {
      const now = performance.now();
      if (i > 10) intervals.push(now - last);  // skip warm-up
      last = now;
      if (i > 10) appMs.push(state().frameMsAverage);
      const lng = 100 + (i * 0.35);  // ~0.35° a frame eastwards, across 180°
      Module._ccap_fly_to(lng > 180 ? lng - 360 : lng, 15, zoom, 0);
      if (++i < frames + 10) {
        requestAnimationFrame(step);
      } else {
        const s = state();
        window.ccapBenchResult = {
          frames, zoom, canvas: s.canvas, framebuffer: s.framebuffer,
          frameIntervalMs: stats(intervals), fps: 1000 / stats(intervals).mean, appFrameMs: stats(appMs),
          userAgent: navigator.userAgent,
        };
        document.getElementById('bench-result').textContent = JSON.stringify(window.ccapBenchResult, null, 1);
      }
    };
    requestAnimationFrame(step);
  }
  const wait = () => (window.Module && Module.ccapRunning ? setTimeout(run, 500) : setTimeout(wait, 50));
  wait();
})();
