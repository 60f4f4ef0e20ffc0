#include "map/picking.h"

#include <cmath>

namespace ccap {

std::optional<std::size_t> pick_nearest(std::span<const glm::dvec2> points, glm::dvec2 at, double max_distance) {
  std::optional<std::size_t> best;
  double best_d2 = max_distance * max_distance;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double dx = points[i].x - at.x, dy = points[i].y - at.y;
    const double d2 = dx * dx + dy * dy;
    if (d2 < best_d2 || (d2 == best_d2 && !best)) {
      best = i;
      best_d2 = d2;
    }
  }
  return best;
}

}  // namespace ccap
