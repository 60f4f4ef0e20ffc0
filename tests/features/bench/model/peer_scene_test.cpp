#include "features/bench/model/peer_scene.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap::bench {
namespace {

// ../shared/peer-bench/README.md: "Check: seed 1 gives 0.6270739405881613, 0.002735721180215478,
// 0.5274470399599522."
TEST(PeerScene, Mulberry32GivesTheHarnessCheckValues) {
  Mulberry32 r(1);
  EXPECT_DOUBLE_EQ(r.next(), 0.6270739405881613);
  EXPECT_DOUBLE_EQ(r.next(), 0.002735721180215478);
  EXPECT_DOUBLE_EQ(r.next(), 0.5274470399599522);
}

TEST(PeerScene, PointColoursFollowTheRampAsTheHarnessRoundsThem) {
  EXPECT_EQ(peer_point_color(0.0), (Rgba8{0, 228, 0, 255}));
  EXPECT_EQ(peer_point_color(0.25), (Rgba8{255, 255, 0, 255}));
  EXPECT_EQ(peer_point_color(0.5), (Rgba8{255, 126, 0, 255}));
  EXPECT_EQ(peer_point_color(1.0), (Rgba8{143, 63, 151, 255}));
  // Halfway between orange and red: 126 / 2 = 63 green, Math.round halves up.
  EXPECT_EQ(peer_point_color(0.625), (Rgba8{255, 63, 0, 255}));
  EXPECT_EQ(peer_point_color(0.125), (Rgba8{128, 242, 0, 255}));  // 127.5 -> 128, 241.5 -> 242
}

TEST(PeerScene, PointsAreTheStreamsPlacesInOneWorldCopy) {
  PeerSceneParams p;
  p.n = 3;
  const std::vector<PeerPoint> points = peer_points(p);
  ASSERT_EQ(points.size(), 3u);
  // The first point: lon = 60 + 180 x 0.6270739405881613 = 172.873..., lat = -15 + 75 x 0.0027357...
  Mulberry32 r(1);
  const double lon = 60 + 180 * r.next(), lat = -15 + 75 * r.next();
  const WorldPoint w = project({lon, lat});
  EXPECT_NEAR(points[0].world.x, w.x, 1e-7);
  EXPECT_NEAR(points[0].world.y, w.y, 1e-7);
  EXPECT_EQ(points[0].color, peer_point_color(r.next()));
  p.n = 10000;
  for (const PeerPoint& q : peer_points(p)) {  // lon 60..240 unwrapped: x from 0.667 to 1.167
    EXPECT_GE(q.world.x, 60.0 / 360 + 0.5 - 1e-6);
    EXPECT_LT(q.world.x, 240.0 / 360 + 0.5 + 1e-6);
  }
}

TEST(PeerScene, ArcsAreContinuousGreatCirclesOfFiftySegments) {
  PeerSceneParams p;
  p.m = 20;
  const std::vector<Segment> arcs = peer_arcs(p);
  ASSERT_EQ(arcs.size(), 20u * kArcSegments);
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    if (i % kArcSegments != 0) {
      EXPECT_EQ(arcs[i].a, arcs[i - 1].b) << "segment " << i << " starts where the one before ends";
    }
    EXPECT_LT(std::abs(arcs[i].a.x - arcs[i].b.x), 0.25) << "no jump across the antimeridian";
  }
}

TEST(PeerScene, ReadsTheQueryAndNamesWhatIsWrong) {
  const PeerSceneParse ok = parse_peer_scene("?bench=1&n=100000&m=10&lon=-170.5&lat=25&zoom=2.3&seed=7&debug=1");
  ASSERT_TRUE(ok.params) << ok.error;
  EXPECT_EQ(ok.params->n, 100000u);
  EXPECT_EQ(ok.params->m, 10u);
  EXPECT_EQ(ok.params->lon, -170.5);
  EXPECT_EQ(ok.params->seed, 7u);
  const PeerSceneParse defaults = parse_peer_scene("bench=1&n=");
  ASSERT_TRUE(defaults.params);
  EXPECT_EQ(defaults.params->n, 10000u) << "an empty value takes the default, as scene.js does";
  EXPECT_EQ(parse_peer_scene("bench=1&n=1.9").params->n, 1u) << "floored";
  EXPECT_EQ(parse_peer_scene("bench=1&n=-4").params->n, 0u);
  EXPECT_EQ(parse_peer_scene("bench=1&zoom=abc").error, "bench: zoom=abc is not a number");
  EXPECT_EQ(parse_peer_scene("bench=1&lat=nan").error, "bench: lat=nan is not a number");
  EXPECT_EQ(parse_peer_scene("bench=1&n=0x10").error, "bench: n=0x10 is not a number") << "decimal only";
  EXPECT_EQ(parse_peer_scene("bench=1&lon=%201").error, "bench: lon=%201 is not a number");
  EXPECT_EQ(parse_peer_scene("bench=1&n=1e12").error, "bench: n=1e12 is more points than this page draws (20 million)");
  EXPECT_EQ(parse_peer_scene("bench=1&lat=89").error, "bench: lat=89 is beyond the Mercator limit (85.0511)");
}

}  // namespace
}  // namespace ccap::bench
