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

// The page glue is JavaScript, in web/lib/ccap_glue.js (linked with --js-library): what it does
// is said there, beside each function.
extern "C" {
void js_report_fatal(const char* message);
void js_report_started();
void js_track_mouse_presses();
int js_take_press(float* xy_clicks);
void js_open_url(const char* url);
void js_exit_kiosk();
void js_fetch_data(const char* name, double bytes);
void js_poll_data(const char* name);
void js_pick_data_files();
void js_read_files_again();
void js_cancel_data(const char* name);
void js_kiosk_reset();
int js_prefers_reduced_motion();
void js_link_changed(const char* hash, int push);
void js_track_link();
int js_has_web_share();
void js_share_link(const char* hash, const char* title);
void js_save_file(const char* name, const char* mime, const unsigned char* data, int size);
void js_print_picture(const unsigned char* data, int size);
void js_accessible_changed(const char* json);
void js_track_pointer_kind();
void js_set_text_input(int on);
void js_bench_scene_drawn();
void js_bench_failed(const char* why);
void js_wake_on_input();
}

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
