#pragma once
// What the native and the web platform share: an SDL window with an OpenGL ES 3.0 context, the
// Dear ImGui context with its SDL2 platform backend, and the frame geometry read from SDL.
#include <SDL.h>

#include <string>

#include "host/frame_info.h"

namespace ccap::platform {

class SdlWindow {
 public:
  // On failure, returns false and error() says why.
  bool open(const std::string& title, int width, int height);
  void close();
  FrameInfo frame_geometry() const;  // sizes and pixel ratio, now
  void swap() { SDL_GL_SwapWindow(window_); }
  SDL_Window* window() const { return window_; }
  const std::string& error() const { return error_; }

 private:
  SDL_Window* window_ = nullptr;
  SDL_GLContext context_ = nullptr;
  bool imgui_ready_ = false;
  std::string error_;
};

}  // namespace ccap::platform
