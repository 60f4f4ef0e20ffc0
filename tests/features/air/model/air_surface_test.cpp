#include "features/air/model/air_surface.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ccap {

TEST(StationIndex, FindsExactlyTheStationsWithinReach) {
  const std::vector<LngLat> where{{100.50, 13.75}, {100.60, 13.80}, {100.95, 13.75}, {179.95, 0}, {-179.95, 0}};
  StationIndex index;
  index.build(where);
  std::vector<std::uint32_t> found;
  index.for_each_within({100.52, 13.76}, 20'000, [&](std::uint32_t s, double d2) {
    EXPECT_NEAR(std::sqrt(d2), distance_meters({100.52, 13.76}, where[s]), 0.01) << "squared great-circle metres";
  });
  index.for_each_within({100.52, 13.76}, 20'000, [&](std::uint32_t s, double) { found.push_back(s); });
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::uint32_t>{0, 1})) << "the third is ~46 km away";
  found.clear();
  index.for_each_within({180, 0}, 10'000, [&](std::uint32_t s, double) { found.push_back(s); });
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::uint32_t>{3, 4})) << "both sides of the antimeridian";
}

TEST(StationIndex, NearestIsTheKClosestUsableStationsInOrder) {
  std::vector<LngLat> where;
  for (int i = 0; i < 400; ++i)
    where.push_back({100 + (i % 20) * 0.01, 14 + (i / 20) * 0.01});  // a 20 x 20 grid, ~1 km apart
  StationIndex index;
  index.build(where);
  const LngLat at{100.093, 14.107};
  std::vector<std::pair<double, std::uint32_t>> got;
  index.nearest(
      at, 5, 30'000, [](std::uint32_t s) { return s != 210; }, got);
  ASSERT_EQ(got.size(), 5u);
  std::vector<std::pair<double, std::uint32_t>> all;
  for (std::uint32_t s = 0; s < where.size(); ++s)
    if (s != 210) all.push_back({distance_meters(at, where[s]), s});
  std::sort(all.begin(), all.end());
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(got[i].second, all[i].second) << i;
    EXPECT_NEAR(std::sqrt(got[i].first), all[i].first, 0.01);
  }
  index.nearest(
      at, 5, 500, [](std::uint32_t) { return true; }, got);
  EXPECT_EQ(got.size(), 1u) << "only one station within 500 m";
  index.nearest(
      {-60, -30}, 5, 30'000, [](std::uint32_t) { return true; }, got);
  EXPECT_TRUE(got.empty());
}

TEST(AirSurface, SamplesMatchIdwAtTheirCentresAndNothingFarFromStations) {
  // Two stations in Bangkok, the view around them at zoom 10.
  const std::vector<LngLat> where{{100.50, 13.75}, {100.60, 13.80}};
  const std::vector<float> values{20, 60};
  StationIndex index;
  index.build(where);
  MapCamera camera;
  camera.set_viewport(400, 300);
  camera.set_zoom(10);
  camera.set_center_lnglat({100.55, 13.77});
  SurfaceSettings settings;
  settings.step_px = 10;
  const SurfaceGrid g = compute_surface(camera, index, values, settings);
  ASSERT_EQ(g.cols, 41);
  ASSERT_EQ(g.rows, 31);
  const std::vector<StationValue> sv{{where[0], 20}, {where[1], 60}};
  int checked = 0;
  for (int row = 0; row < g.rows; row += 5)
    for (int col = 0; col < g.cols; col += 5) {
      const LngLat at = camera.screen_to_lnglat({(col + 0.5) * 10, (row + 0.5) * 10});
      const auto i = static_cast<std::size_t>((row * g.cols + col) * 2);
      const double expected = *idw_estimate(sv, at, settings.idw);
      ASSERT_GT(g.texels[i + 1], 0.99f) << "within 15 km of a station: full coverage";
      EXPECT_NEAR(g.texels[i] / g.texels[i + 1], expected, expected * 0.005) << row << "," << col;
      ++checked;
    }
  EXPECT_GT(checked, 40);
  EXPECT_EQ(g.first_col, 0);
  EXPECT_EQ(g.last_col, g.cols - 1);
  EXPECT_EQ(g.last_row, g.rows - 1);
  // Over the Gulf of Thailand, 100 km south: nothing.
  camera.set_center_lnglat({100.55, 12.8});
  const SurfaceGrid sea = compute_surface(camera, index, values, settings);
  EXPECT_EQ(sea.covered, 0u);
}

TEST(AirSurface, ASampleWeighsOnlyItsNearestStations) {
  // 30 stations on a line east of the view's centre, 1 km apart, valued by their distance.
  std::vector<LngLat> where;
  std::vector<float> values;
  std::vector<StationValue> nearest16;
  for (int i = 1; i <= 30; ++i) {
    where.push_back({100 + i * 0.00927, 14});
    values.push_back(static_cast<float>(i));
    if (i <= 16) nearest16.push_back({where.back(), static_cast<double>(i)});
  }
  StationIndex index;
  index.build(where);
  MapCamera camera;
  camera.set_viewport(100, 100);
  camera.set_zoom(10);
  camera.set_center_lnglat({100, 14});
  SurfaceSettings settings;
  settings.step_px = 100;  // one sample at (50, 50): the centre
  const SurfaceGrid g = compute_surface(camera, index, values, settings);
  // Their weights end at the 17th station's distance (idw.h).
  const LngLat centre = camera.screen_to_lnglat({50, 50});
  IdwSettings to_17th = settings.idw;
  to_17th.max_distance_m = distance_meters(centre, where[16]);
  const double expected = *idw_estimate(nearest16, centre, to_17th);
  EXPECT_NEAR(g.texels[0] / g.texels[1], expected, expected * 1e-4) << "IDW over the 16 nearest";
  std::vector<StationValue> all;
  for (std::size_t i = 0; i < where.size(); ++i) all.push_back({where[i], values[i]});
  EXPECT_GT(std::abs(*idw_estimate(all, centre, settings.idw) - expected), 0.1)
      << "and that differs from weighing all 30 up to the reach";
}

TEST(AirSurface, CoverageFadesToZeroAtTheReachAndMissingReadingsAreLeftOut) {
  const std::vector<LngLat> where{{0, 0}, {0.001, 0}};
  StationIndex index;
  index.build(where);
  MapCamera camera;
  camera.set_viewport(1000, 10);
  camera.set_zoom(8);  // ~0.6 km per px at the equator: the view spans ~600 km
  camera.set_center_lnglat({0, 0});
  SurfaceSettings settings;
  settings.step_px = 4;
  const std::vector<float> values{30, NAN};
  const SurfaceGrid g = compute_surface(camera, index, values, settings);
  float last_coverage = 2;
  bool faded = false;
  for (int col = g.cols / 2; col < g.cols; ++col) {  // eastwards from the stations
    const LngLat at = camera.screen_to_lnglat({(col + 0.5) * 4, 5});
    const double d = distance_meters(at, where[0]);
    const float c = g.texels[static_cast<std::size_t>((1 * g.cols + col) * 2 + 1)];
    EXPECT_LE(c, last_coverage + 1e-6f) << "coverage never grows away from the station";
    last_coverage = c;
    if (d < 0.6 * 30'000) {
      EXPECT_FLOAT_EQ(c, 1);
    }
    if (d > 30'000) {
      EXPECT_EQ(c, 0);
    }
    if (d > 0.7 * 30'000 && d < 0.9 * 30'000) faded = faded || (c > 0 && c < 1);
    if (c > 0) {
      EXPECT_NEAR(g.texels[static_cast<std::size_t>((1 * g.cols + col) * 2)] / c, 30, 1e-3)
          << "the station without a reading does not pull the value to zero";
    }
  }
  EXPECT_TRUE(faded);
  EXPECT_EQ(g.first_row, 0);
  EXPECT_EQ(g.last_row, g.rows - 1);
  EXPECT_GT(g.first_col, 0) << "the covered bounds stop short of the view's edges";
  EXPECT_LT(g.last_col, g.cols - 1);
}

}  // namespace ccap

namespace ccap {
namespace {

// The stair steps seen at zoom 9-11: a sample that weighs only its k nearest stations jumps where
// the k-th and the (k+1)-th trade places, and a jump between two 10 px samples draws a hard edge.
// Sampled 1 m apart across a dense network, neighbouring estimates must differ by little.
TEST(AirSurface, TheEstimateHasNoJumpsWhereTheNearestStationsChange) {
  std::vector<LngLat> where;
  std::vector<float> values;
  std::uint32_t seed = 12345;
  auto next = [&] {  // a small LCG: the same network every run
    seed = seed * 1664525u + 1013904223u;
    return static_cast<double>(seed >> 8) / static_cast<double>(1u << 24);
  };
  for (int i = 0; i < 60; ++i) {  // 60 stations in a 20 km square
    where.push_back({121.4 + next() * 0.2, 25.0 + next() * 0.18});
    values.push_back(static_cast<float>(next() * 100));
  }
  StationIndex index;
  index.build(where);
  MapCamera camera;
  camera.set_zoom(10);  // ~140 m per px here
  camera.set_viewport(200, 1);
  camera.set_center_lnglat({121.5, 25.09});
  SurfaceSettings settings;
  settings.step_px = 1.0 / 140;  // ~1 m between samples: 28,000 along a 28 km line
  const SurfaceGrid g = compute_surface(camera, index, values, settings);
  ASSERT_GT(g.cols, 20'000);
  double worst = 0;
  for (int col = 1; col < g.cols; ++col) {
    const auto a = static_cast<std::size_t>(col - 1) * 2, b = static_cast<std::size_t>(col) * 2;
    if (g.texels[a + 1] < 0.99f || g.texels[b + 1] < 0.99f) continue;
    worst =
        std::max(worst, static_cast<double>(std::abs(g.texels[b] / g.texels[b + 1] - g.texels[a] / g.texels[a + 1])));
  }
  EXPECT_LT(worst, 0.1) << "µg/m³ between samples 1 m apart (1.2 with plain 1 / d^2 weights)";
}

}  // namespace
}  // namespace ccap
