#include "map/line_detail.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <utility>

#include "map/great_circle.h"

namespace ccap {
namespace {

constexpr LngLat kBangkok{100.50144, 13.75398}, kSanDiego{-117.16472, 32.71571};
constexpr LngLat kKitakyushu{130.85034, 33.85181}, kHaiphong{106.68345, 20.86481};

Vec2f world_of(LngLat p) {
  const WorldPoint w = project(p);
  return {static_cast<float>(w.x), static_cast<float>(w.y)};
}

// Arcs as the partnership layer builds them: a segment per degree of great circle, one arc after
// another, with the distance along each at its segments' ends.
struct Chains {
  std::vector<Segment> segments;
  std::vector<Vec2f> progress;
  std::vector<std::uint32_t> starts;
  void add(const std::vector<Vec2f>& points) {
    starts.push_back(static_cast<std::uint32_t>(segments.size()));
    float along = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
      const float length = std::hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
      segments.push_back({points[i - 1], points[i]});
      progress.push_back({along, along + length});
      along += length;
    }
  }
  void add_arc(LngLat a, LngLat b) {
    const int n = static_cast<int>(std::ceil(distance_meters(a, b) / kEarthRadiusMeters * 180 / kPi));
    std::vector<Vec2f> points;
    for (const LngLat& p : great_circle_path(a, b, n)) points.push_back(world_of(p));
    add(points);
  }
};

double distance_to(Vec2f p, const Segment& s) {
  const double abx = s.b.x - s.a.x, aby = s.b.y - s.a.y;
  const double ab2 = abx * abx + aby * aby;
  const double t = ab2 > 0 ? std::clamp(((p.x - s.a.x) * abx + (p.y - s.a.y) * aby) / ab2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - s.a.x - t * abx, p.y - s.a.y - t * aby);
}

}  // namespace

TEST(LineDetail, EachLevelServesScalesUpToTwiceTheLastOnes) {
  EXPECT_EQ(detail_level(100), 0);
  EXPECT_EQ(detail_level(512), 0);
  EXPECT_EQ(detail_level(513), 1);
  EXPECT_EQ(detail_level(2048), 2) << "zoom 2 at a pixel ratio of 1";
  EXPECT_EQ(detail_level(2049), 3);
  EXPECT_EQ(detail_level(4096 * 2), 4) << "zoom 3 at a pixel ratio of 2";
  EXPECT_DOUBLE_EQ(detail_tolerance(2), 0.25 / 2048) << "a quarter of a pixel at zoom 2";
  EXPECT_DOUBLE_EQ(detail_tolerance(0), 0.25 / 512);
}

TEST(LineDetail, SimplifiedArcsStayWithinTheToleranceAndKeepTheirEnds) {
  for (const auto& [a, b] : {std::pair{kBangkok, kSanDiego}, std::pair{kKitakyushu, kHaiphong}}) {
    Chains c;
    c.add_arc(a, b);
    const auto significance = end_significance(c.segments, c.starts);
    ASSERT_EQ(significance.size(), c.segments.size());
    for (int level = 0; level <= 8; ++level) {
      const double tolerance = detail_tolerance(level);
      std::vector<Segment> simple;
      std::vector<Vec2f> progress;
      simplify_chains(c.segments, c.progress, c.starts, significance, tolerance, simple, progress);
      ASSERT_FALSE(simple.empty());
      ASSERT_EQ(progress.size(), simple.size());
      EXPECT_EQ(simple.front().a, c.segments.front().a) << "level " << level << ": the arc starts where it did";
      EXPECT_EQ(simple.back().b, c.segments.back().b) << "level " << level << ": and ends where it did";
      EXPECT_EQ(progress.front().x, 0.0f);
      EXPECT_EQ(progress.back().y, c.progress.back().y) << "the flow keeps the arc's length";
      for (std::size_t k = 1; k < simple.size(); ++k) {
        EXPECT_EQ(simple[k].a, simple[k - 1].b) << "one unbroken line";
        EXPECT_EQ(progress[k].x, progress[k - 1].y);
      }
      for (const Segment& full : c.segments) {  // every point of the full arc is near the simple one
        double nearest = 1;
        for (const Segment& s : simple) nearest = std::min(nearest, distance_to(full.b, s));
        EXPECT_LE(nearest, tolerance) << "level " << level;
      }
    }
  }
}

TEST(LineDetail, ArcsThatMeetAtACityStayApart) {
  Chains c;
  c.add_arc(kKitakyushu, kHaiphong);
  c.add_arc(kHaiphong, kBangkok);  // starts where the first ends
  ASSERT_EQ(c.segments[c.starts[1] - 1].b, c.segments[c.starts[1]].a);
  const auto significance = end_significance(c.segments, c.starts);
  std::vector<Segment> simple;
  std::vector<Vec2f> progress;
  simplify_chains(c.segments, c.progress, c.starts, significance, 1.0, simple, progress);  // a whole world
  ASSERT_EQ(simple.size(), 2u) << "at the coarsest, each arc is one chord from its city to the other";
  EXPECT_EQ(simple[0], (Segment{world_of(kKitakyushu), world_of(kHaiphong)}));
  EXPECT_EQ(simple[1], (Segment{world_of(kHaiphong), world_of(kBangkok)}));
  EXPECT_EQ(progress[1].x, 0.0f) << "the second arc's flow starts at its own beginning";
}

TEST(LineDetail, FewerSegmentsAtSmallerScalesAndTheKeptPointsNest) {
  Chains c;
  c.add_arc(kBangkok, kSanDiego);
  const auto significance = end_significance(c.segments, c.starts);
  std::size_t previous = 0;
  std::vector<Segment> coarser;
  for (int level = 0; level <= 8; ++level) {
    std::vector<Segment> simple;
    std::vector<Vec2f> progress;
    simplify_chains(c.segments, c.progress, c.starts, significance, detail_tolerance(level), simple, progress);
    EXPECT_GE(simple.size(), previous) << "level " << level;
    for (const Segment& s : coarser) {  // every point kept at a coarser level is kept here
      bool kept = false;
      for (const Segment& t : simple) kept = kept || t.b == s.b;
      EXPECT_TRUE(kept) << "level " << level;
    }
    previous = simple.size();
    coarser = simple;
  }
  std::vector<Segment> zoom2;
  std::vector<Vec2f> progress;
  simplify_chains(c.segments, c.progress, c.starts, significance, detail_tolerance(2), zoom2, progress);
  EXPECT_LT(zoom2.size() * 3, c.segments.size()) << "at zoom 2, a third of the 1° segments or fewer";
  EXPECT_GE(zoom2.size(), 4u) << "but still a curve";
}

TEST(LineDetail, AStraightChainIsOneSegmentAndAChainOfOneIsKept) {
  Chains c;
  c.add({{0.1f, 0.5f}, {0.2f, 0.5f}, {0.3f, 0.5f}, {0.4f, 0.5f}});
  c.add({{0.6f, 0.2f}, {0.7f, 0.3f}});
  const auto significance = end_significance(c.segments, c.starts);
  std::vector<Segment> simple;
  std::vector<Vec2f> progress;
  simplify_chains(c.segments, c.progress, c.starts, significance, 1e-9, simple, progress);
  ASSERT_EQ(simple.size(), 2u);
  EXPECT_EQ(simple[0], (Segment{{0.1f, 0.5f}, {0.4f, 0.5f}}));
  EXPECT_EQ(simple[1], (Segment{{0.6f, 0.2f}, {0.7f, 0.3f}}));
  simplify_chains(c.segments, {}, c.starts, significance, 1e-9, simple, progress);
  EXPECT_TRUE(progress.empty()) << "no progress in, none out";
  EXPECT_EQ(simple.size(), 2u);
}

}  // namespace ccap
