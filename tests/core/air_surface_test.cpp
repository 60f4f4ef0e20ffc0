#include "core/air_surface.h"

#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <vector>

namespace ccap {

TEST(LocalDistance, AgreesWithTheHaversineNearby) {
  const LngLat taipei{121.5264, 25.0531};
  for (const LngLat p : {LngLat{121.60, 25.10}, LngLat{121.2, 24.9}, LngLat{121.5264, 25.5}}) {
    const double exact = distance_meters(taipei, p);
    EXPECT_NEAR(local_distance_meters(taipei, p), exact, exact * 0.002);
  }
  EXPECT_NEAR(local_distance_meters({179.9, 0}, {-179.9, 0}), distance_meters({179.9, 0}, {-179.9, 0}), 1)
      << "the short way across 180°";
}

TEST(StationIndex, FindsExactlyTheStationsWithinReach) {
  const std::vector<LngLat> where{{100.50, 13.75}, {100.60, 13.80}, {100.95, 13.75}, {179.95, 0}, {-179.95, 0}};
  StationIndex index;
  index.build(where);
  std::vector<std::uint32_t> found;
  index.for_each_within({100.52, 13.76}, 20'000, [&](std::uint32_t s, double d2) {
    EXPECT_NEAR(std::sqrt(d2), local_distance_meters({100.52, 13.76}, where[s]), 20) << "squared metres";
  });
  index.for_each_within({100.52, 13.76}, 20'000, [&](std::uint32_t s, double) { found.push_back(s); });
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::uint32_t>{0, 1})) << "the third is ~46 km away";
  found.clear();
  index.for_each_within({180, 0}, 10'000, [&](std::uint32_t s, double) { found.push_back(s); });
  std::sort(found.begin(), found.end());
  EXPECT_EQ(found, (std::vector<std::uint32_t>{3, 4})) << "both sides of the antimeridian";
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
    const double d = local_distance_meters(at, where[0]);
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
