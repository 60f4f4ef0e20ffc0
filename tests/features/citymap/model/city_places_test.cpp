#include "features/citymap/model/city_places.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

TEST(CityPlaces, ReadsThePlacesAndNamesThoseNaturalEarthShowsAtAZoom) {
  const CityPlaces p = read_city_places(R"({"format": 1, "source": "Natural Earth", "places": [
    {"name": "New Taipei", "lng": 121.47, "lat": 25.01, "min_zoom": 5.7, "rank": 5, "population": 3893740},
    {"name": "Keelung", "lng": 121.74, "lat": 25.13, "min_zoom": 6.7, "rank": 7, "population": 500000},
    {"name": "Bade", "lng": 121.29, "lat": 24.93, "min_zoom": 8.0, "rank": 9, "population": 172065}]})",
                                        "tiles/places.json");
  EXPECT_TRUE(p.problems.empty());
  ASSERT_EQ(p.places.size(), 3u);
  EXPECT_EQ(places_at(p, 7).size(), 2u);
  EXPECT_EQ(places_at(p, 8).size(), 3u);
  EXPECT_EQ(places_at(p, 8)[0]->name, "New Taipei");
}

TEST(CityPlaces, ABadPlaceIsNamedAndLeftOut) {
  const CityPlaces p = read_city_places(R"({"format": 1, "places": [
    {"name": "", "lng": 1, "lat": 1, "min_zoom": 5, "rank": 1},
    {"name": "Nowhere", "lng": 1, "lat": 95, "min_zoom": 5, "rank": 1},
    {"name": "Somewhere", "lng": 1, "lat": 1, "min_zoom": 5, "rank": 1}]})",
                                        "tiles/places.json");
  ASSERT_EQ(p.places.size(), 1u);
  ASSERT_EQ(p.problems.size(), 2u);
  EXPECT_NE(p.problems[1].find("tiles/places.json: /places/1/lat"), std::string::npos) << p.problems[1];
}

}  // namespace
}  // namespace ccap
