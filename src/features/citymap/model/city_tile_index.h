#pragma once
// The city-scale tiles' index (data/tiles/index.json, written by the pipeline: src/pipeline/
// city_tiles.h): which tiles exist, each with its file, size and checksum, the credit to show
// while any is drawn, and the places file. Read with the one JSON reader (base/json_reader.h): a
// bad entry is left out and named, the rest is kept.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/ids.h"
#include "map/geo.h"

namespace ccap {

using CityTileId = Id<struct CityTileTag>;  // CityTileIndex::tiles

inline constexpr int kCityTileIndexFormat = 1;

struct CityTileEntry {
  int z = 0, x = 0, y = 0;  // Web Mercator XYZ
  std::string file;         // "8-214-109.ccapmap", beside index.json
  std::uint64_t bytes = 0;
  std::uint64_t fnv1a64 = 0;  // of the file's bytes
  // The tile's square in world coordinates (0..1 across the Web Mercator world, y down).
  double world_west() const;
  double world_north() const;
  double world_size() const;  // 1 / 2^z
  // A tile of zoom z fades in over the coarser map from z - kTileFadeZooms, drawn fully from z:
  // the regional tiles (zoom 5) from 4.5, the city tiles (zoom 8) from 7.5.
  double min_zoom() const;
};

inline constexpr double kTileFadeZooms = 0.5;

struct CityTileIndex {
  std::vector<CityTileEntry> tiles;
  std::string attribution;  // "Coast: © OpenStreetMap contributors (ODbL) via geo-maps · ..."
  std::string places_file;  // "places.json"; empty: none
  std::vector<std::string> problems;
};

// `file_name` names the file in problems ("tiles/index.json: /tiles/3/x: ...").
CityTileIndex read_city_tile_index(std::string_view json_text, const std::string& file_name);

}  // namespace ccap
