#pragma once
// Per-frame GL state: viewport, clear, and reading pixels back (for probes and render tests).
#include "base/color.h"

namespace ccap::render {

class FrameRenderer {
 public:
  void begin(int fb_width, int fb_height, Rgba8 clear_color);
  // The pixel at framebuffer (x, y), origin bottom-left, of the frame drawn so far.
  Rgba8 read_pixel(int x, int y) const;
};

const char* gl_version_string();

}  // namespace ccap::render
