// The pipeline on small fixture files written for the purpose (tests/pipeline/fixtures).
#include "pipeline/basemap_builder.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <zlib.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "map/basemap_format.h"
#include "test_paths.h"

namespace ccap::pipeline {
namespace {

std::string fixture(const std::string& name) { return std::string(CCAP_FIXTURES) + "/" + name; }

LevelSpec level(float zoom, const std::string& land, const std::string& countries) {
  return {zoom, SourceRef::parse(fixture(land)), SourceRef::parse(fixture(countries))};
}

double mesh_area(const BasemapLevel& l) {
  double area = 0;
  for (std::size_t i = 0; i < l.land_indices.size(); i += 3) {
    const Vec2f a = l.land_vertices[l.land_indices[i]], b = l.land_vertices[l.land_indices[i + 1]],
                c = l.land_vertices[l.land_indices[i + 2]];
    area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2;
  }
  return area;
}

std::string all_errors(const BuildResult& r) {
  std::string out;
  for (const auto& e : r.errors) out += e + "\n";
  return out;
}

// The file's promise: decode(encode(map)) is the map on the grid (each coordinate within half a
// unit, the same segments in the same order, the same triangles), and it encodes to the same bytes.
void expect_round_trip(const Basemap& map) {
  const auto encoded = encode_basemap(map);
  ASSERT_EQ(encoded.error, "");
  const auto decoded = decode_basemap(encoded.bytes);
  ASSERT_TRUE(decoded.map) << decoded.error;
  const Basemap snapped = snapped_to_grid(map);
  const double half = 0.5 / kBasemapUnitsPerWorld + 4e-7;  // half a unit, and float rounding at |x| < 2
  const auto near = [&](Vec2f a, Vec2f b) { return std::abs(a.x - b.x) <= half && std::abs(a.y - b.y) <= half; };
  ASSERT_EQ(decoded.map->levels.size(), map.levels.size());
  for (std::size_t i = 0; i < map.levels.size(); ++i) {
    const BasemapLevel &got = decoded.map->levels[i], &original = map.levels[i];
    EXPECT_EQ(got.land_vertices, snapped.levels[i].land_vertices);
    EXPECT_EQ(got.coastlines, snapped.levels[i].coastlines);
    EXPECT_EQ(got.borders, snapped.levels[i].borders);
    EXPECT_TRUE(same_triangles(got.land_indices, original.land_indices)) << "level " << i;
    std::size_t far = 0;
    for (std::size_t k = 0; k < got.land_vertices.size(); ++k)
      far += !near(got.land_vertices[k], original.land_vertices[k]);
    for (const auto& [decoded_lines, original_lines] :
         {std::pair{&got.coastlines, &original.coastlines}, std::pair{&got.borders, &original.borders}})
      for (std::size_t k = 0; k < decoded_lines->size(); ++k)
        far += !near((*decoded_lines)[k].a, (*original_lines)[k].a) ||
               !near((*decoded_lines)[k].b, (*original_lines)[k].b);
    EXPECT_EQ(far, 0u) << "level " << i << ": coordinates moved by more than half a grid unit";
  }
  EXPECT_EQ(encode_basemap(*decoded.map).bytes, encoded.bytes);
}

std::size_t gzip9_size(const std::vector<std::uint8_t>& bytes) {
  uLongf size = compressBound(static_cast<uLong>(bytes.size()));
  std::vector<Bytef> out(size);
  EXPECT_EQ(compress2(out.data(), &size, bytes.data(), static_cast<uLong>(bytes.size()), 9), Z_OK);
  return size + 18 - 6;  // gzip's header and trailer instead of zlib's
}

}  // namespace

TEST(BasemapBuilder, APolygonAcrossTheAntimeridianStaysOneSmallPiece) {
  const auto r = build_basemap({level(0, "land_crossing.geojson", "countries_antimeridian.geojson")});
  ASSERT_TRUE(r.map) << all_errors(r);
  const BasemapLevel& l = r.map->levels[0];
  ASSERT_FALSE(l.land_indices.empty());
  // 170°E .. 190°E in world x: no vertex anywhere else (a streak would reach across the world).
  for (const Vec2f& v : l.land_vertices) {
    EXPECT_GE(v.x, (170 + 180) / 360.0f - 1e-6f);
    EXPECT_LE(v.x, (190 + 180) / 360.0f + 1e-6f);
  }
  // Its area is the box's: nothing missing, nothing doubled, no slivers.
  const double width = 20.0 / 360, height = project({0, -10}).y - project({0, 10}).y;
  EXPECT_NEAR(mesh_area(l), width * height, 1e-6);
}

TEST(BasemapBuilder, CountriesCutAt180HaveNoSeamAndBordersAreShared) {
  const auto r = build_basemap({level(0, "land_crossing.geojson", "countries_antimeridian.geojson")});
  ASSERT_TRUE(r.map) << all_errors(r);
  const BasemapLevel& l = r.map->levels[0];
  // A|C share 170°E; A and B meet only along the cut. D crosses without a cut: 4 edges.
  EXPECT_EQ(l.borders.size(), 1u);
  EXPECT_EQ(l.coastlines.size(), 2u + 3u + 3u + 4u);
  const float x180 = 1.0f;
  for (const auto* lines : {&l.coastlines, &l.borders}) {
    for (const Segment& s : *lines) {
      EXPECT_LT(std::abs(s.b.x - s.a.x), 0.1f) << "a segment spans the world";
      const bool on_seam = std::abs(s.a.x - x180) < 1e-6f && std::abs(s.b.x - x180) < 1e-6f;
      const bool on_seam_west = std::abs(s.a.x) < 1e-6f && std::abs(s.b.x) < 1e-6f;
      EXPECT_FALSE(on_seam || on_seam_west) << "the cut at 180° was drawn as coast";
    }
  }
  EXPECT_EQ(r.stats[0].countries, 4u);
}

TEST(BasemapBuilder, LandVerticesComeRingByRingAndTheFileRoundTrips) {
  const auto r = build_basemap({level(0, "land_hole.geojson", "countries_antimeridian.geojson"),
                                level(2, "land_crossing.geojson", "countries_antimeridian.geojson")});
  ASSERT_TRUE(r.map) << all_errors(r);
  // The donut: 4 + 4 vertices, each ring in order, so that consecutive vertices (but the seam
  // between the rings) are joined by a triangle's edge.
  const BasemapLevel& donut = r.map->levels[0];
  ASSERT_EQ(donut.land_vertices.size(), 8u);
  std::set<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::size_t t = 0; t < donut.land_indices.size(); t += 3)
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t a = donut.land_indices[t + k], b = donut.land_indices[t + (k + 1) % 3];
      edges.insert({std::min(a, b), std::max(a, b)});
    }
  int joined = 0;
  for (std::uint32_t i = 0; i + 1 < 8; ++i) joined += edges.count({i, i + 1}) > 0;
  EXPECT_GE(joined, 6);
  // The antimeridian fixtures: land continuous beyond x = 1, coastlines where the source has them.
  expect_round_trip(*r.map);
}

TEST(BasemapBuilder, PolarRingsAreClippedToTheMercatorLimit) {
  const auto r = build_basemap({level(0, "land_polar.geojson", "countries_antimeridian.geojson")});
  ASSERT_TRUE(r.map) << all_errors(r);
  const BasemapLevel& l = r.map->levels[0];
  ASSERT_FALSE(l.land_indices.empty());
  for (const Vec2f& v : l.land_vertices) {
    EXPECT_LE(v.y, 1.0f + 1e-6f);
    EXPECT_GE(v.x, -1e-6f);
    EXPECT_LE(v.x, 1.0f + 1e-6f);
  }
}

TEST(BasemapBuilder, HolesStayHolesAndBowTiesAreRepaired) {
  auto r = build_basemap({level(0, "land_hole.geojson", "countries_antimeridian.geojson")});
  ASSERT_TRUE(r.map) << all_errors(r);
  const double outer = (20.0 / 360) * (project({0, 0}).y - project({0, 20}).y);
  const double hole = (10.0 / 360) * (project({0, 5}).y - project({0, 15}).y);
  EXPECT_NEAR(mesh_area(r.map->levels[0]), outer - hole, 1e-6);

  r = build_basemap({level(0, "land_bowtie.geojson", "countries_antimeridian.geojson")});
  ASSERT_TRUE(r.map) << all_errors(r);
  EXPECT_EQ(r.stats[0].repaired_polygons, 1u);
  EXPECT_GT(mesh_area(r.map->levels[0]), 0);
}

TEST(BasemapBuilder, BadInputIsReportedWithFileFeatureAndReason) {
  struct Case {
    const char* file;
    const char* expected;
  };
  const Case cases[] = {
      {"broken_nan.geojson", "broken_nan.geojson: feature 0 (nan): a coordinate is not a finite number"},
      {"broken_latitude.geojson", "broken_latitude.geojson: feature 0 (too_far_north): latitude 95"},
      {"broken_point.geojson", "broken_point.geojson: feature 0 (a_point): geometry is Point, not a polygon"},
      {"broken_null_geometry.geojson", "broken_null_geometry.geojson: feature 0 (nothing): has no geometry"},
      {"broken_empty.geojson", "broken_empty.geojson: has no features"},
      {"broken_truncated.geojson", "broken_truncated.geojson: cannot be read: not valid JSON at line 1, column 114"},
      {"does_not_exist.geojson", "does_not_exist.geojson: cannot be read as a vector data set"},
      {"land_crossing.geojson#rivers",
       "land_crossing.geojson (layer rivers): has no layer 'rivers' (it has: land_crossing)"},
  };
  for (const Case& c : cases) {
    const auto r = build_basemap({level(0, c.file, "countries_antimeridian.geojson")});
    EXPECT_FALSE(r.map) << c.file;
    EXPECT_NE(all_errors(r).find(c.expected), std::string::npos) << "for " << c.file << " got:\n" << all_errors(r);
  }
}

TEST(BasemapBuilder, LevelsMustAscend) {
  const auto r = build_basemap({level(3, "land_hole.geojson", "countries_antimeridian.geojson"),
                                level(1, "land_hole.geojson", "countries_antimeridian.geojson")});
  EXPECT_FALSE(r.map);
  EXPECT_NE(all_errors(r).find("level 1: min zoom 1.000000 is not above the previous level's"), std::string::npos)
      << all_errors(r);
  EXPECT_FALSE(build_basemap({}).map);
}

// Natural Earth 1:110m and 1:50m as the build makes them: the file round-trips within the grid and
// keeps to its share of the download budget (docs/performance.md).
TEST(BasemapFile, TheRealMapRoundTripsAndStaysSmall) {
  const std::string w = CCAP_WORLD_ATLAS;
  const auto r = build_basemap(
      {{0, SourceRef::parse(w + "/land-110m.json#land"), SourceRef::parse(w + "/countries-110m.json#countries")},
       {3, SourceRef::parse(w + "/land-50m.json#land"), SourceRef::parse(w + "/countries-50m.json#countries")}});
  ASSERT_TRUE(r.map) << all_errors(r);
  expect_round_trip(*r.map);
  const auto bytes = encode_basemap(*r.map).bytes;
  EXPECT_LT(bytes.size(), 450'000u);
  EXPECT_LT(gzip9_size(bytes), 300'000u) << "the basemap outgrew its share of the first-frame download";
}

// The command-line tool: nothing is written when anything is wrong, and a good run round-trips.
TEST(GeodataTool, WritesNothingOnErrorAndAValidFileOnSuccess) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("ccap-geodata-tool-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string out = (dir / "basemap.ccapmap").string();
  const std::string tool = CCAP_GEODATA_TOOL;
  auto run = [&](const std::string& land) {
    const std::string cmd = tool + " basemap --out " + out + " --level 0 --land " + fixture("land_hole.geojson") +
                            " --countries " + fixture("countries_antimeridian.geojson") + " --level 3 --land " +
                            fixture(land) + " --countries " + fixture("countries_antimeridian.geojson") + " > " +
                            (dir / "log.txt").string() + " 2>&1";
    return std::system(cmd.c_str());
  };
  EXPECT_NE(run("broken_nan.geojson"), 0);
  EXPECT_FALSE(fs::exists(out)) << "partial output was written";

  ASSERT_EQ(run("land_crossing.geojson"), 0);
  std::ifstream in(out, std::ios::binary);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
  const auto decoded = decode_basemap(bytes);
  ASSERT_TRUE(decoded.map) << decoded.error;
  EXPECT_EQ(decoded.map->levels.size(), 2u);

  // A failed run leaves the previous good file as it was.
  const auto before = fs::last_write_time(out);
  EXPECT_NE(run("broken_point.geojson"), 0);
  EXPECT_EQ(fs::last_write_time(out), before);
  for (const auto& entry : fs::directory_iterator(dir))
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << "temporary file left behind";
  fs::remove_all(dir);
}

}  // namespace ccap::pipeline
