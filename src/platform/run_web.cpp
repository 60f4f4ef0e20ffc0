// The web platform: SDL2 on Emscripten, the browser's event loop, and the page glue (web/loader.js).
// SDL's Emscripten backend keeps the canvas' drawing buffer at CSS size x devicePixelRatio when
// the window is RESIZABLE | ALLOW_HIGHDPI and the page sizes the canvas with CSS.
#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include <optional>
#include <utility>

#include "platform/platform.h"

#include "base/text_format.h"
#include "platform/browser_exports.h"
#include "platform/main_loop.h"

// The EM_JS bodies are JavaScript: clang-format leaves them as written.
// clang-format off
// Browser glue: the page (web/loader.js) defines Module.ccapFatal / Module.ccapStarted.
// Tells the page that the app could not start, so it shows a message, not a blank page.
EM_JS(void, js_report_fatal, (const char* message), {
  if (Module.ccapFatal) Module.ccapFatal(UTF8ToString(message));
});
// The first frame is drawn: the page hides its loading screen and fetches what comes after the map.
EM_JS(void, js_report_started, (), {
  if (Module.ccapStarted) Module.ccapStarted();
});
// SDL 2.26 gives a mouse-button event the last *known* pointer position, not the event's own: a
// press with no move before it (a resting cursor after load, a kiosk) would start a drag from a
// stale point and make the map jump. Remember where presses really happen, before SDL sees them.
// The canvas's presses in order, one for each mouse press SDL reports: a double click whose two
// presses reach the app in one frame needs both places, not the last one twice.
EM_JS(void, js_track_mouse_presses, (), {
  Module.ccapPresses = [];
  window.addEventListener('mousedown', function(e) {
    if (e.target !== Module.canvas) return;  // SDL sees only the canvas's presses
    var r = Module.canvas.getBoundingClientRect();
    Module.ccapPresses.push([e.clientX - r.left, e.clientY - r.top, e.detail || 1]);
    if (Module.ccapPresses.length > 8) Module.ccapPresses.shift();
  }, true);
});
// Fills x, y and the browser's click count (2 for a double click's second press, by the system's
// double-click time); 0 when there is no press to take.
EM_JS(int, js_take_press, (float* xy_clicks), {
  var press = Module.ccapPresses.shift();
  if (!press) return 0;
  HEAPF32[xy_clicks >> 2] = press[0];
  HEAPF32[(xy_clicks >> 2) + 1] = press[1];
  HEAPF32[(xy_clicks >> 2) + 2] = press[2];
  return 1;
});
EM_JS(void, js_open_url, (const char* url), {
  window.open(UTF8ToString(url), '_blank', 'noopener,noreferrer');
});
EM_JS(void, js_exit_kiosk, (), {
  if (Module.ccapExitKiosk) Module.ccapExitKiosk();
});
EM_JS(void, js_fetch_data, (const char* name, double bytes), {
  if (Module.ccapFetchData) Module.ccapFetchData(UTF8ToString(name), bytes);
});
EM_JS(void, js_poll_data, (const char* name), {
  if (Module.ccapPollData) Module.ccapPollData(UTF8ToString(name));
});
EM_JS(void, js_pick_data_files, (), {
  if (Module.ccapPickDataFiles) Module.ccapPickDataFiles();
});
EM_JS(void, js_read_files_again, (), {
  if (Module.ccapReadFilesAgain) Module.ccapReadFilesAgain();
});
EM_JS(void, js_cancel_data, (const char* name), {
  if (Module.ccapCancelData) Module.ccapCancelData(UTF8ToString(name));
});
EM_JS(void, js_kiosk_reset, (), {
  if (Module.ccapKioskReset) Module.ccapKioskReset();
});
EM_JS(int, js_prefers_reduced_motion, (), {
  return (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) ? 1 : 0;
});

// The link that reproduces the screen lives in the URL's hash. The app writes it (throttled, and
// not while the map moves); Back, Forward and a hash typed into the address bar open a link.
// Module.ccapLink is the hash shown, so that the app's own writes are not read back as new links.
EM_JS(void, js_link_changed, (const char* hash, int push), {
  var h = UTF8ToString(hash);
  var url = location.pathname + location.search + h;
  Module.ccapLink = h;
  try {
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  } catch (e) {
    console.warn('Clean Air Atlas: the address bar could not be updated: ' + e.message);
  }
});
EM_JS(void, js_track_link, (), {
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
});

// Sharing. The link: the share sheet where the browser has one (a phone), else the clipboard,
// else a hidden text field and execCommand('copy'); the outcome reaches the app (ccap_shared).
// Both need the user's recent tap, which the frame after it still has (transient activation).
EM_JS(int, js_has_web_share, (), { return navigator.share ? 1 : 0; });
EM_JS(void, js_share_link, (const char* hash, const char* title), {
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
});
// A file for the user: a download of a Blob with its name.
EM_JS(void, js_save_file, (const char* name, const char* mime, const unsigned char* data, int size), {
  var blob = new Blob([HEAPU8.slice(data, data + size)], {type: UTF8ToString(mime)});
  var a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(function() { URL.revokeObjectURL(a.href); }, 60000);
});
// Print: the picture goes into the page's print sheet (web/a11y.js keeps the open panel's text
// there), then the browser's print dialog, once the image is ready.
EM_JS(void, js_print_picture, (const unsigned char* data, int size), {
  var blob = new Blob([HEAPU8.slice(data, data + size)], {type: "image/png"});
  var img = document.getElementById("print-map");
  if (!img) return;
  if (img.src) URL.revokeObjectURL(img.src);
  img.onload = function() { setTimeout(function() { window.print(); }, 0); };
  img.src = URL.createObjectURL(blob);
});

// The accessible companion (web/a11y.js) gets each new document of the app's.
EM_JS(void, js_accessible_changed, (const char* json), {
  if (window.ccapA11y) window.ccapA11y.update(UTF8ToString(json));
});

// Text input on touch screens: the browser shows its on-screen keyboard only for a focused text
// field. While ImGui wants text (a search box is active) after a touch, a hidden <input> takes the
// focus; what is typed into it goes to ImGui (ccap_text_input), a deletion becomes Backspace.
// The field keeps one space so that a deletion on an "empty" field is still an input event.
// A mouse or a physical keyboard never focuses it: SDL already delivers their keys.
EM_JS(void, js_track_pointer_kind, (), {
  Module.ccapLastPointerTouch = false;
  window.addEventListener('pointerdown', function(e) { Module.ccapLastPointerTouch = e.pointerType === 'touch'; }, true);
});
EM_JS(void, js_set_text_input, (int on), {
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
});

// The peer benchmark's page protocol (web/peer_bench.js): the frame just issued holds the whole
// scene (the page fences the GL context behind it); the scene cannot be drawn.
EM_JS(void, js_bench_scene_drawn, (), {
  if (window.__bench) window.__bench.sceneDrawn(typeof GLctx !== "undefined" ? GLctx : null);
});
EM_JS(void, js_bench_failed, (const char* why), {
  if (window.__bench) window.__bench.fail(UTF8ToString(why));
});

// Render on demand: while the main loop sleeps, any input on the page wakes it (SDL's own
// listeners queue the event; the next frame takes it).
EM_JS(void, js_wake_on_input, (), {
  var wake = function() { Module._ccap_request_frame(); };
  ["pointerdown", "pointermove", "pointerup", "pointercancel", "wheel", "keydown", "keyup", "touchstart",
   "touchmove", "touchend", "touchcancel", "mousedown", "mousemove", "mouseup", "focus", "blur", "resize",
   "visibilitychange"].forEach(function(type) {
    window.addEventListener(type, wake, {capture: true, passive: true});
  });
});

// clang-format on

namespace ccap::platform {

namespace {

struct WebLoop {
  Application* app = nullptr;
  SdlWindow window;
  std::optional<MainLoop> loop;
  bool gpu_restored = false;  // the context came back: remake GPU resources before the next frame
  double frames = 0;          // main-loop callbacks: the loop is alive
  double rendered = 0;        // of which drew a frame (render on demand)
  int undrawn = 0;            // callbacks in a row that drew nothing
  bool sleeping = false;
  long wake_timer = 0;
};

WebLoop g_web;  // the browser owns the loop; this outlives run()

void report_fatal(const std::string& message) { js_report_fatal(message.c_str()); }

// The browser presents what was drawn when this returns; a callback that draws nothing leaves the
// canvas as it was (render on demand: an idle map costs one check a display frame).
void wake_up(void*) { request_frame(); }

// Nothing to draw two display frames running: the loop stops (no animation-frame callbacks, so
// the browser has nothing to do) until input, a call from the page, or the app's next timer.
void sleep_until_needed() {
  const double now = clock_seconds();
  const double at = g_web.app->next_frame_at(now);
  if (at <= now) return;
  emscripten_pause_main_loop();
  g_web.sleeping = true;
  if (at < 1e12) g_web.wake_timer = emscripten_set_timeout(wake_up, (at - now) * 1000.0, nullptr);
}

void frame_callback(void*) {
  if (std::exchange(g_web.gpu_restored, false)) g_web.app->gpu_restored();
  const LoopStep step = g_web.loop->frame();
  ++g_web.frames;  // the loop is alive (the kiosk's watchdog), drawn or not
  if (step.drawn) {
    g_web.undrawn = 0;
    if (++g_web.rendered == 1) js_report_started();  // the map is on screen
  } else if (++g_web.undrawn >= 2) {
    sleep_until_needed();
  }
}

}  // namespace

void exit_kiosk() { js_exit_kiosk(); }
void fetch_data(const std::string& name, std::uint64_t bytes) {
  js_fetch_data(name.c_str(), static_cast<double>(bytes));
}
void poll_data(const std::string& name) { js_poll_data(name.c_str()); }
void pick_data_files() { js_pick_data_files(); }
void read_files_again() { js_read_files_again(); }
void cancel_data(const std::string& name) { js_cancel_data(name.c_str()); }
std::string share_link(const std::string& hash, const std::string& title) {
  js_share_link(hash.c_str(), title.c_str());
  return has_web_share() ? "Sharing…" : "Copying…";
}
bool has_web_share() { return js_has_web_share() != 0; }
std::string save_file(const std::string& name, const std::string& mime, const std::string& bytes) {
  js_save_file(name.c_str(), mime.c_str(), reinterpret_cast<const unsigned char*>(bytes.data()),
               static_cast<int>(bytes.size()));
  return "Saved " + name;
}
void accessible_changed(const std::string& json) { js_accessible_changed(json.c_str()); }
void bench_scene_drawn() { js_bench_scene_drawn(); }
void bench_failed(const std::string& why) { js_bench_failed(why.c_str()); }

std::string print_picture(const std::string& png) {
  js_print_picture(reinterpret_cast<const unsigned char*>(png.data()), static_cast<int>(png.size()));
  return "Printing";
}

void link_changed(const std::string& hash, bool push) { js_link_changed(hash.c_str(), push ? 1 : 0); }
void kiosk_reset() { js_kiosk_reset(); }

void request_frame() {
  if (!g_web.sleeping) return;
  g_web.sleeping = false;
  g_web.undrawn = 0;
  if (g_web.wake_timer) emscripten_clear_timeout(g_web.wake_timer);
  g_web.wake_timer = 0;
  emscripten_resume_main_loop();
}

void open_url(const std::string& url) {
  if (is_web_address(url)) js_open_url(url.c_str());
}

int run(Application& app, const RunOptions& options) {
  g_web.app = &app;
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  const int w = css_w > 1 ? static_cast<int>(css_w) : options.width;
  const int h = css_h > 1 ? static_cast<int>(css_h) : options.height;
  if (!g_web.window.open(options.title, w, h)) {
    report_fatal(g_web.window.error());
    return 1;
  }
  if (!app.init()) {
    report_fatal("the app failed to initialise its renderer");
    return 1;
  }
  LoopHooks hooks;
  hooks.fix_pointer_down = [](InputEvent& input) {
    float press[3];
    if (!js_take_press(press)) return false;
    input.x = press[0];
    input.y = press[1];
    input.clicks = press[2] >= 2 ? 2 : 1;  // the app knows single and double
    return true;
  };
  hooks.reduced_motion = [] { return js_prefers_reduced_motion() != 0; };
  hooks.text_input_changed = [](bool on) { js_set_text_input(on ? 1 : 0); };
  g_web.loop.emplace(app, g_web.window, std::move(hooks), true);
  js_track_mouse_presses();
  js_track_pointer_kind();
  js_track_link();
  js_wake_on_input();
  // 0 fps = requestAnimationFrame; simulate_infinite_loop keeps run()'s stack (and the app) alive.
  emscripten_set_main_loop_arg(frame_callback, nullptr, 0, true);
  return 0;
}

}  // namespace ccap::platform

extern "C" {
void ccap_text_input(const char* utf8) {
  if (ccap::platform::g_web.app && utf8) ccap::platform::g_web.app->text_input(utf8);
}
void ccap_open_link(const char* hash) {
  if (ccap::platform::g_web.app && hash) ccap::platform::g_web.app->open_link(hash);
}
void ccap_shared(const char* outcome) {
  if (ccap::platform::g_web.app && outcome) ccap::platform::g_web.app->shared(outcome);
}
void ccap_gpu_restored() {
  ccap::platform::g_web.gpu_restored = true;
  ccap::platform::request_frame();
}
void ccap_request_frame() { ccap::platform::request_frame(); }
double ccap_frames_drawn() {  // a loop asleep by choice (render on demand) is alive: asked, it moves on
  if (ccap::platform::g_web.sleeping) ++ccap::platform::g_web.frames;
  return ccap::platform::g_web.frames;
}
double ccap_frames_rendered() { return ccap::platform::g_web.rendered; }
void ccap_text_backspace() {
  SDL_Event key{};
  key.type = SDL_KEYDOWN;
  key.key.keysym.scancode = SDL_SCANCODE_BACKSPACE;
  key.key.keysym.sym = SDLK_BACKSPACE;
  SDL_PushEvent(&key);
  key.type = SDL_KEYUP;
  SDL_PushEvent(&key);
  ccap::platform::request_frame();
}
}
