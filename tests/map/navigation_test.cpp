#include "map/navigation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {

InputEvent pointer(InputEvent::Type type, double x, double y, std::int64_t id = 0, bool touch = false) {
  InputEvent e;
  e.type = type;
  e.x = static_cast<float>(x);
  e.y = static_cast<float>(y);
  e.pointer_id = id;
  e.is_touch = touch;
  return e;
}
InputEvent down(double x, double y, std::int64_t id = 0, bool touch = false) {
  return pointer(InputEvent::Type::PointerDown, x, y, id, touch);
}
InputEvent move(double x, double y, std::int64_t id = 0, bool touch = false) {
  return pointer(InputEvent::Type::PointerMove, x, y, id, touch);
}
InputEvent up(double x, double y, std::int64_t id = 0, bool touch = false) {
  return pointer(InputEvent::Type::PointerUp, x, y, id, touch);
}
InputEvent key(Key k) {
  InputEvent e;
  e.type = InputEvent::Type::KeyDown;
  e.key = k;
  return e;
}

struct Fixture : ::testing::Test {
  Fixture() {
    camera.set_zoom_limits(0, 12);
    camera.set_viewport(800, 600);
    camera.set_zoom(4);
    camera.set_center_lnglat({120, 20});
  }
  // Runs update() at 60 fps from `from` for `seconds`; returns the end time.
  double run(double from, double seconds) {
    double t = from;
    for (; t < from + seconds; t += 1.0 / 60) nav.update(t);
    return t;
  }
  MapCamera camera;
  Navigator nav{camera};
};

using NavigatorTest = Fixture;

TEST_F(NavigatorTest, DragMovesTheMapWithThePointerExactly) {
  const LngLat grabbed = camera.screen_to_lnglat({300, 200});
  nav.handle(down(300, 200), 0.0);
  nav.handle(move(350, 230), 0.5);
  nav.handle(move(420, 260), 1.0);
  const glm::dvec2 now_at = camera.lnglat_to_screen(grabbed);
  EXPECT_NEAR(now_at.x, 420, 1e-6);
  EXPECT_NEAR(now_at.y, 260, 1e-6);
  nav.handle(up(420, 260), 1.5);  // let go after resting: no coasting
  EXPECT_FALSE(nav.is_moving());
  EXPECT_EQ(nav.gesture_count(), 1);
}

TEST_F(NavigatorTest, WhoeverAimedAFlightCanTellWhenAnythingElseTookTheCameraOver) {
  nav.fly_to(LngLat{121.5, 25.0}, 7, 0.0);
  const int aimed = nav.takeover_count();
  run(0.0, 1.0);  // the flight flies on
  EXPECT_TRUE(nav.is_moving());
  EXPECT_EQ(nav.takeover_count(), aimed);
  nav.handle(down(400, 300, 1, true), 1.0);  // a finger: the flight is over, and so is its aim
  EXPECT_NE(nav.takeover_count(), aimed);
  nav.handle(up(400, 300, 1, true), 1.05);
  const int after_touch = nav.takeover_count();
  nav.zoom_by(1, {400, 300}, 2.0);
  EXPECT_NE(nav.takeover_count(), after_touch) << "a zoom takes over too";
}

TEST_F(NavigatorTest, AFlickCoastsAndComesToRest) {
  nav.handle(down(100, 300), 0.0);
  for (int i = 1; i <= 6; ++i) nav.handle(move(100 + 20 * i, 300), i / 60.0);  // 1200 px/s
  const double release = 6 / 60.0;
  nav.handle(up(220, 300), release);
  EXPECT_TRUE(nav.is_moving());
  const WorldPoint at_release = camera.center();
  const double end = run(release, 3.0);
  EXPECT_FALSE(nav.is_moving()) << "inertia decays to a stop";
  const double coasted_px = (at_release.x - camera.center().x) * camera.world_size();
  // v / decay = 1200 / 5 = 240 px in the limit; the stop threshold (10 px/s) shaves 2 px off.
  EXPECT_GT(coasted_px, 235);
  EXPECT_LE(coasted_px, 240);
  const WorldPoint rest = camera.center();
  run(end, 1.0);
  EXPECT_EQ(camera.center().x, rest.x);
}

TEST_F(NavigatorTest, CoastingDistanceDoesNotDependOnFrameRate) {
  auto coast = [](double fps) {
    MapCamera c;
    c.set_viewport(800, 600);
    c.set_zoom(4);
    Navigator n(c);
    n.handle(down(100, 300), 0.0);
    for (int i = 1; i <= 6; ++i) n.handle(move(100 + 20 * i, 300), i / 60.0);
    n.handle(up(220, 300), 0.1);
    const double x0 = c.center().x;
    for (double t = 0.1; t < 4; t += 1 / fps) n.update(t);
    return (x0 - c.center().x) * c.world_size();
  };
  EXPECT_NEAR(coast(30), coast(144), 3.0);
}

TEST_F(NavigatorTest, ReducedMotionMeansNoCoasting) {
  nav.set_reduced_motion(true);
  nav.handle(down(100, 300), 0.0);
  for (int i = 1; i <= 6; ++i) nav.handle(move(100 + 20 * i, 300), i / 60.0);
  nav.handle(up(220, 300), 0.1);
  EXPECT_FALSE(nav.is_moving());
}

TEST_F(NavigatorTest, WheelZoomsAroundTheCursorSmoothly) {
  const glm::dvec2 cursor{650, 120};
  const LngLat under = camera.screen_to_lnglat(cursor);
  InputEvent wheel;
  wheel.type = InputEvent::Type::Wheel;
  wheel.x = 650;
  wheel.y = 120;
  wheel.wheel_dy = 2;  // two notches: +1 zoom
  nav.handle(wheel, 0.0);
  nav.update(1.0 / 60);
  EXPECT_GT(camera.zoom(), 4.0);
  EXPECT_LT(camera.zoom(), 5.0) << "eased, not a jump";
  run(1.0 / 60, 1.0);
  EXPECT_DOUBLE_EQ(camera.zoom(), 5.0);
  const glm::dvec2 p = camera.lnglat_to_screen(under);
  EXPECT_NEAR(p.x, 650, 1e-6);
  EXPECT_NEAR(p.y, 120, 1e-6);
}

TEST_F(NavigatorTest, PinchZoomsAndPansWithoutRotating) {
  // Two fingers 200 px apart around (400, 300); they spread to 400 px and move 50 px right.
  const LngLat between = camera.screen_to_lnglat({400, 300});
  nav.handle(down(300, 300, 11, true), 0.0);
  nav.handle(down(500, 300, 12, true), 0.01);
  nav.handle(move(250, 300, 11, true), 0.1);
  nav.handle(move(650, 300, 12, true), 0.1);
  EXPECT_NEAR(camera.zoom(), 5.0, 1e-9);
  const glm::dvec2 p = camera.lnglat_to_screen(between);
  EXPECT_NEAR(p.x, 450, 1e-6);
  EXPECT_NEAR(p.y, 300, 1e-6);
  // Turning the fingers (same distance) changes nothing but their midpoint: no rotation exists.
  nav.handle(move(450, 100, 11, true), 0.2);
  nav.handle(move(450, 500, 12, true), 0.2);
  EXPECT_NEAR(camera.zoom(), 5.0, 1e-9);
  // Lifting one finger continues as a drag without a jump.
  const WorldPoint before = camera.center();
  nav.handle(up(450, 100, 11, true), 0.3);
  nav.handle(move(450, 500, 12, true), 0.31);
  EXPECT_NEAR(camera.center().x, before.x, 1e-12);
  EXPECT_NEAR(camera.center().y, before.y, 1e-12);
  // Lifting the last finger ends the one gesture: not a second drag, not a tap.
  nav.handle(up(450, 500, 12, true), 0.32);
  EXPECT_EQ(nav.gesture_count(), 1);
  EXPECT_FALSE(nav.is_moving());
}

TEST_F(NavigatorTest, DoubleTapZoomsInWhereTapped) {
  const LngLat tapped = camera.screen_to_lnglat({202, 151});  // the second tap anchors the zoom
  nav.handle(down(200, 150, 5, true), 0.0);
  nav.handle(up(200, 150, 5, true), 0.05);
  EXPECT_FALSE(nav.is_moving());
  nav.handle(down(202, 151, 6, true), 0.2);
  nav.handle(up(202, 151, 6, true), 0.25);
  run(0.25, 1.0);
  EXPECT_DOUBLE_EQ(camera.zoom(), 5.0);
  const glm::dvec2 p = camera.lnglat_to_screen(tapped);
  EXPECT_NEAR(p.x, 202, 1e-6);
  EXPECT_NEAR(p.y, 151, 1e-6);
}

TEST_F(NavigatorTest, ClicksAndTapsAreReportedOnceDragsAreNot) {
  nav.handle(down(200, 150), 0.0);
  nav.handle(up(201, 151), 0.1);
  auto tap = nav.take_tap();
  ASSERT_TRUE(tap);
  EXPECT_EQ(tap->at.x, 201);
  EXPECT_FALSE(tap->touch);
  EXPECT_FALSE(nav.take_tap()) << "taken once";
  nav.handle(down(300, 300, 9, true), 1.0);
  nav.handle(up(300, 300, 9, true), 1.1);
  tap = nav.take_tap();
  ASSERT_TRUE(tap);
  EXPECT_TRUE(tap->touch);
  nav.handle(down(100, 100), 2.0);
  nav.handle(move(180, 100), 2.1);
  nav.handle(up(180, 100), 2.2);
  EXPECT_FALSE(nav.take_tap()) << "a drag is not a click";
}

TEST_F(NavigatorTest, TwoSlowTapsDoNotZoom) {
  nav.handle(down(200, 150, 5, true), 0.0);
  nav.handle(up(200, 150, 5, true), 0.05);
  nav.handle(down(200, 150, 6, true), 1.0);
  nav.handle(up(200, 150, 6, true), 1.05);
  run(1.05, 1.0);
  EXPECT_DOUBLE_EQ(camera.zoom(), 4.0);
}

TEST_F(NavigatorTest, DoubleClickZoomsIn) {
  InputEvent dbl = down(400, 300);
  dbl.clicks = 2;
  nav.handle(dbl, 0.0);
  nav.handle(up(400, 300), 0.05);
  run(0.05, 1.0);
  EXPECT_DOUBLE_EQ(camera.zoom(), 5.0);
}

TEST_F(NavigatorTest, KeysZoomPanAndGoHome) {
  nav.set_home({60, -15, -115, 55}, 20);
  nav.handle(key(Key::Plus), 0.0);
  double t = run(0.0, 1.0);
  EXPECT_DOUBLE_EQ(camera.zoom(), 5.0);
  nav.handle(key(Key::Minus), t);
  t = run(t, 1.0);
  EXPECT_DOUBLE_EQ(camera.zoom(), 4.0);
  const double x0 = camera.center().x;
  nav.handle(key(Key::Right), t);
  t = run(t, 5.0);
  EXPECT_NEAR((camera.center().x - x0) * camera.world_size(), 200, 1e-6) << "a quarter of 800 px";
  nav.handle(key(Key::Home), t);
  run(t, 5.0);
  MapCamera home = camera;
  home.fit_bounds({60, -15, -115, 55}, 20);
  EXPECT_NEAR(camera.zoom(), home.zoom(), 1e-9);
  EXPECT_NEAR(camera.center().x, home.center().x, 1e-9);
}

TEST_F(NavigatorTest, MouseButtonsOtherThanTheFirstDoNotDrag) {
  InputEvent right = down(100, 100);
  right.button = 2;
  const WorldPoint before = camera.center();
  nav.handle(right, 0);
  nav.handle(move(300, 300), 0.1);
  EXPECT_EQ(camera.center().x, before.x);
}

TEST_F(NavigatorTest, EventsForUnknownPointersAreIgnored) {
  const WorldPoint before = camera.center();
  nav.handle(move(300, 300, 42), 0.1);
  nav.handle(up(300, 300, 42), 0.2);
  EXPECT_EQ(camera.center().x, before.x);
  EXPECT_FALSE(nav.is_moving());
}

TEST_F(NavigatorTest, FlightsEndExactlyAtTheTargetAndReducedMotionJumps) {
  nav.fly_to({-117.16, 32.72}, 8, 0.0);  // to San Diego, across the Pacific
  EXPECT_TRUE(nav.is_moving());
  run(0.0, 5.0);
  EXPECT_FALSE(nav.is_moving());
  EXPECT_NEAR(camera.center_lnglat().lng, -117.16, 1e-9);
  EXPECT_NEAR(camera.zoom(), 8, 1e-9);

  nav.set_reduced_motion(true);
  nav.fly_to({130.85, 33.85}, 6, 10.0);
  EXPECT_FALSE(nav.is_moving());
  EXPECT_NEAR(camera.center_lnglat().lng, 130.85, 1e-9);
}

}  // namespace
}  // namespace ccap
