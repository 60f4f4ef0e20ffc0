#include "platform/sdl_window.h"

#include <imgui.h>
#include <imgui_impl_sdl.h>

namespace ccap::platform {

bool SdlWindow::open(const std::string& title, int width, int height) {
#ifdef __EMSCRIPTEN__
  // Keys go to the map only while the canvas has the focus (it does at start): the page's other
  // controls (the accessible companion, web/a11y.js) keep their keys, and Tab leaves the canvas.
  SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
#endif
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
    error_ = std::string("SDL could not start its video subsystem: ") + SDL_GetError();
    return false;
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
  SDL_GL_SetAttribute(SDL_GL_ALPHA_SIZE, 8);
  const Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  window_ = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!window_) {
    error_ = std::string("could not create the window: ") + SDL_GetError();
    return false;
  }
  context_ = SDL_GL_CreateContext(window_);
  if (!context_) {
    error_ = std::string("could not create an OpenGL ES 3.0 / WebGL2 context: ") + SDL_GetError();
    return false;
  }
  SDL_GL_MakeCurrent(window_, context_);
  SDL_GL_SetSwapInterval(1);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  imgui_ready_ = ImGui_ImplSDL2_InitForOpenGL(window_, context_);
  if (!imgui_ready_) {
    error_ = "Dear ImGui's SDL2 backend failed to start";
    return false;
  }
  return true;
}

void SdlWindow::close() {
  if (imgui_ready_) ImGui_ImplSDL2_Shutdown();
  if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
  imgui_ready_ = false;
  if (context_) SDL_GL_DeleteContext(context_);
  if (window_) SDL_DestroyWindow(window_);
  context_ = nullptr;
  window_ = nullptr;
  SDL_Quit();
}

FrameInfo SdlWindow::frame_geometry() const {
  FrameInfo f;
  SDL_GetWindowSize(window_, &f.canvas_width, &f.canvas_height);
  SDL_GL_GetDrawableSize(window_, &f.framebuffer_width, &f.framebuffer_height);
  f.pixel_ratio = f.canvas_width > 0 ? static_cast<float>(f.framebuffer_width) / f.canvas_width : 1.0f;
  return f;
}

}  // namespace ccap::platform
