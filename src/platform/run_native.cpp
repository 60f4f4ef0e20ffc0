// The native platform: SDL2 + OpenGL ES 3 on Mesa. With SDL_VIDEODRIVER=offscreen it runs without
// a display (EGL on llvmpipe), which is how the render tests run.
#include <imgui_impl_sdl.h>

#include <cstdio>
#include <cstdlib>

#include "platform/platform.h"

#include "base/text_format.h"
#include "platform/sdl_input.h"
#include "platform/sdl_window.h"

namespace ccap::platform {

void open_url(const std::string& url) {
  if (is_web_address(url)) std::printf("open in a browser: %s\n", url.c_str());
}

int run(Application& app, const RunOptions& options) {
  SdlWindow window;
  if (!window.open(options.title, options.width, options.height) || !app.init()) {
    std::fprintf(stderr, "clean-air-atlas: %s\n",
                 window.error().empty() ? "the app failed to initialise" : window.error().c_str());
    window.close();
    return 1;
  }
  const bool reduced_motion = std::getenv("CCAP_REDUCED_MOTION") != nullptr;
  double last_time = clock_seconds();
  bool running = true;
  SameFrameKeyUps key_ups;
  for (long frame = 0; running && (options.max_frames == 0 || frame < options.max_frames); ++frame) {
    SDL_Event e;
    while (SDL_PollEvent(&e)) {
      if (key_ups.hold(e)) continue;
      ImGui_ImplSDL2_ProcessEvent(&e);
      if (e.type == SDL_QUIT) running = false;
      if (auto input = translate(e, window.window())) app.event(*input);
    }
    key_ups.requeue();
    ImGui_ImplSDL2_NewFrame();
    FrameInfo info = window.frame_geometry();
    info.time_seconds = clock_seconds();
    info.delta_seconds = info.time_seconds - last_time;
    info.reduced_motion = reduced_motion;
    last_time = info.time_seconds;
    app.frame(info);
    window.swap();
  }
  app.shutdown();
  window.close();
  return 0;
}

}  // namespace ccap::platform
