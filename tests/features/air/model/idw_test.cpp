#include "features/air/model/idw.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ccap {

TEST(Idw, MatchesAHandComputedValue) {
  // Two stations on the equator, 1° (111,319.49 m) and 2° east of the point.
  const std::vector<StationValue> s{{{1, 0}, 10}, {{2, 0}, 40}};
  // Weights ((R - d) / (R d))^2 with R = 300 km.
  const double d1 = 111319.49, d2 = 2 * 111319.49, r = 300'000;
  const double w1 = std::pow((r - d1) / (r * d1), 2), w2 = std::pow((r - d2) / (r * d2), 2);
  const double expected = (10 * w1 + 40 * w2) / (w1 + w2);  // = 11.21
  const auto v = idw_estimate(s, {0, 0}, {2, r});
  ASSERT_TRUE(v);
  EXPECT_NEAR(*v, expected, 1e-6);
  EXPECT_NEAR(*v, 11.21, 0.01);
  // Far inside the reach the weights are nearly plain 1 / d^2 (which gives 16).
  EXPECT_NEAR(*idw_estimate(s, {0, 0}, {2, 1e9}), 16.0, 0.01);
}

TEST(Idw, AStationAtTheReachAddsNoWeight) {
  // Stations coming into reach must not make the estimate jump.
  const std::vector<StationValue> s{{{0.1, 0}, 10}, {{1, 0}, 1000}};
  const double at_reach = distance_meters({0, 0}, {1, 0});
  const double just_out = *idw_estimate(s, {0, 0}, {2, at_reach - 1});
  const double just_in = *idw_estimate(s, {0, 0}, {2, at_reach + 1});
  EXPECT_DOUBLE_EQ(just_out, 10);
  EXPECT_NEAR(just_in, 10, 1e-6);
}

TEST(Idw, AtAStationItsOwnValueAndPowerChangesTheBlend) {
  const std::vector<StationValue> s{{{100.5, 13.75}, 25}, {{100.6, 13.8}, 50}};
  EXPECT_DOUBLE_EQ(*idw_estimate(s, {100.5, 13.75}), 25);
  const LngLat between{100.53, 13.765};
  const double p1 = *idw_estimate(s, between, {1, 50'000}), p3 = *idw_estimate(s, between, {3, 50'000});
  EXPECT_GT(p1, p3) << "a higher power leans harder on the nearer (lower) station";
}

TEST(Idw, NothingFarFromEveryStation) {
  const std::vector<StationValue> s{{{121.5, 25.05}, 12}};
  EXPECT_FALSE(idw_estimate(s, {-160, 5}));  // mid-Pacific
  EXPECT_FALSE(idw_estimate({}, {121.5, 25.05}));
  EXPECT_TRUE(idw_estimate(s, {121.6, 25.1}));  // ~11 km away
  const std::vector<StationValue> broken{{{121.5, 25.05}, NAN}};
  EXPECT_FALSE(idw_estimate(broken, {121.5, 25.05})) << "a missing reading is not a zero";
}

}  // namespace ccap
