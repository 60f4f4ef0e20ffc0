#include "map/mark_groups.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

#include <glm/geometric.hpp>

namespace ccap {

std::vector<std::size_t> group_overlapping(std::span<const GroupableMark> marks) {
  std::vector<std::size_t> leader(marks.size());
  // Leaders filed in square cells as wide as the largest diameter and the gap: a disc near enough
  // a leader's has its centre in the leader's cell or one of the eight around it.
  double cell = 1;
  for (const GroupableMark& m : marks)
    if (std::isfinite(m.disc.radius)) cell = std::max(cell, 2 * m.disc.radius + kMarkGroupGapPx);
  const auto key = [&](glm::dvec2 p) -> std::int64_t {
    const auto c = [&](double v) -> std::int64_t {
      const double i = std::floor(v / cell);
      if (std::isnan(i)) return 0;  // std::clamp passes NaN through, and its cast is undefined
      return static_cast<std::int64_t>(std::clamp(i, -1e9, 1e9));
    };
    return c(p.x) * 4'000'000'001LL + c(p.y);
  };
  std::unordered_map<std::int64_t, std::vector<std::size_t>> leaders;
  for (std::size_t i = 0; i < marks.size(); ++i) {
    leader[i] = i;
    const ScreenDisc& d = marks[i].disc;
    if (!marks[i].alone) {
      for (int dx = -1; dx <= 1 && leader[i] == i; ++dx)
        for (int dy = -1; dy <= 1 && leader[i] == i; ++dy) {
          const auto found = leaders.find(key(d.centre + glm::dvec2(dx, dy) * cell));
          if (found == leaders.end()) continue;
          for (std::size_t l : found->second) {
            const ScreenDisc& o = marks[l].disc;
            if (!marks[l].alone && glm::distance(d.centre, o.centre) < d.radius + o.radius + kMarkGroupGapPx) {
              leader[i] = l;
              break;
            }
          }
        }
    }
    if (leader[i] == i) leaders[key(d.centre)].push_back(i);
  }
  return leader;
}

}  // namespace ccap
