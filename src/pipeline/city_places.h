#pragma once
// The town names that orient a person at city scale: Natural Earth 1:10m populated places inside
// the city tiles (city_tiles.h), each with the zoom from which Natural Earth shows it, and never a
// partner city itself (the partnership labels those): a place with a partner city's GeoNames id,
// or within kSamePlaceKm of one, is left out.
//
// places.json: {"format": 1, "source": "...", "places": [{"name", "lng", "lat", "min_zoom",
// "rank", "population"}, ...]}, by rank (Natural Earth's SCALERANK, 0 the most important), then
// name. Coordinates to 5 decimals (about 1 m).
#include <span>
#include <string>
#include <vector>

#include "map/geo.h"
#include "pipeline/city_tiles.h"
#include "pipeline/vector_source.h"

namespace ccap::pipeline {

inline constexpr double kSamePlaceKm = 5;

struct PartnerPlace {
  LngLat where;
  long long geonames_id = 0;
};

struct CityPlace {
  std::string name;
  LngLat where;
  double min_zoom = 0;
  int rank = 0;
  long long population = 0;
};

struct CityPlacesResult {
  std::vector<CityPlace> places;
  std::vector<std::string> errors;
};

CityPlacesResult read_city_places(const SourceRef& source, std::span<const TileKey> tiles,
                                  std::span<const PartnerPlace> partners);

std::string city_places_json(const std::vector<CityPlace>& places, const std::string& source_note);

}  // namespace ccap::pipeline
