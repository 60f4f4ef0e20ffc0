#include "platform/main_loop.h"

#include <imgui_impl_sdl.h>

#include <chrono>
#include <cmath>

namespace ccap::platform {

LoopStep MainLoop::frame() {
  bool running = true, input = false;
  const bool imgui = app_.uses_imgui();
  SDL_Event e;
  while (SDL_PollEvent(&e)) {
    if (key_ups_.hold(e)) continue;
    input = true;
    if (imgui) ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_QUIT) running = false;
    auto event = translate(e, window_.window());
    if (!event) continue;
    if (event->type == InputEvent::Type::PointerDown && !event->is_touch) {
      if (!hooks_.fix_pointer_down(*event)) count_clicks(*event);
    }
    app_.event(*event);
  }
  key_ups_.requeue();
  const double now = clock_seconds();
  if (on_demand_ && !input && app_.next_frame_at(now) > now) return {running, false};
  if (imgui) ImGui_ImplSDL2_NewFrame();
  FrameInfo info = window_.frame_geometry();
  info.time_seconds = now;
  info.delta_seconds = info.time_seconds - last_time_;
  info.reduced_motion = hooks_.reduced_motion();
  info.unix_seconds = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  last_time_ = info.time_seconds;
  app_.frame(info);
  if (const bool wants_text = app_.wants_text_input(); wants_text != text_input_) {
    hooks_.text_input_changed(wants_text);
    text_input_ = wants_text;
  }
  return {running, true};
}

// SDL counts a double click from its own idea of where the pointer is, which in the browser can be
// stale (a press elsewhere soon after a click on a panel counted as a double click, and zoomed the
// map). Counted here from the corrected positions and the events' own times.
void MainLoop::count_clicks(InputEvent& press) {
  constexpr double kDoubleClickSeconds = 0.4, kDoubleClickPixels = 6;
  const bool twice =
      last_press_ && press.button == last_press_->button && press.time - last_press_->time <= kDoubleClickSeconds &&
      std::hypot(press.x - last_press_->x, press.y - last_press_->y) <= kDoubleClickPixels && last_press_->clicks == 1;
  press.clicks = twice ? 2 : 1;
  last_press_ = press;
}

}  // namespace ccap::platform
