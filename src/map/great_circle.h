#pragma once
// Great circles: the shortest path between two places on the sphere. Twinning links are drawn
// along them, so Bangkok - San Diego crosses the Pacific (over Japan and the Aleutians), never
// Eurasia, and never as a line across the whole map.
#include <vector>

#include "map/geo.h"

namespace ccap {

// `segments` + 1 points from a to b along the shorter great circle. Longitudes are continuous
// (each within 180° of the one before, so they may leave -180..180): drawn with world copies, the
// path is whole however it crosses the antimeridian. For antipodal points, where every great circle
// is as short, the path through the meridian of `a`'s east side is taken.
std::vector<LngLat> great_circle_path(LngLat a, LngLat b, int segments);

// The point halfway along the shorter great circle (longitude wrapped into -180..180).
LngLat great_circle_midpoint(LngLat a, LngLat b);

}  // namespace ccap
