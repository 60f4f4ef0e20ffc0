#include "features/partnership/model/marker_style.h"

#include <algorithm>
#include <cmath>

namespace ccap {

float marker_radius(long long population) {
  const double p = static_cast<double>(std::max(0LL, population));
  return static_cast<float>(std::clamp(3.0 + 4.0 * std::sqrt(p / 1e6), 4.0, 14.0));
}

Rgba8 certification_color(int rank) {
  switch (rank) {
    case 1: return {0xE6, 0x9F, 0x00, 0xff};   // Okabe-Ito orange
    case 2: return {0x00, 0x9E, 0x73, 0xff};   // bluish green
    case 3: return {0xCC, 0x79, 0xA7, 0xff};   // reddish purple
    default: return {0x00, 0x72, 0xB2, 0xff};  // blue
  }
}

MarkerStyle marker_style(long long population, int rank, bool c3) {
  return {marker_radius(population), certification_color(rank), c3 ? MarkerShape::Diamond : MarkerShape::Circle,
          rank > 0};
}

std::vector<LegendEntry> marker_legend(const std::vector<std::string>& level_names) {
  const auto entry = [](std::string label, const MarkerStyle& m) {
    return LegendEntry{std::move(label), {m.shape, m.fill, m.ring}, m.radius};
  };
  std::vector<LegendEntry> out;
  out.push_back(entry("Partner city, not certified", marker_style(1'000'000, 0, false)));
  for (std::size_t i = 0; i < level_names.size() && i < 3; ++i)
    out.push_back(entry("Certification: " + level_names[i], marker_style(1'000'000, static_cast<int>(i) + 1, false)));
  out.push_back(entry("C3 twinning city (diamond)", marker_style(1'000'000, 0, true)));
  out.push_back(entry("Size: population (GeoNames); smaller when zoomed out", marker_style(5'000'000, 0, false)));
  LegendEntry group = entry("Partner cities too close to tell apart: how many; tap to choose",
                            {kGroupRadius, kGroupFill, MarkerShape::Circle, false});
  group.symbol.count = "3";
  out.push_back(group);
  return out;
}

}  // namespace ccap
