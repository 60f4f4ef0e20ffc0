// Transform tests in the spirit of MapLibre Native's: screen <-> geographic round trips,
// wrapping, fit-to-bounds and the invariants of zooming around a point.
#include "map/map_camera.h"
#include "map/world_copies.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {

MapCamera camera(double w = 800, double h = 600) {
  MapCamera c;
  c.set_zoom_limits(0, 12);
  c.set_viewport(w, h);
  return c;
}

void expect_near(glm::dvec2 a, glm::dvec2 b, double eps = 1e-6) {
  EXPECT_NEAR(a.x, b.x, eps);
  EXPECT_NEAR(a.y, b.y, eps);
}

}  // namespace

TEST(MapCamera, CentreOfTheViewportIsTheCentre) {
  MapCamera c = camera();
  c.set_zoom(3);
  c.set_center_lnglat({121.5, 25.05});  // Taipei
  expect_near(c.lnglat_to_screen({121.5, 25.05}), {400, 300});
  const LngLat back = c.screen_to_lnglat({400, 300});
  EXPECT_NEAR(back.lng, 121.5, 1e-9);
  EXPECT_NEAR(back.lat, 25.05, 1e-9);
}

TEST(MapCamera, ScreenLngLatRoundTripEverywhereOnScreen) {
  MapCamera c = camera(1024, 768);
  c.set_zoom(4.37);
  c.set_center_lnglat({170, 10});  // the antimeridian runs through the view
  for (double y = 0; y <= 768; y += 96) {
    for (double x = 0; x <= 1024; x += 128) {
      const LngLat ll = c.screen_to_lnglat({x, y});
      EXPECT_GE(ll.lng, -180);
      EXPECT_LT(ll.lng, 180);
      expect_near(c.lnglat_to_screen(ll), {x, y}, 1e-6);
    }
  }
}

TEST(MapCamera, LongitudesWrap) {
  MapCamera c = camera();
  c.set_zoom(2);
  c.set_center_lnglat({243, 30});
  EXPECT_NEAR(c.center_lnglat().lng, -117, 1e-9);
  c.set_center_lnglat({-117, 30});
  const glm::dvec2 a = c.lnglat_to_screen({243, 20}), b = c.lnglat_to_screen({-117, 20});
  expect_near(a, b);
}

TEST(MapCamera, AcrossTheAntimeridianTheNearestCopyIsUsed) {
  MapCamera c = camera();
  c.set_zoom(3);
  c.set_center_lnglat({180, 0});
  // 179°E is just left of the centre, 179°W just right: never a world away.
  const glm::dvec2 west = c.lnglat_to_screen({179, 0}), east = c.lnglat_to_screen({-179, 0});
  const double px_per_degree = c.world_size() / 360;
  EXPECT_NEAR(west.x, 400 - px_per_degree, 1e-6);
  EXPECT_NEAR(east.x, 400 + px_per_degree, 1e-6);
}

TEST(MapCamera, PanningEastForeverKeepsTheCentreWrapped) {
  MapCamera c = camera();
  c.set_zoom(2);
  for (int i = 0; i < 1000; ++i) c.pan_by({-97.3, 0});
  EXPECT_GE(c.center().x, 0);
  EXPECT_LT(c.center().x, 1);
  const double moved = 1000 * 97.3 / c.world_size();
  EXPECT_NEAR(c.center().x, std::fmod(0.5 + moved, 1.0), 1e-9);
}

TEST(MapCamera, ZoomAroundAPointKeepsThatPointStill) {
  MapCamera c = camera();
  c.set_zoom(3);
  c.set_center_lnglat({120, 20});
  const glm::dvec2 cursor{612.5, 118.25};
  const LngLat under = c.screen_to_lnglat(cursor);
  for (double z : {3.5, 7.25, 4.0, 12.0}) {
    c.zoom_around(cursor, z);
    EXPECT_DOUBLE_EQ(c.zoom(), z);
    expect_near(c.lnglat_to_screen(under), cursor, 1e-6);
  }
}

TEST(MapCamera, ZoomIsClampedAndTheWorldNearlyFillsTheHeight) {
  MapCamera c = camera(800, 1024);
  c.set_zoom(-5);
  EXPECT_DOUBLE_EQ(c.zoom(), std::log2(0.85 * 2)) << "1024 px tall needs a world of 85% of it";
  c.set_zoom(99);
  EXPECT_DOUBLE_EQ(c.zoom(), 12);
  c.set_zoom(1);
  c.set_center_lnglat({0, 85});  // no empty band above the top of the world once it is taller
  EXPECT_NEAR(c.screen_to_world({400, 0}).y, 0, 1e-12);
  c.set_zoom(-5);  // shorter than the view: centred, the same band above and below
  EXPECT_NEAR(c.screen_to_world({400, 0}).y, -c.screen_to_world({400, 1024}).y + 1, 1e-12);
}

TEST(MapCamera, APortraitPhoneSeesTheWholePartnershipRegion) {
  MapCamera c = camera(390, 844);
  const GeoBounds region{62, -12, -112, 52};
  c.fit_bounds(region, 12);
  const glm::dvec2 cochin = c.lnglat_to_screen({76.26, 9.94}), san_diego = c.lnglat_to_screen({-117.16, 32.72});
  EXPECT_GE(cochin.x, 0);
  EXPECT_LE(san_diego.x + (san_diego.x < cochin.x ? c.world_size() : 0), 390) << "California is on screen";
}

TEST(MapCamera, FitsBoundsThatCrossTheAntimeridian) {
  MapCamera c = camera(1200, 700);
  const GeoBounds region{60, -15, -115, 55};  // South Asia .. California
  c.fit_bounds(region, 20);
  // The whole box is on screen, inside the padding, and touches it on one axis.
  const glm::dvec2 nw = c.lnglat_to_screen({60, 55});
  const glm::dvec2 se = c.lnglat_to_screen({-115, -15});
  EXPECT_GE(nw.x, 20 - 1e-6);
  EXPECT_GE(nw.y, 20 - 1e-6);
  EXPECT_LE(se.x, 1200 - 20 + 1e-6);
  EXPECT_LE(se.y, 700 - 20 + 1e-6);
  const bool touches_width = std::abs(nw.x - 20) < 1e-6;
  const bool touches_height = std::abs(nw.y - 20) < 1e-6;
  EXPECT_TRUE(touches_width || touches_height);
  // Its centre is in the Pacific, not over Africa.
  EXPECT_NEAR(c.center_lnglat().lng, wrap_longitude(60 + 185 / 2.0), 1e-9);
  // San Diego and Kitakyushu are both on screen, San Diego to the east.
  const glm::dvec2 sd = c.lnglat_to_screen({-117.16, 32.72}), kk = c.lnglat_to_screen({130.85, 33.85});
  EXPECT_GT(sd.x, kk.x);
  EXPECT_LE(sd.x, 1200);
  EXPECT_GE(kk.x, 0);
}

TEST(MapCamera, VisibleWorldCopies) {
  MapCamera c = camera(2000, 600);
  c.set_zoom(0.5);  // the world is ~724 px wide: three copies are needed to fill 2000 px
  c.set_center({0.5, 0.5});
  EXPECT_EQ(c.first_visible_copy(), -1);
  EXPECT_EQ(c.last_visible_copy(), 1);
  c.set_zoom(5);
  EXPECT_EQ(c.first_visible_copy(), 0);
  EXPECT_EQ(c.last_visible_copy(), 0);
}

TEST(MapCamera, MetresPerPixel) {
  MapCamera c = camera(100, 100);  // small enough that zoom 0 is allowed
  c.set_zoom(0);
  c.set_center_lnglat({0, 0});
  EXPECT_NEAR(c.meters_per_pixel(), 2 * kPi * kEarthRadiusMeters / 512, 1e-6);
  c.set_center_lnglat({0, 60});
  c.set_zoom(1);
  EXPECT_NEAR(c.meters_per_pixel(), 0.5 * 2 * kPi * kEarthRadiusMeters / 1024, 1e-3);
}

TEST(MapCamera, NonFiniteInputNeverPoisonsTheView) {
  MapCamera c = camera();
  c.set_zoom(NAN);
  c.set_center({NAN, INFINITY});
  EXPECT_TRUE(std::isfinite(c.zoom()));
  EXPECT_TRUE(std::isfinite(c.center().x));
  EXPECT_TRUE(std::isfinite(c.center().y));
}

}  // namespace ccap

namespace ccap {

TEST(WorldCopies, DrawsExactlyTheCopiesThatOverlapTheView) {
  // A layer within 0..1 and a view of 0.2..1.3: copies 0 and 1.
  CopyRange r = copies_to_draw(0, 1, 0.2, 1.3);
  EXPECT_EQ(r.first, 0);
  EXPECT_EQ(r.last, 1);
  // Shapes unwrapped past 180° (x up to 1.03) reach into the view from copy -1 as well.
  r = copies_to_draw(-0.01, 1.03, 1.02, 1.5);
  EXPECT_EQ(r.first, 0);
  EXPECT_EQ(r.last, 1);
  r = copies_to_draw(-0.01, 1.03, -0.5, 0.02);
  EXPECT_EQ(r.first, -1);
  EXPECT_EQ(r.last, 0);
  EXPECT_EQ(copies_to_draw(0, 1, -0.9, 1.9).count(), 3);  // a wide kiosk at low zoom
  // A small layer far from the view: none.
  EXPECT_EQ(copies_to_draw(0.5, 0.6, 0.7, 0.9).count(), 0);
}

}  // namespace ccap
