#include "map/picking.h"

#include <algorithm>
#include <cmath>
#include <utility>

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

std::vector<std::size_t> pick_candidates(std::span<const glm::dvec2> points, glm::dvec2 at, double max_distance,
                                         double slack, std::size_t limit) {
  std::vector<std::pair<double, std::size_t>> near;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const double d = std::hypot(points[i].x - at.x, points[i].y - at.y);
    if (d <= max_distance) near.emplace_back(d, i);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::size_t> out;
  for (const auto& [d, i] : near) {
    if (out.size() == limit || d > near.front().first + slack) break;
    out.push_back(i);
  }
  return out;
}

}  // namespace ccap
