#include "map/gl/frame_renderer.h"

#include "map/gl/gl.h"

namespace ccap::render {

void FrameRenderer::begin(int fb_width, int fb_height, Rgba8 clear_color) {
  glViewport(0, 0, fb_width, fb_height);
  glDisable(GL_SCISSOR_TEST);
  const ColorF c = to_float(clear_color);
  glClearColor(c.r, c.g, c.b, c.a);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
}

Rgba8 FrameRenderer::read_pixel(int x, int y) const {
  unsigned char px[4] = {0, 0, 0, 0};
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x, y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
  return {px[0], px[1], px[2], px[3]};
}

const char* gl_version_string() {
  const auto* v = glGetString(GL_VERSION);
  return v ? reinterpret_cast<const char*>(v) : "unknown";
}

}  // namespace ccap::render
