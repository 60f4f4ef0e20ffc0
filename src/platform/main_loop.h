#pragma once
// The one main-loop body of both builds: SDL's events to the ImGui backend and the app, then the
// app's frame. The native loop calls it until the window closes; the browser calls it once per
// animation frame. Only what differs is given by the caller.
#include <functional>
#include <optional>

#include "host/application.h"
#include "platform/sdl_input.h"
#include "platform/sdl_window.h"

namespace ccap::platform {

struct LoopHooks {
  // Corrects a pointer-down before the app sees it (the browser knows where presses really were,
  // and which press of a double click it is). True when it set `clicks` too; else the loop counts
  // them from the events' times and places.
  std::function<bool(InputEvent&)> fix_pointer_down = [](InputEvent&) { return false; };
  std::function<bool()> reduced_motion = [] { return false; };
  // The app started or stopped waiting for text (the browser raises or drops its keyboard).
  std::function<void(bool)> text_input_changed = [](bool) {};
};

struct LoopStep {
  bool running = true;  // false once the user has asked to quit
  bool drawn = true;    // the app drew a frame (else the last one stays: nothing to present)
};

class MainLoop {
 public:
  // `on_demand`: draw only after input or from the app's next_frame_at(); else every time.
  MainLoop(Application& app, SdlWindow& window, LoopHooks hooks, bool on_demand)
      : app_(app), window_(window), hooks_(std::move(hooks)), on_demand_(on_demand), last_time_(clock_seconds()) {}
  // Takes the events and, when there is something to show, runs the app's frame.
  LoopStep frame();

 private:
  void count_clicks(InputEvent& press);

  Application& app_;
  SdlWindow& window_;
  LoopHooks hooks_;
  bool on_demand_;
  double last_time_;
  SameFrameKeyUps key_ups_;
  bool text_input_ = false;
  std::optional<InputEvent> last_press_;  // the mouse's last press, for double clicks
};

}  // namespace ccap::platform
