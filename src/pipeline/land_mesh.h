#pragma once
// Land polygons -> a triangle mesh in world (Web Mercator) coordinates, ready to draw.
// Each polygon is made continuous across the antimeridian, repaired where invalid (GEOS
// MakeValid), clipped to the Mercator latitude limit, projected, and triangulated with GEOS's
// constrained Delaunay triangulation (holes respected).
#include <memory>
#include <string>
#include <vector>

#include "map/basemap.h"
#include "pipeline/vector_source.h"

namespace ccap::pipeline {

struct Mesh {
  std::vector<Vec2f> vertices;
  std::vector<std::uint32_t> indices;
};

class LandTriangulator {
 public:
  LandTriangulator();
  ~LandTriangulator();
  LandTriangulator(const LandTriangulator&) = delete;
  LandTriangulator& operator=(const LandTriangulator&) = delete;

  // Adds the triangles of `polygon` to `mesh`. Returns an empty string, or why it could not.
  std::string add(const Polygon& polygon, Mesh& mesh);
  // How many polygons were invalid as given (self-intersections...) and were repaired.
  std::size_t repaired() const { return repaired_; }

 private:
  struct Geos;
  std::unique_ptr<Geos> geos_;
  std::size_t repaired_ = 0;
};

}  // namespace ccap::pipeline
