// The page glue of the wasm app's platform layer (src/platform/run_web.cpp), linked with
// --js-library: each function here is one the C++ code declares extern "C" and calls. They talk to
// the page (web/loader.js defines the Module.ccap* hooks) and to the browser. Not deployed: web/'s
// subfolders are not copied next to the app.
mergeInto(LibraryManager.library, {
  // Browser glue: the page (web/loader.js) defines Module.ccapFatal / Module.ccapStarted.
  // Tells the page that the app could not start, so it shows a message, not a blank page.
  js_report_fatal: function(message) {
    if (Module.ccapFatal) Module.ccapFatal(UTF8ToString(message));
  },
  // The first frame is drawn: the page hides its loading screen and fetches what comes after the map.
  js_report_started: function() {
    if (Module.ccapStarted) Module.ccapStarted();
  },
  // SDL 2.26 gives a mouse-button event the last *known* pointer position, not the event's own: a
  // press with no move before it (a resting cursor after load, a kiosk) would start a drag from a
  // stale point and make the map jump. Remember where presses really happen, before SDL sees them.
  // The canvas's presses in order, one for each mouse press SDL reports: a double click whose two
  // presses reach the app in one frame needs both places, not the last one twice.
  js_track_mouse_presses: function() {
    Module.ccapPresses = [];
    window.addEventListener('mousedown', function(e) {
      if (e.target !== Module.canvas) return;  // SDL sees only the canvas's presses
      var r = Module.canvas.getBoundingClientRect();
      Module.ccapPresses.push([e.clientX - r.left, e.clientY - r.top, e.detail || 1]);
      if (Module.ccapPresses.length > 8) Module.ccapPresses.shift();
    }, true);
  },
  // Fills x, y and the browser's click count (2 for a double click's second press, by the system's
  // double-click time); 0 when there is no press to take.
  js_take_press: function(xy_clicks) {
    var press = Module.ccapPresses.shift();
    if (!press) return 0;
    HEAPF32[xy_clicks >> 2] = press[0];
    HEAPF32[(xy_clicks >> 2) + 1] = press[1];
    HEAPF32[(xy_clicks >> 2) + 2] = press[2];
    return 1;
  },
  js_open_url: function(url) {
    window.open(UTF8ToString(url), '_blank', 'noopener,noreferrer');
  },
  js_exit_kiosk: function() {
    if (Module.ccapExitKiosk) Module.ccapExitKiosk();
  },
  js_fetch_data: function(name, bytes) {
    if (Module.ccapFetchData) Module.ccapFetchData(UTF8ToString(name), bytes);
  },
  js_poll_data: function(name) {
    if (Module.ccapPollData) Module.ccapPollData(UTF8ToString(name));
  },
  js_pick_data_files: function() {
    if (Module.ccapPickDataFiles) Module.ccapPickDataFiles();
  },
  js_read_files_again: function() {
    if (Module.ccapReadFilesAgain) Module.ccapReadFilesAgain();
  },
  js_cancel_data: function(name) {
    if (Module.ccapCancelData) Module.ccapCancelData(UTF8ToString(name));
  },
  js_kiosk_reset: function() {
    if (Module.ccapKioskReset) Module.ccapKioskReset();
  },
  js_prefers_reduced_motion: function() {
    return (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) ? 1 : 0;
  },

  // The link that reproduces the screen lives in the URL's hash. The app writes it (throttled, and
  // not while the map moves); Back, Forward and a hash typed into the address bar open a link.
  // Module.ccapLink is the hash shown, so that the app's own writes are not read back as new links.
  js_link_changed: function(hash, push) {
    var h = UTF8ToString(hash);
    var url = location.pathname + location.search + h;
    Module.ccapLink = h;
    try {
      if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
    } catch (e) {
      console.warn('Clean Air Atlas: the address bar could not be updated: ' + e.message);
    }
  },
  js_track_link: function() {
    Module.ccapLink = location.hash;
    var opened = function() {
      if (location.hash === Module.ccapLink) return;
      Module.ccapLink = location.hash;
      var p = Module.stringToNewUTF8(location.hash);
      Module._ccap_open_link(p);
      Module._free(p);
    };
    window.addEventListener('popstate', opened);
    window.addEventListener('hashchange', opened);
  },

  // Sharing. The link: the share sheet where the browser has one (a phone), else the clipboard,
  // else a hidden text field and execCommand('copy'); the outcome reaches the app (ccap_shared).
  // Both need the user's recent tap, which the frame after it still has (transient activation).
  js_has_web_share: function() {
    return navigator.share ? 1 : 0;
  },
  js_share_link: function(hash, title) {
    var url = location.origin + location.pathname + location.search + UTF8ToString(hash);
    var t = UTF8ToString(title);
    var tell = function(text) {
      var p = Module.stringToNewUTF8(text);
      Module._ccap_shared(p);
      Module._free(p);
    };
    var copyByField = function() {
      var field = document.createElement("textarea");
      field.value = url;
      field.setAttribute("readonly", "");
      field.style.cssText = "position:fixed;left:-9999px;top:0";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) {}
      field.remove();
      tell(ok ? "Link copied" : "Copy this link from the address bar");
    };
    Module.ccapLastShared = url;
    if (navigator.share) {
      navigator.share({title: t, url: url}).then(function() { tell("Link shared"); },
        function(e) { tell(e && e.name === "AbortError" ? "Not shared" : "Copy this link from the address bar"); });
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(function() { tell("Link copied"); }, copyByField);
    } else {
      copyByField();
    }
  },
  // A file for the user: a download of a Blob with its name.
  js_save_file: function(name, mime, data, size) {
    var blob = new Blob([HEAPU8.slice(data, data + size)], {type: UTF8ToString(mime)});
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function() { URL.revokeObjectURL(a.href); }, 60000);
  },
  // Print: the picture goes into the page's print sheet (web/a11y.js keeps the open panel's text
  // there), then the browser's print dialog, once the image is ready.
  js_print_picture: function(data, size) {
    var blob = new Blob([HEAPU8.slice(data, data + size)], {type: "image/png"});
    var img = document.getElementById("print-map");
    if (!img) return;
    if (img.src) URL.revokeObjectURL(img.src);
    img.onload = function() { setTimeout(function() { window.print(); }, 0); };
    img.src = URL.createObjectURL(blob);
  },

  // The accessible companion (web/a11y.js) gets each new document of the app's.
  js_accessible_changed: function(json) {
    if (window.ccapA11y) window.ccapA11y.update(UTF8ToString(json));
  },

  // Text input on touch screens: the browser shows its on-screen keyboard only for a focused text
  // field. While ImGui wants text (a search box is active) after a touch, a hidden <input> takes the
  // focus; what is typed into it goes to ImGui (ccap_text_input), a deletion becomes Backspace.
  // The field keeps one space so that a deletion on an "empty" field is still an input event.
  // A mouse or a physical keyboard never focuses it: SDL already delivers their keys.
  js_track_pointer_kind: function() {
    Module.ccapLastPointerTouch = false;
    window.addEventListener('pointerdown', function(e) { Module.ccapLastPointerTouch = e.pointerType === 'touch'; }, true);
  },
  js_set_text_input: function(on) {
    var field = Module.ccapTextField;
    if (!field) {
      field = document.createElement('input');
      field.type = 'text';
      field.id = 'ccap-text-input';
      field.setAttribute('autocomplete', 'off');
      field.setAttribute('autocapitalize', 'off');
      field.setAttribute('aria-label', 'Text for the active field');
      field.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;opacity:0;border:0;padding:0;';
      field.value = ' ';
      field.addEventListener('input', function() {
        var v = field.value;
        field.value = ' ';
        if (v.length === 0) { Module._ccap_text_backspace(); return; }
        var text = v.charAt(0) === ' ' ? v.substring(1) : v;
        if (!text) return;
        var p = Module.stringToNewUTF8(text);
        Module._ccap_text_input(p);
        Module._free(p);
      });
      (document.querySelector("main") || document.body).appendChild(field);
      Module.ccapTextField = field;
    }
    if (on && Module.ccapLastPointerTouch) {
      field.value = ' ';
      field.focus({preventScroll: true});
    } else if (!on && document.activeElement === field) {
      field.blur();
    }
  },

  // The peer benchmark's page protocol (web/peer_bench.js): the frame just issued holds the whole
  // scene (the page fences the GL context behind it); the scene cannot be drawn.
  js_bench_scene_drawn: function() {
    if (window.__bench) window.__bench.sceneDrawn(typeof GLctx !== "undefined" ? GLctx : null);
  },
  js_bench_failed: function(why) {
    if (window.__bench) window.__bench.fail(UTF8ToString(why));
  },

  // Render on demand: while the main loop sleeps, any input on the page wakes it (SDL's own
  // listeners queue the event; the next frame takes it).
  js_wake_on_input: function() {
    var wake = function() { Module._ccap_request_frame(); };
    ["pointerdown", "pointermove", "pointerup", "pointercancel", "wheel", "keydown", "keyup", "touchstart",
     "touchmove", "touchend", "touchcancel", "mousedown", "mousemove", "mouseup", "focus", "blur", "resize",
     "visibilitychange"].forEach(function(type) {
      window.addEventListener(type, wake, {capture: true, passive: true});
    });
  }
});
