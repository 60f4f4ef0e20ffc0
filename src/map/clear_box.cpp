#include "map/clear_box.h"

#include <algorithm>
#include <vector>

#include <glm/common.hpp>

namespace ccap {

namespace {
double area_of(const ScreenBox& b) { return std::max(0.0, b.max.x - b.min.x) * std::max(0.0, b.max.y - b.min.y); }
}  // namespace

ScreenBox largest_clear_box(const ScreenBox& area, std::span<const ScreenBox> obstacles, double aspect) {
  if (!(aspect > 0)) aspect = 1;
  std::vector<ScreenBox> in;  // the obstacles that meet the area, clipped to it, largest first
  for (const ScreenBox& o : obstacles) {
    const ScreenBox c{glm::max(o.min, area.min), glm::min(o.max, area.max)};
    if (c.min.x < c.max.x && c.min.y < c.max.y) in.push_back(c);
  }
  std::sort(in.begin(), in.end(), [](const ScreenBox& a, const ScreenBox& b) { return area_of(a) > area_of(b); });
  if (in.size() > kMostClearBoxObstacles) in.resize(kMostClearBoxObstacles);

  ScreenBox best = area;
  double best_width = -1;  // how wide the region shows in the box
  std::size_t choices = 1;
  for (std::size_t i = 0; i < in.size(); ++i) choices *= 4;
  for (std::size_t choice = 0; choice < choices; ++choice) {
    ScreenBox box = area;
    std::size_t c = choice;
    for (const ScreenBox& o : in) {
      switch (c % 4) {
        case 0: box.min.y = std::max(box.min.y, o.max.y); break;   // below it
        case 1: box.max.y = std::min(box.max.y, o.min.y); break;   // above it
        case 2: box.min.x = std::max(box.min.x, o.max.x); break;   // right of it
        default: box.max.x = std::min(box.max.x, o.min.x); break;  // left of it
      }
      c /= 4;
    }
    const double w = box.max.x - box.min.x, h = box.max.y - box.min.y;
    if (w <= 0 || h <= 0) continue;
    const double width = std::min(w, h * aspect);
    if (width > best_width) {
      best_width = width;
      best = box;
    }
  }
  return best;
}

}  // namespace ccap
