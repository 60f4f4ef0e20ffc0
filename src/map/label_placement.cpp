#include "map/label_placement.h"

#include <algorithm>
#include <numeric>

namespace ccap {

namespace {
struct Rect {
  glm::dvec2 min, max;
  bool overlaps(const Rect& o) const {
    return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
  }
};
}  // namespace

std::vector<PlacedLabel> place_labels(std::span<const LabelRequest> requests, glm::dvec2 viewport) {
  std::vector<std::size_t> order(requests.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return requests[a].priority > requests[b].priority; });
  std::vector<Rect> taken;
  std::vector<PlacedLabel> placed;
  for (std::size_t i : order) {
    const LabelRequest& r = requests[i];
    const glm::dvec2 half = r.size * 0.5;
    const glm::dvec2 spots[] = {
        {r.anchor.x + r.gap, r.anchor.y - half.y},             // right
        {r.anchor.x - r.gap - r.size.x, r.anchor.y - half.y},  // left
        {r.anchor.x - half.x, r.anchor.y - r.gap - r.size.y},  // above
        {r.anchor.x - half.x, r.anchor.y + r.gap},             // below
    };
    for (const glm::dvec2& top_left : spots) {
      const Rect box{top_left, top_left + r.size};
      if (box.min.x < 0 || box.min.y < 0 || box.max.x > viewport.x || box.max.y > viewport.y) continue;
      if (std::any_of(taken.begin(), taken.end(), [&](const Rect& t) { return t.overlaps(box); })) continue;
      taken.push_back(box);
      placed.push_back({i, top_left});
      break;
    }
  }
  return placed;
}

}  // namespace ccap
