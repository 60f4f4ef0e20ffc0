#pragma once
// The app as the platform layer sees it: four callbacks, in the spirit of sokol_app. The platform
// owns the window, the GL context and the main loop, and calls these; it knows nothing else of the
// app. Defined in the core so that the dependency points down: platform -> app -> core.
#include <string>

#include "host/frame_info.h"
#include "host/input_event.h"

namespace ccap {

class Application {
 public:
  virtual ~Application() = default;
  // The GL context is current. Return false (after saying why via fatal_error()) to stop.
  virtual bool init() = 0;
  virtual void frame(const FrameInfo& frame) = 0;
  virtual void event(const InputEvent& event) = 0;
  virtual void shutdown() = 0;
  // Text typed where the platform raised an on-screen keyboard (UTF-8), and whether the app has a
  // text field waiting for it now (the platform raises one while it does).
  virtual void text_input(const std::string& /*utf8*/) {}
  virtual bool wants_text_input() const { return false; }
  // The GL context was lost and is back (the browser's webglcontextrestored), current again:
  // every GPU resource is gone and must be made again.
  virtual void gpu_restored() {}
  // The page's link changed under the app (Back, Forward, a hash typed into the address bar).
  virtual void open_link(const std::string& /*hash*/) {}
  // What became of a share the platform finished later (the share sheet, the clipboard), in words.
  virtual void shared(const std::string& /*outcome*/) {}
  // Render on demand: with no input since the last frame, the platform calls frame() only from
  // this time on (the frame clock, s; `now` or earlier: at once; +infinity: not until something
  // happens). The screen keeps the last frame meanwhile, and an idle map costs next to nothing:
  // the browser's loop even stops until then. Whatever changes the app from outside the platform's
  // events (a call from the page) must call the request_frame it was given.
  virtual double next_frame_at(double now) const { return now; }
  // The app draws Dear ImGui panels: the platform feeds the ImGui backend its events.
  virtual bool uses_imgui() const { return true; }
};

}  // namespace ccap
