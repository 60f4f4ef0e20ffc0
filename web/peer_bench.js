// The peer benchmark's page protocol (../shared/peer-bench/README.md, "Adding a third contender"):
// with ?bench=1 the page is a contender. window.__bench exists before the first frame; the app
// (app/bench_app.h) draws the harness's scene from the URL and calls sceneDrawn() in the task that
// issued the first complete frame. firstFrameMs is stamped once the next animation frame has run
// AND a WebGL2 fence issued behind that frame's draw calls has signalled (with a software GPU the
// frame may still be rasterising long after the rAF; gl.finish() is only a flush in Chromium).
'use strict';
(function () {
  const params = new URLSearchParams(location.search);
  if (params.get('bench') !== '1') return;
  const b = {
    protocol: 1,
    name: 'clean-air-atlas',
    version: null,  // the app's, from the manifest (web/loader.js)
    firstFrameMs: null,
    error: null,
    marks: {},
    info: {},
    mark(name) { b.marks[name] = performance.now(); },
    fail(why) {
      if (b.error === null) b.error = String(why);
      console.error('[bench] ' + b.error);
    },
    // Called by the harness from a rAF callback: the app's next main-loop frame draws it.
    setCamera({ lon, lat, zoom }) {
      if (window.Module && Module._ccap_bench_set_camera) Module._ccap_bench_set_camera(lon, lat, zoom);
    },
    describe() {
      if (!window.Module || !Module._ccap_bench_describe) return {};
      return JSON.parse(Module.UTF8ToString(Module._ccap_bench_describe()));
    },
    sceneDrawn(gl) {
      if (b.marks.sceneDrawn !== undefined) return;
      b.mark('sceneDrawn');
      let rafDone = false, gpuDone = false;
      const stamp = () => { if (rafDone && gpuDone && b.firstFrameMs === null) b.firstFrameMs = performance.now(); };
      requestAnimationFrame(() => { b.mark('nextFrame'); rafDone = true; stamp(); });
      const finished = (how) => { b.info.firstFrameSync = how; b.mark('gpuDone'); gpuDone = true; stamp(); };
      if (!gl || typeof gl.fenceSync !== 'function') { finished('none'); return; }
      const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
      gl.flush();
      const poll = () => {
        if (gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED) {
          gl.deleteSync(sync);
          finished('fence');
        } else {
          setTimeout(poll, 1);
        }
      };
      setTimeout(poll, 0);
    },
  };
  window.__bench = b;
  window.addEventListener('error', (e) => b.fail(e.error || e.message));
  window.addEventListener('unhandledrejection', (e) => b.fail(e.reason));
})();
