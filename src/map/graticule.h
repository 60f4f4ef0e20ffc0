#pragma once
// The graticule: meridians and parallels at a spacing that suits the zoom. In Web Mercator both
// are straight lines, so each is one segment across the world (world copies repeat them).
#include <vector>

#include "map/basemap.h"

namespace ccap {

double graticule_step_degrees(double zoom);
std::vector<Segment> graticule_segments(double step_degrees);

}  // namespace ccap
