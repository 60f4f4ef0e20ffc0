#include "app/pixel_probe.h"

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

namespace ccap {

nlohmann::json PixelProbes::to_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& p : probes_) {
    nlohmann::json e = {{"id", p.id}, {"x", p.x}, {"y", p.y}, {"done", p.done}};
    if (p.done) {
      e["frame"] = p.frame;
      e["inside"] = p.inside;
      if (p.inside) e["rgba"] = std::vector<int>{p.color.r, p.color.g, p.color.b, p.color.a};
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::optional<FramebufferPoint> canvas_to_framebuffer(float x, float y, float pixel_ratio, int fb_width,
                                                      int fb_height) {
  if (!std::isfinite(x) || !std::isfinite(y) || !(pixel_ratio > 0)) return std::nullopt;
  const int px = static_cast<int>(std::floor(x * pixel_ratio));
  const int py_top = static_cast<int>(std::floor(y * pixel_ratio));
  if (px < 0 || py_top < 0 || px >= fb_width || py_top >= fb_height) return std::nullopt;
  return FramebufferPoint{px, fb_height - 1 - py_top};
}

int PixelProbes::request(float x, float y) {
  if (probes_.size() >= kMaxKept) clear_done();
  if (probes_.size() >= kMaxKept) probes_.erase(probes_.begin());
  PixelProbe p;
  p.id = next_id_++;
  p.x = x;
  p.y = y;
  probes_.push_back(p);
  return p.id;
}

bool PixelProbes::has_pending() const {
  return std::any_of(probes_.begin(), probes_.end(), [](const PixelProbe& p) { return !p.done; });
}

void PixelProbes::clear_done() {
  std::erase_if(probes_, [](const PixelProbe& p) { return p.done; });
}

}  // namespace ccap
