#pragma once
// The basemap as the renderer draws it: for each level of detail, a triangle mesh of land and
// line segments for coastlines and country borders, all in world (Web Mercator) coordinates.
// Made offline by the geodata pipeline, stored in the .ccapmap format (basemap_format.h).
#include <cstdint>
#include <span>
#include <vector>

#include "map/geo.h"

namespace ccap {

struct Vec2f {
  float x = 0, y = 0;
  friend bool operator==(const Vec2f&, const Vec2f&) = default;
};

struct Segment {
  Vec2f a, b;
  friend bool operator==(const Segment&, const Segment&) = default;
};

struct BasemapLevel {
  float min_zoom = 0;  // used from this zoom upwards (until the next level's)
  std::vector<Vec2f> land_vertices;
  std::vector<std::uint32_t> land_indices;  // triangles
  std::vector<Segment> coastlines;
  std::vector<Segment> borders;
  std::vector<Segment> rivers;  // rivers and lake centre-lines (the city-scale tiles; none in the world map)
  friend bool operator==(const BasemapLevel&, const BasemapLevel&) = default;
};

struct Basemap {
  GeoBounds bounds;                  // of the source data, degrees
  std::vector<BasemapLevel> levels;  // ascending min_zoom
  // The file's grid in units per world width (basemap_format.h): 100,000 for the world map
  // (~400 m at the equator), up to 2^21 for a city tile (~19 m).
  std::int32_t grid = 100'000;
};

// Index of the level for `zoom`, and how far (0..1) the cross-fade to the next level has gone
// within `fade_zooms` below that level's min zoom. `min_zooms` must be ascending.
struct LevelBlend {
  std::size_t level = 0;
  std::size_t next = 0;  // == level when no fade is under way
  float t = 0;           // weight of `next`
};
LevelBlend level_blend(std::span<const float> min_zooms, double zoom, double fade_zooms);
std::vector<float> min_zooms(const Basemap& map);

}  // namespace ccap
