#pragma once
// Coastlines and borders from country polygons, the way TopoJSON's mesh does it: an edge that
// belongs to one country only is coast; an edge shared by two countries is a border (kept once).
// Neighbours share their vertices exactly (TopoJSON arcs), so edges are matched exactly.
#include <vector>

#include "pipeline/antimeridian.h"

namespace ccap::pipeline {

struct GeoSegment {
  LngLat a, b;
};

struct CountryLines {
  std::vector<GeoSegment> coastlines;
  std::vector<GeoSegment> borders;
};

// `countries[i]` holds every ring (outer and holes) of country i, as read (not unwrapped).
// Cut edges along ±180° or the poles are dropped; an edge that jumps across the antimeridian
// comes out continuous (one end shifted by 360°).
CountryLines extract_lines(const std::vector<std::vector<Ring>>& countries);

}  // namespace ccap::pipeline
