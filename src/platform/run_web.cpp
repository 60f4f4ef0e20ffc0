// The web platform: SDL2 on Emscripten, the browser's event loop, and the page glue (web/loader.js).
// SDL's Emscripten backend keeps the canvas' drawing buffer at CSS size x devicePixelRatio when
// the window is RESIZABLE | ALLOW_HIGHDPI and the page sizes the canvas with CSS.
#include <emscripten/emscripten.h>
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
EM_JS(void, js_report_started, (), {
  if (Module.ccapStarted) Module.ccapStarted();
});
// SDL 2.26 gives a mouse-button event the last *known* pointer position, not the event's own: a
// press with no move before it (a resting cursor after load, a kiosk) would start a drag from a
// stale point and make the map jump. Remember where presses really happen, before SDL sees them.
EM_JS(void, js_track_mouse_presses, (), {
  Module.ccapPress = null;
  window.addEventListener('mousedown', function(e) {
    var r = Module.canvas.getBoundingClientRect();
    Module.ccapPress = [e.clientX - r.left, e.clientY - r.top];
  }, true);
});
EM_JS(int, js_take_press_position, (float* xy), {
  if (!Module.ccapPress) return 0;
  HEAPF32[xy >> 2] = Module.ccapPress[0];
  HEAPF32[(xy >> 2) + 1] = Module.ccapPress[1];
  Module.ccapPress = null;
  return 1;
});
EM_JS(void, js_open_url, (const char* url), {
  window.open(UTF8ToString(url), '_blank', 'noopener,noreferrer');
});
EM_JS(void, js_exit_kiosk, (), {
  if (Module.ccapExitKiosk) Module.ccapExitKiosk();
});
EM_JS(void, js_kiosk_reset, (), {
  if (Module.ccapKioskReset) Module.ccapKioskReset();
});
EM_JS(int, js_prefers_reduced_motion, (), {
  return (window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches) ? 1 : 0;
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
    document.body.appendChild(field);
    Module.ccapTextField = field;
  }
  if (on && Module.ccapLastPointerTouch) {
    field.value = ' ';
    field.focus({preventScroll: true});
  } else if (!on && document.activeElement === field) {
    field.blur();
  }
});

// clang-format on

namespace ccap::platform {

namespace {

struct WebLoop {
  Application* app = nullptr;
  SdlWindow window;
  std::optional<MainLoop> loop;
  bool gpu_restored = false;  // the context came back: remake GPU resources before the next frame
  double frames = 0;
};

WebLoop g_web;  // the browser owns the loop; this outlives run()

void report_fatal(const std::string& message) { js_report_fatal(message.c_str()); }

void frame_callback(void*) {  // the browser presents when this returns
  if (std::exchange(g_web.gpu_restored, false)) g_web.app->gpu_restored();
  g_web.loop->frame();
  ++g_web.frames;
}

}  // namespace

void exit_kiosk() { js_exit_kiosk(); }
void kiosk_reset() { js_kiosk_reset(); }

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
    float press[2];
    if (js_take_press_position(press)) {
      input.x = press[0];
      input.y = press[1];
    }
  };
  hooks.reduced_motion = [] { return js_prefers_reduced_motion() != 0; };
  hooks.text_input_changed = [](bool on) { js_set_text_input(on ? 1 : 0); };
  g_web.loop.emplace(app, g_web.window, std::move(hooks));
  js_track_mouse_presses();
  js_track_pointer_kind();
  js_report_started();
  // 0 fps = requestAnimationFrame; simulate_infinite_loop keeps run()'s stack (and the app) alive.
  emscripten_set_main_loop_arg(frame_callback, nullptr, 0, true);
  return 0;
}

}  // namespace ccap::platform

extern "C" {
void ccap_text_input(const char* utf8) {
  if (ccap::platform::g_web.app && utf8) ccap::platform::g_web.app->text_input(utf8);
}
void ccap_gpu_restored() { ccap::platform::g_web.gpu_restored = true; }
double ccap_frames_drawn() { return ccap::platform::g_web.frames; }
void ccap_text_backspace() {
  SDL_Event key{};
  key.type = SDL_KEYDOWN;
  key.key.keysym.scancode = SDL_SCANCODE_BACKSPACE;
  key.key.keysym.sym = SDLK_BACKSPACE;
  SDL_PushEvent(&key);
  key.type = SDL_KEYUP;
  SDL_PushEvent(&key);
}
}
