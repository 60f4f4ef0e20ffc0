// Station points from GeoJSON, CSV and GeoPackage (made here with ogr2ogr, also reprojected).
#include "pipeline/airquality/station_points.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace ccap::airquality {
namespace {

namespace fs = std::filesystem;

// One folder per test and process: ctest runs these tests in parallel.
struct TempDir {
  fs::path path =
      fs::temp_directory_path() /
      ("ccap-station-points-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
       std::to_string(::getpid()));
  TempDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string file(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

const char* kGeoJson = R"({"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"siteid": "28", "sitename": "Fengyuan", "operator": "MOENV, Taiwan",
                 "licence": "OGDL 1.0", "source_url": "https://data.moenv.gov.tw/", "city": "taichung"},
   "geometry": {"type": "Point", "coordinates": [120.741711, 24.256586]}},
  {"type": "Feature", "properties": {"siteid": "29", "sitename": "Shalu"},
   "geometry": {"type": "Point", "coordinates": [120.568794, 24.225628]}},
  {"type": "Feature", "properties": {"name": "A district"},
   "geometry": {"type": "Polygon", "coordinates": [[[120, 24], [121, 24], [121, 25], [120, 24]]]}},
  {"type": "Feature", "properties": {"name": "Off the map"},
   "geometry": {"type": "Point", "coordinates": [120.5, 95]}}
]})";

}  // namespace

TEST(StationPoints, GeoJsonPointsWithTheirIdsAndNamesAndEveryProblemNamed) {
  TempDir dir;
  const auto r = read_station_points(dir.file("stations.geojson", kGeoJson), "MOENV");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  ASSERT_EQ(r.stations.size(), 2u);
  EXPECT_EQ(r.stations[0].id, "28");
  EXPECT_EQ(r.stations[0].name, "Fengyuan");
  EXPECT_EQ(r.stations[0].source, "MOENV");
  EXPECT_DOUBLE_EQ(r.stations[0].where.lng, 120.741711);
  EXPECT_EQ(r.stations[0].operator_name, "MOENV, Taiwan");
  EXPECT_EQ(r.stations[0].licence, "OGDL 1.0");
  EXPECT_EQ(r.stations[0].url, "https://data.moenv.gov.tw/");
  EXPECT_EQ(r.stations[0].city, "taichung");
  EXPECT_TRUE(r.stations[1].operator_name.empty()) << "optional attributes stay empty when absent";
  ASSERT_EQ(r.problems.size(), 2u);
  EXPECT_NE(r.problems[0].find("feature 2: not a point"), std::string::npos) << r.problems[0];
  EXPECT_NE(r.problems[1].find("feature 3: impossible coordinates"), std::string::npos) << r.problems[1];
}

TEST(StationPoints, CsvWithLatitudeAndLongitudeColumns) {
  TempDir dir;
  const auto r = read_station_points(
      dir.file("stations.csv",
               "station_id,station_name,lat,lon\n10t,Bang Na,13.666,100.605\n11t,Din Daeng,13.765,100.555\n"),
      "air4thai");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  ASSERT_EQ(r.stations.size(), 2u);
  EXPECT_EQ(r.stations[1].id, "11t");
  EXPECT_EQ(r.stations[1].name, "Din Daeng");
  EXPECT_DOUBLE_EQ(r.stations[1].where.lat, 13.765);
}

TEST(StationPoints, AGeoPackageInAnotherProjectionComesBackInWgs84) {
  TempDir dir;
  const std::string geojson = dir.file("stations.geojson", kGeoJson);
  const std::string gpkg = (dir.path / "stations.gpkg").string();
  const std::string cmd =
      "ogr2ogr -f GPKG -t_srs EPSG:3857 -where \"sitename IS NOT NULL\" " + gpkg + " " + geojson + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << "ogr2ogr (gdal-bin) made the fixture";
  const auto r = read_station_points(gpkg, "test");
  ASSERT_TRUE(r.fatal.empty()) << r.fatal;
  ASSERT_EQ(r.stations.size(), 2u);
  EXPECT_NEAR(r.stations[0].where.lng, 120.741711, 1e-6);
  EXPECT_NEAR(r.stations[0].where.lat, 24.256586, 1e-6);
}

TEST(StationPoints, UnreadableOrEmptyFilesAreFatal) {
  TempDir dir;
  // A GeoJSON file that is not JSON: the place where the text stops being JSON is named.
  const std::string junk = read_station_points(dir.file("junk.geojson", "{ not json"), "x").fatal;
  EXPECT_NE(junk.find("junk.geojson: cannot be read: not valid JSON at line 1, column 4"), std::string::npos) << junk;
  EXPECT_NE(read_station_points((dir.path / "missing.gpkg").string(), "x").fatal.find("cannot be read"),
            std::string::npos);
  EXPECT_NE(read_station_points(dir.file("empty.geojson", R"({"type": "FeatureCollection", "features": []})"), "x")
                .fatal.find("has no features"),
            std::string::npos);
}

}  // namespace ccap::airquality
