#include "pipeline/basemap_builder.h"

#include <algorithm>

#include "pipeline/border_lines.h"
#include "pipeline/land_mesh.h"

namespace ccap::pipeline {

namespace {

Vec2f to_world(LngLat p) {
  const WorldPoint w = project(p);
  return {static_cast<float>(w.x), static_cast<float>(w.y)};
}

std::vector<Segment> to_world(const std::vector<GeoSegment>& segments) {
  std::vector<Segment> out;
  out.reserve(segments.size());
  for (const GeoSegment& s : segments) out.push_back({to_world(s.a), to_world(s.b)});
  return out;
}

void grow(GeoBounds& total, const GeoBounds& b) {
  total.west = std::min(total.west, b.west);
  total.east = std::max(total.east, b.east);
  total.south = std::min(total.south, b.south);
  total.north = std::max(total.north, b.north);
}

}  // namespace

BuildResult build_basemap(const std::vector<LevelSpec>& specs) {
  BuildResult result;
  if (specs.empty()) {
    result.errors.push_back("no levels of detail were given");
    return result;
  }
  for (std::size_t i = 1; i < specs.size(); ++i)
    if (!(specs[i].min_zoom > specs[i - 1].min_zoom))
      result.errors.push_back("level " + std::to_string(i) + ": min zoom " + std::to_string(specs[i].min_zoom) +
                              " is not above the previous level's");

  Basemap map;
  map.bounds = {180, 90, -180, -90};
  for (const LevelSpec& spec : specs) {
    LandTriangulator triangulator;
    BasemapLevel level;
    LevelStats stats;
    level.min_zoom = spec.min_zoom;

    const PolygonLayer land = read_polygon_layer(spec.land);
    result.errors.insert(result.errors.end(), land.errors.begin(), land.errors.end());
    Mesh mesh;
    for (const PolygonFeature& f : land.features) {
      for (const Polygon& p : f.polygons) {
        if (auto why = triangulator.add(p, mesh); !why.empty())
          result.errors.push_back(spec.land.describe() + ": " + f.label + ": " + why);
      }
    }
    if (!land.features.empty()) grow(map.bounds, land.extent);
    stats.land_features = land.features.size();
    stats.triangles = mesh.indices.size() / 3;
    stats.repaired_polygons = triangulator.repaired();
    level.land_vertices = std::move(mesh.vertices);
    level.land_indices = std::move(mesh.indices);

    const PolygonLayer countries = read_polygon_layer(spec.countries);
    result.errors.insert(result.errors.end(), countries.errors.begin(), countries.errors.end());
    std::vector<std::vector<Ring>> rings_by_country;
    for (const PolygonFeature& f : countries.features) {
      std::vector<Ring> rings;
      for (const Polygon& p : f.polygons) rings.insert(rings.end(), p.begin(), p.end());
      rings_by_country.push_back(std::move(rings));
    }
    const CountryLines lines = extract_lines(rings_by_country);
    level.coastlines = to_world(lines.coastlines);
    level.borders = to_world(lines.borders);
    stats.countries = countries.features.size();
    stats.coast_segments = level.coastlines.size();
    stats.border_segments = level.borders.size();

    if (level.land_indices.empty() && land.errors.empty())
      result.errors.push_back(spec.land.describe() + ": no land area to draw");
    map.levels.push_back(std::move(level));
    result.stats.push_back(stats);
  }
  if (result.errors.empty()) result.map = std::move(map);
  return result;
}

}  // namespace ccap::pipeline
