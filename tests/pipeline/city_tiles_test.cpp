#include "pipeline/city_tiles.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "map/basemap_format.h"
#include "pipeline/city_places.h"

namespace ccap::pipeline {
namespace {

namespace fs = std::filesystem;

TEST(CityTiles, TileBoundsAreTheWebMercatorSquares) {
  const GeoBounds whole = tile_bounds({0, 0, 0});
  EXPECT_DOUBLE_EQ(whole.west, -180);
  EXPECT_DOUBLE_EQ(whole.east, 180);
  EXPECT_NEAR(whole.north, kMaxMercatorLatitude, 1e-9);
  // Taipei (121.56 E, 25.04 N) is in zoom-8 tile 214/109, 1.40625 degrees wide.
  const GeoBounds t = tile_bounds({8, 214, 109});
  EXPECT_DOUBLE_EQ(t.west, 214 / 256.0 * 360 - 180);
  EXPECT_DOUBLE_EQ(t.east - t.west, 1.40625);
  EXPECT_TRUE(t.contains({121.56, 25.04}));
  // Neighbours share their edges exactly: no crack between two tiles.
  EXPECT_EQ(tile_bounds({8, 214, 110}).north, t.south);
  EXPECT_EQ(tile_bounds({8, 215, 109}).west, t.east);
}

TEST(CityTiles, TheTilesNearAPlaceCoverItsRadiusOnceEach) {
  const LngLat taipei{121.56, 25.04};
  const auto keys = tiles_near(std::span(&taipei, 1), 60, 8);
  ASSERT_FALSE(keys.empty());
  // The 60 km square around Taipei, at its corners and edges, lies in the tiles found.
  const double dlat = 60 / 111.32, dlng = 60 / (111.32 * std::cos(25.04 * M_PI / 180));
  for (const LngLat p : {LngLat{taipei.lng - dlng, taipei.lat - dlat}, LngLat{taipei.lng + dlng, taipei.lat + dlat},
                         LngLat{taipei.lng - dlng, taipei.lat + dlat}, LngLat{taipei.lng + dlng, taipei.lat - dlat}})
    EXPECT_TRUE(std::any_of(keys.begin(), keys.end(), [&](TileKey k) { return tile_bounds(k).contains(p); }))
        << p.lng << " " << p.lat;
  EXPECT_LE(keys.size(), 4u) << "a 120 km square meets at most 2 x 2 tiles of 141 km";
  // Two places in the same tiles: no repeats.
  const LngLat both[] = {taipei, {121.57, 25.05}};
  EXPECT_EQ(tiles_near(both, 60, 8), keys);
  // Across the antimeridian (Fiji's Suva is at 178.4 E; Taveuni reaches 180): tile numbers wrap.
  const LngLat dateline{179.9, -16.8};
  const auto wrapped = tiles_near(std::span(&dateline, 1), 60, 8);
  EXPECT_TRUE(std::any_of(wrapped.begin(), wrapped.end(), [](TileKey k) { return k.x == 0; }));
  EXPECT_TRUE(std::any_of(wrapped.begin(), wrapped.end(), [](TileKey k) { return k.x == 255; }));
}

TEST(CityTiles, ASegmentIsClippedToTheBox) {
  const GeoBounds box{0, 0, 10, 10};
  auto c = clip_segment({-5, 5}, {15, 5}, box);
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->first.lng, 0);
  EXPECT_DOUBLE_EQ(c->second.lng, 10);
  EXPECT_FALSE(clip_segment({-5, -5}, {-1, 20}, box));
  c = clip_segment({2, 2}, {3, 3}, box);  // inside: as it is
  ASSERT_TRUE(c);
  EXPECT_DOUBLE_EQ(c->second.lat, 3);
}

struct Inputs {
  fs::path dir = fs::temp_directory_path() / ("ccap-city-tiles-test-" + std::to_string(::getpid()));
  Inputs() { fs::create_directories(dir); }
  ~Inputs() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

std::string polygon(double w, double s, double e, double n) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]", w, s, e, s, e, n, w, n, w, s);
  return buf;
}
std::string features(const std::vector<std::string>& f) {
  std::string out = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < f.size(); ++i) out += (i ? "," : "") + f[i];
  return out + "]}";
}
std::string feature(const std::string& props, const std::string& geometry) {
  return R"({"type":"Feature","properties":)" + props + R"(,"geometry":)" + geometry + "}";
}

TEST(CityTiles, ATileHoldsItsLandWithoutTheLakesTheCoastButNotItsOwnEdgesBordersAndRivers) {
  // Tile 8/214/109 (120.94-122.34 E, 24.53-25.80 N). Land: its western part, beyond the tile to
  // the west, north and south; a lake inside it; two countries meeting at 121.2 E; a river
  // across, and a lake centre-line (left out).
  Inputs in;
  const TileKey key{8, 214, 109};
  CityTileSources src;
  src.land.path =
      in.write("land.geojson",
               features({feature("{}", R"({"type":"Polygon","coordinates":)" + polygon(119, 23, 121.5, 27) + "}")}));
  src.lakes.path =
      in.write("lakes.geojson", features({feature(R"({"name":"L"})", R"({"type":"Polygon","coordinates":)" +
                                                                         polygon(121.0, 25.0, 121.1, 25.1) + "}")}));
  src.rivers.path = in.write(
      "rivers.geojson", features({feature(R"({"featurecla":"River"})",
                                          R"({"type":"LineString","coordinates":[[120,25.5],[121.4,25.5]]})"),
                                  feature(R"({"featurecla":"Lake Centerline"})",
                                          R"({"type":"LineString","coordinates":[[121.0,25.05],[121.1,25.05]]})")}));
  src.countries.path = in.write(
      "countries.geojson",
      features(
          {feature(R"({"name":"A"})", R"({"type":"Polygon","coordinates":)" + polygon(119, 23, 121.2, 27) + "}"),
           feature(R"({"name":"B"})", R"({"type":"Polygon","coordinates":)" + polygon(121.2, 23, 121.5, 27) + "}")}));
  const auto r = cut_city_tiles(src, std::span(&key, 1));
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.tiles.size(), 1u);
  const Basemap& m = r.tiles[0].map;
  EXPECT_EQ(m.grid, kBasemapMaxGrid);
  ASSERT_EQ(m.levels.size(), 1u);
  const BasemapLevel& l = m.levels[0];
  EXPECT_GT(l.land_indices.size(), 0u);
  // Land area in world units: the tile's part west of 121.5 E, less the lake.
  const auto x_of = [](double lng) { return static_cast<float>(project({lng, 25}).x); };
  double area = 0;
  for (std::size_t i = 0; i < l.land_indices.size(); i += 3) {
    const Vec2f a = l.land_vertices[l.land_indices[i]], b = l.land_vertices[l.land_indices[i + 1]],
                c = l.land_vertices[l.land_indices[i + 2]];
    area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
  }
  const GeoBounds box = tile_bounds(key);
  const WorldPoint nw = project({box.west, box.north}), se = project({121.5, box.south});
  const WorldPoint lake_nw = project({121.0, 25.1}), lake_se = project({121.1, 25.0});
  const double expected = (se.x - nw.x) * (se.y - nw.y) - (lake_se.x - lake_nw.x) * (lake_se.y - lake_nw.y);
  EXPECT_NEAR(area / expected, 1, 1e-3);
  // The coast: the sea edge at 121.5 E and the lake's four shores; never the tile's own edges.
  for (const Segment& s : l.coastlines) {
    const bool sea = std::abs(s.a.x - x_of(121.5)) < 1e-6 && std::abs(s.b.x - x_of(121.5)) < 1e-6;
    const bool lake = s.a.x >= x_of(121.0) - 1e-6 && s.a.x <= x_of(121.1) + 1e-6;
    EXPECT_TRUE(sea || lake) << s.a.x << "," << s.a.y << " - " << s.b.x << "," << s.b.y;
  }
  EXPECT_GE(l.coastlines.size(), 5u);
  // The border at 121.2 E, clipped to the tile's height.
  ASSERT_FALSE(l.borders.empty());
  for (const Segment& s : l.borders) {
    EXPECT_NEAR(s.a.x, x_of(121.2), 1e-6);
    EXPECT_GE(s.a.y, nw.y - 1e-7);
    EXPECT_LE(s.b.y, se.y + 1e-7);
  }
  // The river from the tile's west edge to 121.4 E; the lake centre-line left out.
  ASSERT_EQ(l.rivers.size(), 1u);
  EXPECT_NEAR(std::min(l.rivers[0].a.x, l.rivers[0].b.x), nw.x, 1e-6);
  EXPECT_NEAR(std::max(l.rivers[0].a.x, l.rivers[0].b.x), x_of(121.4), 1e-6);
  // And it survives the file.
  const auto decoded = decode_basemap(encode_basemap(m).bytes);
  ASSERT_TRUE(decoded.map) << decoded.error;
  EXPECT_EQ(decoded.map->levels[0].rivers.size(), 1u);
}

TEST(CityTiles, APolygonGeosCannotTriangulateIsCutThroughItsHoleUntilItCan) {
  // A piece of the marshes by Philadelphia, as the fine coastline has it after clipping and
  // snapping: a box with a small triangular pond. GEOS's constrained triangulation fails on it
  // ("Unable to find a convex corner"); cut through the pond, both halves triangulate.
  Inputs in;
  const std::string ring =
      "[[-74.42674,39.54338],[-74.42116,39.54338],[-74.42116,39.53424],[-74.42674,39.53424],"
      "[-74.42674,39.54338]]";
  const std::string pond = "[[-74.42215,39.5405],[-74.42173,39.54068],[-74.4246,39.5417],[-74.42215,39.5405]]";
  CityTileSources src;
  src.land.path = in.write(
      "land.geojson", features({feature("{}", R"({"type":"Polygon","coordinates":[)" + ring + "," + pond + "]}")}));
  src.lakes.path = src.rivers.path = in.write("empty.geojson", features({}));
  src.countries.path = in.write(  // one country, far away: no border here
      "countries.geojson",
      features({feature("{}", R"({"type":"Polygon","coordinates":)" + polygon(0, 0, 1, 1) + "}")}));
  const LngLat at{-74.424, 39.54};
  const auto keys = tiles_near(std::span(&at, 1), 1, 8);
  ASSERT_EQ(keys.size(), 1u);
  const auto r = cut_city_tiles(src, keys);
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  const BasemapLevel& l = r.tiles.at(0).map.levels.at(0);
  double area = 0;
  for (std::size_t i = 0; i < l.land_indices.size(); i += 3) {
    const Vec2f a = l.land_vertices[l.land_indices[i]], b = l.land_vertices[l.land_indices[i + 1]],
                c = l.land_vertices[l.land_indices[i + 2]];
    area += std::abs((double{b.x} - a.x) * (double{c.y} - a.y) - (double{c.x} - a.x) * (double{b.y} - a.y)) / 2;
  }
  const auto w = [](double lng, double lat) { return project({lng, lat}); };
  const WorldPoint nw = w(-74.42674, 39.54338), se = w(-74.42116, 39.53424);
  const WorldPoint p0 = w(-74.42215, 39.5405), p1 = w(-74.42173, 39.54068), p2 = w(-74.4246, 39.5417);
  const double pond_area = std::abs((p1.x - p0.x) * (p2.y - p0.y) - (p2.x - p0.x) * (p1.y - p0.y)) / 2;
  EXPECT_NEAR(area / ((se.x - nw.x) * (se.y - nw.y) - pond_area), 1, 2e-3) << "the box less its pond, no more";
}

TEST(CityTiles, ABrokenSourceIsNamedAndNoTileIsMade) {
  Inputs in;
  const TileKey key{8, 214, 109};
  CityTileSources src;
  src.land.path = in.write("land.geojson", R"({"type":"FeatureCollection","features":[)");  // cut short
  src.lakes.path = src.rivers.path = src.countries.path = in.write("empty.geojson", features({}));
  const auto r = cut_city_tiles(src, std::span(&key, 1));
  EXPECT_TRUE(r.tiles.empty());
  ASSERT_FALSE(r.errors.empty());
  EXPECT_NE(r.errors.front().find("land.geojson"), std::string::npos) << r.errors.front();
}

TEST(CityPlaces, PlacesInTheTilesButNeverAPartnerCity) {
  Inputs in;
  const TileKey key{8, 214, 109};
  const std::string path = in.write(
      "places.geojson",
      features({feature(R"({"NAME":"Keelung","SCALERANK":7,"min_zoom":6.7,"POP_MAX":500000,"GEONAMEID":1678228})",
                        R"({"type":"Point","coordinates":[121.74,25.13]})"),
                feature(R"({"NAME":"Taipei","SCALERANK":1,"min_zoom":3.7,"POP_MAX":6900273,"GEONAMEID":1668341})",
                        R"({"type":"Point","coordinates":[121.52,25.04]})"),
                feature(R"({"NAME":"New Taipei","SCALERANK":5,"min_zoom":5.7,"POP_MAX":3893740,"GEONAMEID":1665148})",
                        R"({"type":"Point","coordinates":[121.47,25.01]})"),
                feature(R"({"NAME":"Manila","SCALERANK":0,"min_zoom":2,"POP_MAX":1,"GEONAMEID":1})",
                        R"({"type":"Point","coordinates":[120.98,14.6]})")}));
  const PartnerPlace taipei{{121.5319, 25.0478}, 1668341};
  SourceRef ref;
  ref.path = path;
  const auto r = read_city_places(ref, std::span(&key, 1), std::span(&taipei, 1));
  ASSERT_TRUE(r.errors.empty()) << r.errors.front();
  ASSERT_EQ(r.places.size(), 2u) << "Taipei is the partner city's own label; Manila is in no tile";
  EXPECT_EQ(r.places[0].name, "New Taipei");  // by rank
  EXPECT_EQ(r.places[1].name, "Keelung");
  EXPECT_DOUBLE_EQ(r.places[1].min_zoom, 6.7);
}

}  // namespace
}  // namespace ccap::pipeline
