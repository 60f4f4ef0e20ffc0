// The native platform: SDL2 + OpenGL ES 3 on Mesa. With SDL_VIDEODRIVER=offscreen it runs without
// a display (EGL on llvmpipe), which is how the render tests run.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "platform/platform.h"

#include "base/text_format.h"
#include "platform/main_loop.h"

namespace ccap::platform {

void open_url(const std::string& url) {
  if (is_web_address(url)) std::printf("open in a browser: %s\n", url.c_str());
}

void exit_kiosk() { std::printf("kiosk mode: the operator left it\n"); }
void fetch_data(const std::string&, std::uint64_t) {}  // never called: natively the app reads the data folder itself
void cancel_data(const std::string&) {}
void poll_data(const std::string&) {}
void pick_data_files() {}  // never called: natively the files come with --open
void read_files_again() {}
void kiosk_reset() {}
void link_changed(const std::string&, bool) {}

std::string share_link(const std::string& hash, const std::string&) {
  std::printf("link: %s\n", hash.c_str());
  return "Link printed";
}
bool has_web_share() { return false; }

std::string save_file(const std::string& name, const std::string&, const std::string& bytes) {
  const char* dir = std::getenv("CCAP_EXPORT_DIR");
  const std::string path = std::string(dir && *dir ? dir : ".") + "/" + name;
  const std::string partial = path + ".part";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
      std::remove(partial.c_str());
      return "Not saved: " + path + " could not be written";
    }
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    std::remove(partial.c_str());
    return "Not saved: " + path + " could not be written";
  }
  return "Saved " + path;
}

void accessible_changed(const std::string&) {}

void request_frame() {}

void bench_scene_drawn() { std::printf("bench: the scene is drawn\n"); }
void bench_failed(const std::string& why) { std::fprintf(stderr, "bench: %s\n", why.c_str()); }

std::string print_picture(const std::string& png) { return save_file("print.png", "image/png", png); }

int run(Application& app, const RunOptions& options) {
  SdlWindow window;
  if (!window.open(options.title, options.width, options.height) || !app.init()) {
    std::fprintf(stderr, "clean-air-atlas: %s\n",
                 window.error().empty() ? "the app failed to initialise" : window.error().c_str());
    window.close();
    return 1;
  }
  LoopHooks hooks;
  const bool reduced_motion = std::getenv("CCAP_REDUCED_MOTION") != nullptr;
  hooks.reduced_motion = [reduced_motion] { return reduced_motion; };
  // A run of N frames (the render tests) draws every one of them; a window left open draws on demand.
  MainLoop loop(app, window, hooks, options.max_frames == 0);
  for (long frame = 0; options.max_frames == 0 || frame < options.max_frames; ++frame) {
    const LoopStep step = loop.frame();
    if (step.drawn)
      window.swap();
    else
      SDL_WaitEventTimeout(nullptr, 16);  // nothing to show: sleep until input or the next tick
    if (!step.running) break;
  }
  app.shutdown();
  window.close();
  return 0;
}

}  // namespace ccap::platform
