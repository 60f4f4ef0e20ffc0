#pragma once
// How a city looks on the map, and the legend that explains it:
//   size   - area grows with population (radius with its square root), 4 to 14 px;
//   colour - certification level, from the Okabe-Ito palette (safe for the common colour-vision
//            deficiencies): not certified blue, Bronze orange, level 2 bluish green, level 3
//            reddish purple;
//   shape  - C3 twinning cities are diamonds, others circles;
//   ring   - a white ring inside the marker: the city holds a certification status;
//   group  - cities too close to tell apart at the zoom (city_marks.h): a slate disc, no ring,
//            with their number on it.
#include <string>
#include <vector>

#include "base/color.h"
#include "map/legend_symbol.h"
#include "map/marker_instance.h"

namespace ccap {

inline constexpr float kGroupRadius = 9;                    // logical px, a group of two
inline constexpr Rgba8 kGroupFill{0x3d, 0x4b, 0x59, 0xff};  // slate: no certification level's colour

struct MarkerStyle {
  float radius = 4;  // logical px
  Rgba8 fill;
  MarkerShape shape = MarkerShape::Circle;
  bool ring = false;
};

// `certification_rank`: 0 none, 1 Bronze, 2, 3.
MarkerStyle marker_style(long long population, int certification_rank, bool c3);
float marker_radius(long long population);
Rgba8 certification_color(int certification_rank);

struct LegendEntry {
  std::string label;
  LegendSymbol symbol;
  float radius = 4;  // logical px, as on the map
};
std::vector<LegendEntry> marker_legend(const std::vector<std::string>& level_names);

}  // namespace ccap
