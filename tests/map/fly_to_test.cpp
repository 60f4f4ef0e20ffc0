#include "map/fly_to.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {

TEST(FlyTo, StartsAndEndsAtTheGivenPoses) {
  const CameraPose from{project({100.5, 13.75}), 5}, to{project({-117.16, 32.72}), 6};
  const FlyTo f(from, to, 1000);
  EXPECT_GT(f.duration_seconds(), 0.5);
  EXPECT_NEAR(f.at(0).zoom, 5, 1e-9);
  EXPECT_NEAR(f.at(0).center.x, from.center.x, 1e-12);
  EXPECT_NEAR(unproject(f.at(f.duration_seconds()).center).lng, -117.16, 1e-9);
  EXPECT_NEAR(f.at(f.duration_seconds() + 10).zoom, 6, 1e-12);
}

TEST(FlyTo, FarFlightsZoomOutOnTheWay) {
  const CameraPose from{project({100.5, 13.75}), 6}, to{project({-117.16, 32.72}), 6};
  const FlyTo f(from, to, 1000);
  EXPECT_LT(f.at(f.duration_seconds() / 2).zoom, 4.0);
}

TEST(FlyTo, GoesTheShortWayAcrossThePacific) {
  // Bangkok (100.5°E) to San Diego (117°W): eastward across the antimeridian, never over Africa.
  const CameraPose from{project({100.5, 13.75}), 3}, to{project({-117.16, 32.72}), 3};
  const FlyTo f(from, to, 1000);
  for (int i = 1; i < 20; ++i) {
    const LngLat c = unproject(f.at(f.duration_seconds() * i / 20).center);
    EXPECT_TRUE(c.lng > 100 || c.lng < -117) << "step " << i << " is at " << c.lng;
  }
}

TEST(FlyTo, PureZoomKeepsTheCentre) {
  const CameraPose from{project({120, 20}), 3}, to{project({120, 20}), 7};
  const FlyTo f(from, to, 800);
  EXPECT_GT(f.duration_seconds(), 0);
  const CameraPose mid = f.at(f.duration_seconds() / 2);
  EXPECT_NEAR(mid.center.x, from.center.x, 1e-12);
  EXPECT_GT(mid.zoom, 3);
  EXPECT_LT(mid.zoom, 7);
}

}  // namespace ccap
