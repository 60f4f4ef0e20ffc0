#pragma once
// Pixel probes: a test asks "what colour is the pixel at (x, y) of the canvas?" and the app answers
// by reading the framebuffer inside the frame, after everything is drawn. This file holds the
// bookkeeping and the coordinate mapping; the actual read is the renderer's.
#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "base/color.h"

namespace ccap {

struct FramebufferPoint {
  int x = 0, y = 0;  // GL convention: origin at the bottom-left
};

// Canvas point in logical (CSS) pixels -> framebuffer pixel, or nullopt when it lies outside.
std::optional<FramebufferPoint> canvas_to_framebuffer(float x, float y, float pixel_ratio, int fb_width, int fb_height);

struct PixelProbe {
  int id = 0;
  float x = 0, y = 0;  // canvas position (CSS px)
  bool done = false;
  bool inside = false;      // false: the point was outside the framebuffer
  Rgba8 color;              // valid when done && inside
  std::uint64_t frame = 0;  // frame in which it was read
};

class PixelProbes {
 public:
  int request(float x, float y);  // returns the probe id
  bool has_pending() const;
  // Resolves every pending probe with read(fb_point) -> colour, during frame `frame`.
  template <class ReadFn>
  void resolve(std::uint64_t frame, float pixel_ratio, int fb_width, int fb_height, ReadFn&& read) {
    for (auto& p : probes_) {
      if (p.done) continue;
      const auto fb = canvas_to_framebuffer(p.x, p.y, pixel_ratio, fb_width, fb_height);
      p.done = true;
      p.frame = frame;
      p.inside = fb.has_value();
      if (fb) p.color = read(*fb);
    }
  }
  const std::vector<PixelProbe>& all() const { return probes_; }
  // [{id, x, y, done, frame, inside, rgba}] for the test API.
  nlohmann::json to_json() const;
  void clear_done();

 private:
  static constexpr std::size_t kMaxKept = 256;  // a long-running kiosk must not grow this forever
  std::vector<PixelProbe> probes_;
  int next_id_ = 1;
};

}  // namespace ccap
