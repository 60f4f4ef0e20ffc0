#pragma once
// How a city looks on the map, and the legend that explains it:
//   size   - area grows with population (radius with its square root), 4 to 14 px;
//   colour - certification level, from the Okabe-Ito palette (safe for the common colour-vision
//            deficiencies): not certified blue, Bronze orange, level 2 bluish green, level 3
//            reddish purple;
//   shape  - C3 twinning cities are diamonds, others circles;
//   ring   - a white ring inside the marker: the city holds a certification status.
#include <string>
#include <vector>

#include "base/color.h"
#include "map/marker_instance.h"

namespace ccap {

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
  MarkerStyle style;
};
std::vector<LegendEntry> marker_legend(const std::vector<std::string>& level_names);

}  // namespace ccap
