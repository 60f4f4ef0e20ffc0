#pragma once
// A framebuffer off the screen, of the default one's kind (RGBA8 colour, 8-bit stencil), to draw a
// picture into without showing it: the browser keeps presenting the last frame drawn on screen
// while a frame goes here. Made for one picture and dropped after (a lost context loses nothing).
#include <cstdint>
#include <vector>

namespace ccap::render {

class OffscreenTarget {
 public:
  OffscreenTarget() = default;
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  ~OffscreenTarget();

  // Makes it `width` x `height` pixels and draws into it from now; false if the GL cannot.
  bool begin(int width, int height);
  // Its pixels, RGBA8, rows top first, alpha made opaque; then drawing goes to the screen again.
  std::vector<std::uint8_t> end();

 private:
  unsigned framebuffer_ = 0, colour_ = 0, stencil_ = 0;
  int width_ = 0, height_ = 0;
};

}  // namespace ccap::render
