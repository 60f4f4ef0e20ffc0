#include "map/spatial_focus.h"

#include <cmath>
#include <limits>

#include <glm/geometric.hpp>

namespace ccap {

std::optional<std::size_t> next_in_direction(const std::vector<glm::dvec2>& points, std::optional<std::size_t> from,
                                             glm::dvec2 origin, glm::dvec2 direction) {
  std::optional<std::size_t> best;
  double best_score = std::numeric_limits<double>::infinity();
  if (!from || *from >= points.size()) {
    for (std::size_t i = 0; i < points.size(); ++i)
      if (const double d = glm::distance(points[i], origin); d < best_score) best_score = d, best = i;
    return best;
  }
  const glm::dvec2 at = points[*from], d = glm::normalize(direction);
  // Within 45° of the arrow first; only when none is, anything on that side.
  for (const bool cone : {true, false}) {
    for (std::size_t i = 0; i < points.size(); ++i) {
      if (i == *from) continue;
      const glm::dvec2 v = points[i] - at;
      const double along = glm::dot(v, d);
      const double across = std::abs(v.x * d.y - v.y * d.x);
      if (along <= 1 || (cone && across > along)) continue;
      if (const double score = along + 2 * across; score < best_score) best_score = score, best = i;
    }
    if (best) break;
  }
  return best;
}

}  // namespace ccap
