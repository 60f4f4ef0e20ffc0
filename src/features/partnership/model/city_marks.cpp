#include "features/partnership/model/city_marks.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "map/mark_groups.h"

namespace ccap {

float marker_zoom_scale(double zoom) {
  constexpr double kZoomedOut = 1, kFullSize = 5, kSmallest = 0.5;
  if (!(zoom > kZoomedOut)) return static_cast<float>(kSmallest);  // NaN too
  return static_cast<float>(
      std::min(1.0, kSmallest + (1 - kSmallest) * (zoom - kZoomedOut) / (kFullSize - kZoomedOut)));
}

namespace {
void make_group(CityMark& mark, MarkerInstance& g, double mark_scale) {
  const float doublings = std::log2(static_cast<float>(mark.cities.size()) / 2);
  g.radius = std::min(kMarkerMaxRadius, kGroupRadius + kGroupRadiusPerDoubling * doublings);
  g.fill = kGroupFill;
  g.shape = static_cast<std::uint8_t>(MarkerShape::Circle);
  g.flags &= kMarkerHover;  // no ring: that says "certified"
  mark.disc.radius = g.radius * mark_scale;
}
}  // namespace

CityMarks city_marks(const MarkerLayer& layer, std::span<const glm::dvec2> screen, std::span<const double> priority,
                     std::span<const CityId> alone, double zoom, double mark_scale) {
  const std::size_t n = std::min({layer.instances.size(), layer.city.size(), screen.size(), priority.size()});
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return priority[a] > priority[b]; });

  // Every city its own mark, sized for the zoom, by priority.
  const float scale = marker_zoom_scale(zoom);
  CityMarks out;
  std::vector<GroupableMark> discs;
  for (const std::size_t i : order) {
    MarkerInstance m = layer.instances[i];
    m.radius = std::max(kMarkerSmallestRadius, m.radius * scale);
    const bool lone = std::find(alone.begin(), alone.end(), layer.city[i]) != alone.end();
    out.marks.push_back({{screen[i], m.radius * mark_scale}, {layer.city[i]}});
    out.instances.push_back(m);
    discs.push_back({out.marks.back().disc, lone});
  }
  // Overlapping marks join; a group's disc is bigger than its members', so groups that now overlap
  // join too, until none do (each round has fewer marks: at most n rounds, a few in practice).
  for (;;) {
    const std::vector<std::size_t> leader = group_overlapping(discs);
    bool joined = false;
    for (std::size_t k = 0; k < leader.size(); ++k) joined = joined || leader[k] != k;
    if (!joined) break;
    CityMarks merged;
    std::vector<GroupableMark> merged_discs;
    std::vector<std::size_t> place(out.marks.size());
    for (std::size_t k = 0; k < out.marks.size(); ++k) {
      if (leader[k] == k) {
        place[k] = merged.marks.size();
        merged.marks.push_back(std::move(out.marks[k]));
        merged.instances.push_back(out.instances[k]);
        merged_discs.push_back(discs[k]);
        continue;
      }
      CityMark& into = merged.marks[place[leader[k]]];
      into.cities.insert(into.cities.end(), out.marks[k].cities.begin(), out.marks[k].cities.end());
      merged.instances[place[leader[k]]].flags |= out.instances[k].flags & kMarkerHover;  // a lit member lights it
    }
    for (std::size_t m = 0; m < merged.marks.size(); ++m) {
      if (!merged.marks[m].group()) continue;
      make_group(merged.marks[m], merged.instances[m], mark_scale);
      merged_discs[m].disc = merged.marks[m].disc;
    }
    out = std::move(merged);
    discs = std::move(merged_discs);
  }
  return out;
}

}  // namespace ccap
