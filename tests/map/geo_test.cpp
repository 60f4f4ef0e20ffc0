#include "map/geo.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {

TEST(WrapLongitude, WrapsIntoTheCanonicalRange) {
  EXPECT_DOUBLE_EQ(wrap_longitude(243), -117);
  EXPECT_DOUBLE_EQ(wrap_longitude(283), -77);
  EXPECT_DOUBLE_EQ(wrap_longitude(-190), 170);
  EXPECT_DOUBLE_EQ(wrap_longitude(180), -180);
  EXPECT_DOUBLE_EQ(wrap_longitude(-180), -180);
  EXPECT_DOUBLE_EQ(wrap_longitude(0), 0);
  EXPECT_DOUBLE_EQ(wrap_longitude(720 + 10.5), 10.5);
}

TEST(Mercator, KnownPoints) {
  const WorldPoint origin = project({0, 0});
  EXPECT_DOUBLE_EQ(origin.x, 0.5);
  EXPECT_NEAR(origin.y, 0.5, 1e-15);
  EXPECT_NEAR(project({-180, kMaxMercatorLatitude}).y, 0.0, 1e-12);
  EXPECT_NEAR(project({180, -kMaxMercatorLatitude}).y, 1.0, 1e-12);
  EXPECT_NEAR(project({-180, 89.9}).y, 0.0, 1e-12) << "latitudes past the limit are clamped";
  EXPECT_DOUBLE_EQ(project({243, 0}).x, (243 + 180) / 360.0) << "project() does not wrap";
}

TEST(Mercator, RoundTripsAcrossTheMap) {
  for (double lat = -85; lat <= 85; lat += 8.5) {
    for (double lng = -180; lng < 180; lng += 17.3) {
      const LngLat back = unproject(project({lng, lat}));
      EXPECT_NEAR(back.lng, lng, 1e-9);
      EXPECT_NEAR(back.lat, lat, 1e-9);
    }
  }
}

TEST(GeoBounds, AntimeridianCrossingBounds) {
  const GeoBounds pacific{60, -15, -115, 55};  // South Asia to California
  EXPECT_DOUBLE_EQ(pacific.lng_span(), 185);
  EXPECT_TRUE(pacific.contains({130.85, 33.85}));   // Kitakyushu
  EXPECT_TRUE(pacific.contains({-117.16, 32.72}));  // San Diego
  EXPECT_TRUE(pacific.contains({-160, 0}));         // mid-Pacific
  EXPECT_FALSE(pacific.contains({-74, 40.7}));      // New York
  EXPECT_FALSE(pacific.contains({2.35, 48.85}));    // Paris
  EXPECT_FALSE(pacific.contains({130, 60}));
}

TEST(Distance, HaversineAgreesWithKnownDistances) {
  // One degree of longitude on the equator of the Web Mercator sphere.
  EXPECT_NEAR(distance_meters({0, 0}, {1, 0}), 111319.49, 0.01);
  // Bangkok - San Diego across the Pacific agrees with the spherical law of cosines.
  const LngLat bkk{100.50144, 13.75398}, san{-117.16472, 32.71571};
  const double d2r = kPi / 180;
  const double central =
      std::acos(std::sin(bkk.lat * d2r) * std::sin(san.lat * d2r) +
                std::cos(bkk.lat * d2r) * std::cos(san.lat * d2r) * std::cos((san.lng - bkk.lng) * d2r));
  EXPECT_NEAR(distance_meters(bkk, san), central * kEarthRadiusMeters, 1.0);
  EXPECT_GT(distance_meters(bkk, san), 10'000'000) << "it is an ocean crossing, not a hop";
  // Symmetric, and the short way across the antimeridian.
  EXPECT_NEAR(distance_meters({179.5, 0}, {-179.5, 0}), 111319.49, 0.01);
}

}  // namespace ccap

namespace ccap {
namespace {

TEST(BoundsOf, TheShortWayRoundLeavesOutTheWidestGap) {
  // Cochin, Tokyo, San Jose, Philadelphia: across the Pacific (the Atlantic is the widest gap).
  const std::vector<LngLat> cities{{76.26, 9.93}, {139.69, 35.69}, {-121.89, 37.34}, {-75.16, 39.95}};
  const GeoBounds b = bounds_of(cities, 2);
  EXPECT_NEAR(b.west, 74.26, 1e-9);
  EXPECT_NEAR(b.east, -73.16, 1e-9);
  EXPECT_NEAR(b.lng_span(), 360 - (76.26 + 75.16) + 4, 1e-9);
  EXPECT_NEAR(b.south, 7.93, 1e-9);
  EXPECT_NEAR(b.north, 41.95, 1e-9);
  for (const LngLat& c : cities) EXPECT_TRUE(b.contains(c));
  // Within one hemisphere: the plain box.
  const std::vector<LngLat> asia{{100, 10}, {120, 30}};
  EXPECT_NEAR(bounds_of(asia, 0).lng_span(), 20, 1e-9);
  // Nothing, or only NaNs: the whole map.
  EXPECT_NEAR(bounds_of({}, 1).lng_span(), 360, 1e-9);
  const std::vector<LngLat> nan{{std::nan(""), 0}};
  EXPECT_NEAR(bounds_of(nan, 1).lng_span(), 360, 1e-9);
}

}  // namespace
}  // namespace ccap
