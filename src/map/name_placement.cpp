#include "map/name_placement.h"

#include <algorithm>

#include <glm/geometric.hpp>

namespace ccap {

namespace {
bool overlaps(const ScreenBox& a, const ScreenBox& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}
// The distance from a box to a point (0 inside).
double distance(const ScreenBox& box, glm::dvec2 p) {
  return glm::length(glm::max(glm::max(box.min - p, p - box.max), glm::dvec2(0)));
}
}  // namespace

std::vector<std::size_t> place_names(std::span<const NameRequest> requests, glm::dvec2 viewport,
                                     const NameScene& scene) {
  std::vector<std::size_t> shown;
  std::vector<ScreenBox> placed;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    const NameRequest& r = requests[i];
    const ScreenBox box{r.at - r.size * 0.5, r.at + r.size * 0.5};
    if (!(box.min.x >= 0 && box.min.y >= 0 && box.max.x <= viewport.x && box.max.y <= viewport.y))
      continue;  // off the screen, in part or whole (NaN too)
    const auto hits = [&](const ScreenBox& b) { return overlaps(box, b); };
    if (std::any_of(placed.begin(), placed.end(), hits) || std::any_of(scene.taken.begin(), scene.taken.end(), hits) ||
        std::any_of(scene.obstacles.begin(), scene.obstacles.end(), hits))
      continue;
    if (std::any_of(scene.marks.begin(), scene.marks.end(),
                    [&](const ScreenDisc& d) { return distance(box, d.centre) < d.radius + kNameClearPx; }))
      continue;
    placed.push_back(box);
    shown.push_back(i);
  }
  return shown;
}

}  // namespace ccap
