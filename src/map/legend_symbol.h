#pragma once
// A legend's picture of one map mark, as the map draws it (map/marker_instance.h, shaders/marker.*).
// The layers panel, the air panel and a saved picture's card all draw theirs with
// map/ui/draw_legend_symbol.h, so no legend shows a diamond as a disc.
//   radius - logical px of the mark as a circle; a diamond reaches kMarkerDiamondReach x radius
//            from its centre, a square kMarkerSquareReach x radius, as on the map;
//   ring   - the white ring inside a certified city's marker;
//   value_ring - a station cluster: a neutral square ringed in `fill`;
//   count  - text on top (a group of cities, a cluster's station count);
//   line   - a short stroke in `fill` instead of a mark (the twinning arcs).
#include "base/color.h"
#include "map/marker_instance.h"

namespace ccap {

struct LegendSymbol {
  MarkerShape shape = MarkerShape::Circle;
  Rgba8 fill;
  bool ring = false;
  bool value_ring = false;
  const char* count = nullptr;
  bool line = false;
};

// "circle", "diamond", "square", "cluster", "group" (a circle with a count) or "line": how the state JSON names it.
const char* legend_symbol_name(const LegendSymbol& s);

}  // namespace ccap
