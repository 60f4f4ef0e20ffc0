#include "map/legend_symbol.h"

namespace ccap {

const char* legend_symbol_name(const LegendSymbol& s) {
  if (s.line) return "line";
  if (s.value_ring) return "cluster";
  if (s.count) return "group";
  switch (s.shape) {
    case MarkerShape::Diamond: return "diamond";
    case MarkerShape::Square: return "square";
    case MarkerShape::Circle: break;
  }
  return "circle";
}

}  // namespace ccap
