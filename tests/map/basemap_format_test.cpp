#include "map/basemap_format.h"
#include "base/binary_io.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

namespace ccap {
namespace {

Basemap sample() {
  Basemap m;
  m.bounds = {-180, -85, 180, 85};
  BasemapLevel coarse;
  coarse.min_zoom = 0;
  coarse.land_vertices = {{0.1f, 0.2f}, {0.3f, 0.2f}, {0.2f, 0.4f}, {1.05f, 0.5f}};
  coarse.land_indices = {0, 1, 2, 1, 3, 2};
  coarse.coastlines = {{{0.1f, 0.2f}, {0.3f, 0.2f}}};
  coarse.borders = {{{0.3f, 0.2f}, {0.2f, 0.4f}}, {{0.2f, 0.4f}, {0.1f, 0.2f}}};
  BasemapLevel fine = coarse;
  fine.min_zoom = 3;
  fine.land_vertices.push_back({0.5f, 0.5f});
  m.levels = {coarse, fine};
  return m;
}

std::string decode_error(const std::vector<std::uint8_t>& bytes) {
  const auto r = decode_basemap(bytes);
  EXPECT_FALSE(r.map) << "should have been rejected";
  return r.error;
}

// Rewrites the checksum after a deliberate edit to the payload, so the checks behind it run.
void reseal(std::vector<std::uint8_t>& bytes) {
  const std::uint64_t sum = fnv1a64(std::span(bytes).subspan(kBasemapHeaderSize));
  std::memcpy(bytes.data() + 56, &sum, sizeof sum);
}

}  // namespace

TEST(BasemapFormat, RoundTrips) {
  const Basemap m = sample();
  const auto bytes = encode_basemap(m);
  const auto r = decode_basemap(bytes);
  ASSERT_TRUE(r.map) << r.error;
  EXPECT_EQ(r.map->levels, m.levels);
  EXPECT_EQ(r.map->bounds.west, -180);
  EXPECT_EQ(r.map->bounds.north, 85);
}

TEST(BasemapFormat, RejectsEveryTruncation) {
  const auto bytes = encode_basemap(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    const std::vector<std::uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(n));
    EXPECT_FALSE(decode_basemap(cut).map) << "accepted a file cut to " << n << " bytes";
  }
  EXPECT_NE(decode_error({bytes.begin(), bytes.begin() + 10}).find("too short"), std::string::npos);
  EXPECT_NE(decode_error({bytes.begin(), bytes.end() - 1}).find("truncated"), std::string::npos);
}

TEST(BasemapFormat, RejectsEverySingleBitFlipInThePayload) {
  const auto bytes = encode_basemap(sample());
  for (std::size_t i = kBasemapHeaderSize; i < bytes.size(); ++i) {
    auto bad = bytes;
    bad[i] ^= 0x10;
    EXPECT_EQ(decode_error(bad), "checksum mismatch (corrupted file)") << "byte " << i;
  }
}

TEST(BasemapFormat, NamesWhatIsWrongInTheHeader) {
  auto bytes = encode_basemap(sample());
  auto bad = bytes;
  bad[0] = 'X';
  EXPECT_EQ(decode_error(bad), "not a .ccapmap file (bad magic)");
  bad = bytes;
  bad[8] = 9;  // version
  EXPECT_NE(decode_error(bad).find("version 9 is not supported"), std::string::npos);
  bad = bytes;
  bad[12] = 0;  // level count
  EXPECT_NE(decode_error(bad).find("level count 0"), std::string::npos);
  bytes.push_back(0);
  EXPECT_NE(decode_error(bytes).find("padded"), std::string::npos);
}

TEST(BasemapFormat, ChecksContentsBehindAValidChecksum) {
  Basemap m = sample();
  m.levels[0].land_indices[4] = 99;  // past the 4 vertices
  auto bytes = encode_basemap(m);
  EXPECT_NE(decode_error(bytes).find("level 0: land index 99 is out of range"), std::string::npos);

  m = sample();
  m.levels[1].coastlines[0].b.y = NAN;
  EXPECT_NE(decode_error(encode_basemap(m)).find("level 1: a line segment is not finite"), std::string::npos);

  m = sample();
  m.levels[1].min_zoom = 0;
  EXPECT_NE(decode_error(encode_basemap(m)).find("not ascending"), std::string::npos);

  // A count that claims more than the payload holds.
  bytes = encode_basemap(sample());
  const std::uint32_t huge = 0x7fffffff;
  std::memcpy(bytes.data() + kBasemapHeaderSize + 4, &huge, 4);
  reseal(bytes);
  EXPECT_NE(decode_error(bytes).find("run past the end"), std::string::npos);
}

TEST(LevelBlend, PicksLevelsAndCrossFadesBelowTheNext) {
  const auto levels = min_zooms(sample());  // 0 and 3
  auto b = level_blend(levels, 1.0, 0.5);
  EXPECT_EQ(b.level, 0u);
  EXPECT_EQ(b.next, 0u);
  b = level_blend(levels, 2.75, 0.5);
  EXPECT_EQ(b.level, 0u);
  EXPECT_EQ(b.next, 1u);
  EXPECT_FLOAT_EQ(b.t, 0.5f);
  b = level_blend(levels, 3.0, 0.5);
  EXPECT_EQ(b.level, 1u);
  EXPECT_EQ(b.next, 1u);
  b = level_blend(levels, -2.0, 0.5);
  EXPECT_EQ(b.level, 0u);
}

}  // namespace ccap
