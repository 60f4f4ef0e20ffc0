#include "features/citymap/model/city_tile_index.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

const char* kIndex = R"({"format": 1, "attribution": "Coast: © OpenStreetMap contributors", "places": "places.json",
  "tiles": [
    {"file": "8-214-109.ccapmap", "z": 8, "x": 214, "y": 109, "bytes": 4567, "fnv1a64": "3daa331682f8d4df"},
    {"file": "8-40-98.ccapmap", "z": 8, "x": 40, "y": 98, "bytes": 2409, "fnv1a64": "4ba69c6965d814c7"}]})";

TEST(CityTileIndex, ReadsTheTilesTheirChecksumsAndTheCredit) {
  const CityTileIndex i = read_city_tile_index(kIndex, "tiles/index.json");
  EXPECT_TRUE(i.problems.empty()) << i.problems.front();
  ASSERT_EQ(i.tiles.size(), 2u);
  EXPECT_EQ(i.tiles[0].file, "8-214-109.ccapmap");
  EXPECT_EQ(i.tiles[0].fnv1a64, 0x3daa331682f8d4dfull);
  EXPECT_EQ(i.tiles[1].bytes, 2409u);
  EXPECT_EQ(i.places_file, "places.json");
  EXPECT_EQ(i.attribution, "Coast: © OpenStreetMap contributors");
  EXPECT_DOUBLE_EQ(i.tiles[0].world_west(), 214.0 / 256);
  EXPECT_DOUBLE_EQ(i.tiles[0].world_size(), 1.0 / 256);
}

TEST(CityTileIndex, ABadEntryIsNamedAndLeftOutTheRestKept) {
  const CityTileIndex i = read_city_tile_index(R"({"format": 1, "attribution": "a", "tiles": [
    {"file": "../../etc/passwd.ccapmap", "z": 8, "x": 1, "y": 1, "bytes": 10, "fnv1a64": "0000000000000001"},
    {"file": "8-1-1.ccapmap", "z": 8, "x": 256, "y": 1, "bytes": 10, "fnv1a64": "0000000000000001"},
    {"file": "8-1-2.ccapmap", "z": 8, "x": 1, "y": 2, "bytes": 10, "fnv1a64": "-000000000000001"},
    {"file": "8-1-3.ccapmap", "z": 8, "x": 1, "y": 3, "bytes": 10, "fnv1a64": "00000000000000ff"}]})",
                                               "tiles/index.json");
  ASSERT_EQ(i.tiles.size(), 1u);
  EXPECT_EQ(i.tiles[0].file, "8-1-3.ccapmap");
  ASSERT_EQ(i.problems.size(), 3u);
  EXPECT_NE(i.problems[0].find("/tiles/0/file"), std::string::npos) << i.problems[0];
  EXPECT_NE(i.problems[1].find("/tiles/1/x"), std::string::npos) << i.problems[1];
  EXPECT_NE(i.problems[2].find("/tiles/2/fnv1a64: is not 16 hexadecimal digits"), std::string::npos) << i.problems[2];
}

TEST(CityTileIndex, AnotherFormatOrNoJsonIsAProblemNotACrash) {
  EXPECT_EQ(read_city_tile_index(R"({"format": 2, "attribution": "a", "tiles": []})", "x").problems.size(), 1u);
  EXPECT_EQ(read_city_tile_index("{\"format\": 1, \"tiles\": [", "x").tiles.size(), 0u);
  EXPECT_FALSE(read_city_tile_index("", "x").problems.empty());
}

}  // namespace
}  // namespace ccap
