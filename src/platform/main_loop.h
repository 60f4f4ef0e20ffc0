#pragma once
// The one main-loop body of both builds: SDL's events to the ImGui backend and the app, then the
// app's frame. The native loop calls it until the window closes; the browser calls it once per
// animation frame. Only what differs is given by the caller.
#include <functional>
#include <optional>

#include "base/application.h"
#include "platform/sdl_input.h"
#include "platform/sdl_window.h"

namespace ccap::platform {

struct LoopHooks {
  // Corrects a pointer-down before the app sees it (the browser knows where presses really were).
  std::function<void(InputEvent&)> fix_pointer_down = [](InputEvent&) {};
  std::function<bool()> reduced_motion = [] { return false; };
  // The app started or stopped waiting for text (the browser raises or drops its keyboard).
  std::function<void(bool)> text_input_changed = [](bool) {};
};

class MainLoop {
 public:
  MainLoop(Application& app, SdlWindow& window, LoopHooks hooks)
      : app_(app), window_(window), hooks_(std::move(hooks)), last_time_(clock_seconds()) {}
  // Runs one frame. Returns false once the user has asked to quit.
  bool frame();

 private:
  void count_clicks(InputEvent& press);

  Application& app_;
  SdlWindow& window_;
  LoopHooks hooks_;
  double last_time_;
  SameFrameKeyUps key_ups_;
  bool text_input_ = false;
  std::optional<InputEvent> last_press_;  // the mouse's last press, for double clicks
};

}  // namespace ccap::platform
