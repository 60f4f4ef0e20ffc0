// The page's part of kiosk mode (?kiosk=1; the app's part is src/features/kiosk). Nothing here
// runs without ?kiosk=1. On a kiosk:
// - the page cannot be left or changed by a visitor: no context menu, no text selection or
//   dragging, no page zoom (pinch, Ctrl+wheel, Ctrl +/-), no overscroll, pull-to-refresh or
//   back-swipe (Back stays on the page), the cursor hidden after a few seconds without a mouse;
// - a watchdog reloads the page when its frames stop for WATCHDOG_SECONDS, when it could not start
//   (the loader's error card), or when it has not drawn its first frame START_SECONDS after the
//   page loaded; a start that keeps failing is tried again later and later (FAILED_RELOAD_SECONDS,
//   doubled each time, at most MAX_RELOAD_SECONDS), so a hung or crashed display comes back by
//   itself without hammering a server that is down;
// - the service worker (sw.js) keeps a copy of the deployment for offline starts; every
//   CHECK_MINUTES it looks for a new deployment, lets it download in the background, and
//   switches to it at the app's next idle reset (Module.ccapKioskReset), never in front of a visitor.
'use strict';
window.ccapKiosk = (function () {
  const enabled = new URLSearchParams(location.search).get('kiosk') === '1';
  const CURSOR_SECONDS = 3, WATCHDOG_SECONDS = 15, FAILED_RELOAD_SECONDS = 30, CHECK_MINUTES = 10;
  const START_SECONDS = 120, MAX_RELOAD_SECONDS = 600;
  if (!enabled) return { enabled, started() {}, failed() {} };

  // Failed starts in a row, across reloads (this tab's session storage).
  const FAILURES = 'ccapKioskFailedStarts';
  const failures = () => Number(sessionStorage.getItem(FAILURES)) || 0;
  let running = false, reloadIn = 0;
  function failed() {
    if (running || reloadIn) return;
    reloadIn = Math.min(FAILED_RELOAD_SECONDS * 2 ** failures(), MAX_RELOAD_SECONDS);
    sessionStorage.setItem(FAILURES, String(failures() + 1));
    setTimeout(() => location.reload(), reloadIn * 1000);
  }
  setTimeout(() => { if (!running) failed(); }, START_SECONDS * 1000);  // never reached its first frame

  const root = document.documentElement;
  root.classList.add('kiosk');
  const stop = (e) => e.preventDefault();
  for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart', 'gesturechange'])
    window.addEventListener(type, stop, { capture: true, passive: false });
  window.addEventListener('wheel', (e) => { if (e.ctrlKey) e.preventDefault(); }, { capture: true, passive: false });
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ['+', '-', '=', '0', 'r', 'p', 's', 'o', 'l', 't', 'w', 'n'].includes(e.key.toLowerCase()))
      e.preventDefault();
    if (e.key === 'F5' || e.key === 'F11' || (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'))) e.preventDefault();
  }, { capture: true });
  // Back (a button, a swipe, Alt+Left) lands on this same entry again.
  history.pushState({ kiosk: true }, '', location.href);
  window.addEventListener('popstate', () => history.pushState({ kiosk: true }, '', location.href));

  let cursorTimer = 0;
  window.addEventListener('mousemove', () => {
    root.classList.remove('cursor-hidden');
    clearTimeout(cursorTimer);
    cursorTimer = setTimeout(() => root.classList.add('cursor-hidden'), CURSOR_SECONDS * 1000);
  }, { capture: true, passive: true });
  root.classList.add('cursor-hidden');

  async function lookForDeployment(current) {
    try {
      const r = await fetch('manifest.json?check=' + Date.now(), { cache: 'no-store' });
      if (!r.ok) return;
      const { version } = await r.json();
      if (version && version !== current) await navigator.serviceWorker.register('sw.js?v=' + version);
    } catch (e) { /* offline: try again later */ }
  }

  let current = null;
  return {
    enabled,
    // Looks for a new deployment now (as every CHECK_MINUTES): a test need not wait.
    checkNow() { return current ? lookForDeployment(current) : Promise.resolve(); },
    // Seconds until the reload a failed start scheduled (0: none), for the tests.
    get reloadIn() { return reloadIn; },
    // The app runs: watch its frames, keep it offline-ready, switch deployments at idle resets.
    started(Module, manifest) {
      running = true;
      sessionStorage.removeItem(FAILURES);
      current = manifest.version;
      let last = -1, stalled = 0;
      setInterval(() => {
        if (document.visibilityState !== 'visible') return;
        const frames = Module._ccap_frames_drawn();
        stalled = frames === last ? stalled + 1 : 0;
        last = frames;
        if (stalled * 5 >= WATCHDOG_SECONDS) location.reload();
      }, 5000);
      Module.ccapExitKiosk = () => {
        const url = new URL(location.href);
        url.searchParams.delete('kiosk');
        location.replace(url.href);
      };
      if (!('serviceWorker' in navigator)) return;
      Module.ccapKioskReset = async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        if (!reg || !reg.waiting) return;
        navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
        reg.waiting.postMessage('activate');
      };
      navigator.serviceWorker.register('sw.js?v=' + manifest.version).catch((e) =>
        console.warn('Clean Air Atlas: offline copy not installed: ' + e.message));
      setInterval(() => lookForDeployment(manifest.version), CHECK_MINUTES * 60 * 1000);
    },
    // The app could not start: try again in a while (the network may come back).
    failed,
  };
})();
