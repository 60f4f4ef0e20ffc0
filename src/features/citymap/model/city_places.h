#pragma once
// The town names of the city-scale map (data/tiles/places.json, made by src/pipeline/
// city_places.h): Natural Earth 1:10m populated places around the partner cities, never a partner
// city itself, each with the zoom from which Natural Earth shows it. Read with the one JSON
// reader: a bad entry is left out and named.
#include <string>
#include <string_view>
#include <vector>

#include "map/geo.h"

namespace ccap {

struct CityPlace {
  std::string name;
  LngLat where;
  double min_zoom = 0;  // Natural Earth's: shown from this zoom
  int rank = 0;         // SCALERANK: 0 the most important
};

struct CityPlaces {
  std::vector<CityPlace> places;  // as the file lists them: by rank, then name
  std::vector<std::string> problems;
};

CityPlaces read_city_places(std::string_view json_text, const std::string& file_name);

// The places to name at `zoom`, most important first: those Natural Earth shows from this zoom.
std::vector<const CityPlace*> places_at(const CityPlaces& places, double zoom);

}  // namespace ccap
