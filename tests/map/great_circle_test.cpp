#include "map/great_circle.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {
constexpr LngLat kBangkok{100.50144, 13.75398}, kSanDiego{-117.16472, 32.71571};
constexpr LngLat kKitakyushu{130.85034, 33.85181}, kHaiphong{106.68345, 20.86481};
}  // namespace

TEST(GreatCircle, BangkokToSanDiegoCrossesThePacificNotEurasia) {
  const LngLat mid = great_circle_midpoint(kBangkok, kSanDiego);
  // Over the North Pacific: east of Japan, west of Hawaii's meridian.
  EXPECT_TRUE(mid.lng > 140 || mid.lng < -150) << mid.lng;
  EXPECT_GT(mid.lat, 30);
  EXPECT_LT(mid.lat, 70);
  const auto path = great_circle_path(kBangkok, kSanDiego, 64);
  for (const LngLat& p : path) {
    EXPECT_GE(p.lng, 100.5 - 1e-9) << "never west of Bangkok: that would be the way over Eurasia";
    EXPECT_LE(p.lng, -117.16472 + 360 + 1e-9);
  }
}

TEST(GreatCircle, LongitudesAreContinuousAndEndsExact) {
  const auto path = great_circle_path(kBangkok, kSanDiego, 100);
  ASSERT_EQ(path.size(), 101u);
  EXPECT_DOUBLE_EQ(path.front().lng, kBangkok.lng);
  EXPECT_NEAR(path.back().lng, kSanDiego.lng + 360, 1e-9) << "unwrapped eastwards across 180°";
  EXPECT_DOUBLE_EQ(path.back().lat, kSanDiego.lat);
  for (std::size_t i = 1; i < path.size(); ++i) EXPECT_LT(std::abs(path[i].lng - path[i - 1].lng), 10);
}

TEST(GreatCircle, EveryPointIsOnTheCircleAndEvenlySpaced) {
  const auto path = great_circle_path(kKitakyushu, kHaiphong, 10);
  const double total = distance_meters(kKitakyushu, kHaiphong);
  for (std::size_t i = 1; i < path.size(); ++i) EXPECT_NEAR(distance_meters(path[i - 1], path[i]), total / 10, 1.0);
}

TEST(GreatCircle, ShortHopsAndDegenerateCases) {
  const auto same = great_circle_path(kHaiphong, kHaiphong, 4);
  for (const LngLat& p : same) {
    EXPECT_NEAR(p.lng, kHaiphong.lng, 1e-9);
    EXPECT_NEAR(p.lat, kHaiphong.lat, 1e-9);
  }
  // Antipodes: still a path of the right length, no NaN.
  const auto anti = great_circle_path({0, 0}, {180, 0}, 8);
  for (const LngLat& p : anti) {
    EXPECT_TRUE(std::isfinite(p.lng));
    EXPECT_TRUE(std::isfinite(p.lat));
  }
  EXPECT_EQ(great_circle_path(kBangkok, kSanDiego, 0).size(), 2u);
}

}  // namespace ccap
