#pragma once
// The city-scale map's tiles: for each Web Mercator tile of zoom 8 (1.41° of longitude; 156 km at
// the equator, 141 km at Taipei's 25°N) that comes within a radius of a partner city, a .ccapmap
// of one level on the fine grid (kBasemapMaxGrid: 2^21 units a world width, 19 m at the
// equator; basemap_format.h) holding
//   land      the fine coastline's land (OpenStreetMap-derived, @geo-maps/countries-coastline-1m)
//             clipped to the tile, with Natural Earth 1:10m lakes cut out, as triangles;
//   coast     the edges of that land that are not the tile's own edges: sea coast and lake shores;
//   borders   Natural Earth 1:10m country borders (world-atlas countries-10m), clipped to the tile;
//   rivers    Natural Earth 1:10m rivers (not lake centre-lines: lakes are drawn as water).
// One tile level serves zooms 8 to 12 and beyond: the fine coastline's points are 0.8-2 km apart
// (docs/research: median 1.4 km), so a zoom-10 tile would hold no more than its zoom-8 parent.
//
// The regional level serves zooms 5 to 8, between the world map (Natural Earth 1:50m, to zoom 5)
// and the city tiles: tiles of zoom 5 (11.25° of longitude) within kRegionalRadiusKm of a partner
// city, cut the same way from Natural Earth 1:10m land (world-atlas land-10m) and borders, with
// no lakes or rivers (the world map has none either: a lake only near the cities would be odd).
//
// Nothing is written unless every tile was cut without an error (each error names the source,
// the feature and the tile).
#include <compare>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "map/basemap.h"
#include "map/geo.h"
#include "pipeline/vector_source.h"

namespace ccap::pipeline {

// A tile of the Web Mercator XYZ scheme: x from the antimeridian eastwards, y from the north.
struct TileKey {
  int z = 0, x = 0, y = 0;
  friend auto operator<=>(const TileKey&, const TileKey&) = default;
  std::string name() const;  // "8-213-109": its file is <name>.ccapmap
};

inline constexpr int kCityTileZoom = 8;
inline constexpr double kCityRadiusKm = 60;  // around each partner city: its stations and neighbours
inline constexpr int kRegionalTileZoom = 5;
inline constexpr double kRegionalRadiusKm = 300;  // a partner city's region, as far as zoom 5 shows

// The tile's box in degrees (north and south from the inverse Mercator).
GeoBounds tile_bounds(TileKey key);
// Every tile of zoom `z` that meets the square of half-side `radius_km` around a place (at its
// latitude), without repeats, in order.
std::vector<TileKey> tiles_near(std::span<const LngLat> places, double radius_km, int z);

struct CityTileSources {
  SourceRef land;       // polygons: the fine land
  SourceRef lakes;      // polygons cut out of it (no path: none)
  SourceRef rivers;     // lines; "Lake Centerline" features are left out (no path: none)
  SourceRef countries;  // polygons: borders are the edges two of them share
};

struct CityTileStats {
  std::size_t land_pieces = 0, triangles = 0, coast_segments = 0, border_segments = 0, river_segments = 0;
};

struct CityTile {
  TileKey key;
  Basemap map;
  CityTileStats stats;
};

struct CityTilesResult {
  std::vector<CityTile> tiles;      // only when there were no errors
  std::vector<std::string> errors;  // each naming the source, the feature or tile, and the reason
};

CityTilesResult cut_city_tiles(const CityTileSources& sources, std::span<const TileKey> keys);

// Segment a-b clipped to `box` (degrees; not crossing the antimeridian), or nothing when it misses.
std::optional<std::pair<LngLat, LngLat>> clip_segment(LngLat a, LngLat b, const GeoBounds& box);

}  // namespace ccap::pipeline
