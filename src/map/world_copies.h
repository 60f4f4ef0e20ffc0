#pragma once
// Which world copies of a layer to draw: copy k shows the layer shifted by k in world x. A layer
// spanning [layer_min_x, layer_max_x] (it may reach past 0..1 where shapes cross 180°) is drawn in
// every copy that overlaps the visible world x range, and in no other.
#include <cmath>

namespace ccap {

struct CopyRange {
  int first = 0, last = -1;  // inclusive; empty when last < first
  int count() const { return last >= first ? last - first + 1 : 0; }
};

inline CopyRange copies_to_draw(double layer_min_x, double layer_max_x, double view_min_x, double view_max_x) {
  return {static_cast<int>(std::ceil(view_min_x - layer_max_x)),
          static_cast<int>(std::floor(view_max_x - layer_min_x))};
}

}  // namespace ccap
