#include "map/marker_instance.h"

#include <cstdio>

namespace ccap {

std::string marker_glsl_defines() {
  char text[640];
  std::snprintf(text, sizeof text,
                "#define MARKER_SHAPE_CIRCLE %d\n#define MARKER_SHAPE_DIAMOND %d\n#define MARKER_SHAPE_SQUARE %d\n"
                "#define MARKER_FLAG_RING %d\n#define MARKER_FLAG_HOVER %d\n#define MARKER_FLAG_SELECTED %d\n"
                "#define MARKER_FLAG_VALUE_RING %d\n#define MARKER_NEUTRAL_FILL vec3(%.6f,%.6f,%.6f)\n"
                "#define MARKER_EXTENT_SCALE %.6f\n#define MARKER_HALO_PX %.6f\n#define MARKER_DIAMOND_REACH %.6f\n"
                "#define MARKER_SQUARE_REACH %.6f\n",
                static_cast<int>(MarkerShape::Circle), static_cast<int>(MarkerShape::Diamond),
                static_cast<int>(MarkerShape::Square), int{kMarkerRing}, int{kMarkerHover}, int{kMarkerSelected},
                int{kMarkerValueRing}, kMarkerNeutralFill.r / 255.0, kMarkerNeutralFill.g / 255.0,
                kMarkerNeutralFill.b / 255.0, static_cast<double>(kMarkerExtentScale),
                static_cast<double>(kMarkerHaloPx), static_cast<double>(kMarkerDiamondReach),
                static_cast<double>(kMarkerSquareReach));
  return text;
}

}  // namespace ccap
