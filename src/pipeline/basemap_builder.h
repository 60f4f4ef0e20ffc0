#pragma once
// The basemap pipeline: for each level of detail, land polygons become a triangle mesh and
// country polygons become coastline and border segments, all projected to world coordinates.
#include <optional>
#include <string>
#include <vector>

#include "map/basemap.h"
#include "pipeline/vector_source.h"

namespace ccap::pipeline {

struct LevelSpec {
  float min_zoom = 0;
  SourceRef land;       // polygons to fill
  SourceRef countries;  // polygons whose shared edges are borders and lone edges coastline
};

struct LevelStats {
  std::size_t land_features = 0, repaired_polygons = 0, countries = 0, triangles = 0, coast_segments = 0,
              border_segments = 0;
};

struct BuildResult {
  std::optional<Basemap> map;       // only when there were no errors at all
  std::vector<std::string> errors;  // every problem found, each naming file, feature and reason
  std::vector<LevelStats> stats;
};

BuildResult build_basemap(const std::vector<LevelSpec>& levels);

}  // namespace ccap::pipeline
