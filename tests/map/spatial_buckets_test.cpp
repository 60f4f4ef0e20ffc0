#include "map/spatial_buckets.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace ccap {
namespace {

std::vector<Segment> random_segments(int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<float> pos(-0.02f, 1.02f), step(-0.01f, 0.01f);
  std::vector<Segment> out;
  for (int i = 0; i < n; ++i) {
    const Vec2f a{pos(rng), std::clamp(pos(rng), 0.0f, 1.0f)};
    out.push_back({a, {a.x + step(rng), std::clamp(a.y + step(rng), 0.0f, 1.0f)}});
  }
  return out;
}

bool segment_in(const Segment& s, double x0, double y0, double x1, double y1) {
  auto inside = [&](Vec2f p) { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; };
  return inside(s.a) || inside(s.b);
}

}  // namespace

TEST(SpatialBuckets, SortingKeepsEverySegmentAndBoxesHoldTheirItems) {
  const auto original = random_segments(5000, 1);
  auto sorted = original;
  std::vector<std::uint32_t> order;
  const auto buckets = bucket_segments(sorted, 16, &order);
  ASSERT_EQ(order.size(), sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) ASSERT_EQ(sorted[i], original[order[i]]) << "order maps back";
  ASSERT_EQ(sorted.size(), original.size());
  auto key = [](const Segment& s) { return std::tie(s.a.x, s.a.y, s.b.x, s.b.y); };
  auto a = original, b = sorted;
  std::sort(a.begin(), a.end(), [&](auto& l, auto& r) { return key(l) < key(r); });
  std::sort(b.begin(), b.end(), [&](auto& l, auto& r) { return key(l) < key(r); });
  EXPECT_EQ(a, b) << "the same segments, reordered";
  std::uint32_t next = 0;
  for (const Bucket& bucket : buckets) {
    EXPECT_EQ(bucket.first, next) << "buckets tile the array in order";
    next += bucket.count;
    for (std::uint32_t i = bucket.first; i < bucket.first + bucket.count; ++i) {
      for (Vec2f p : {sorted[i].a, sorted[i].b}) {
        EXPECT_GE(p.x, bucket.box.min_x);
        EXPECT_LE(p.x, bucket.box.max_x);
        EXPECT_GE(p.y, bucket.box.min_y);
        EXPECT_LE(p.y, bucket.box.max_y);
      }
    }
  }
  EXPECT_EQ(next, sorted.size());
  EXPECT_LE(buckets.size(), 256u);
}

TEST(SpatialBuckets, VisibleRunsMissNothingOnScreenAndSkipMostOfTheRest) {
  auto segments = random_segments(20000, 2);
  const auto buckets = bucket_segments(segments, 16);
  const double x0 = 0.31, y0 = 0.4, x1 = 0.45, y1 = 0.52;  // about 2 % of the world
  const auto runs = visible_runs(buckets, 0, x0, y0, x1, y1);
  std::vector<bool> drawn(segments.size(), false);
  std::size_t count = 0;
  for (const ItemRun& r : runs) {
    for (std::uint32_t i = r.first; i < r.first + r.count; ++i) drawn[i] = true;
    count += r.count;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    if (segment_in(segments[i], x0, y0, x1, y1)) {
      EXPECT_TRUE(drawn[i]) << "segment " << i << " is on screen";
    }
  }
  EXPECT_LT(count, segments.size() / 10) << "culling draws a small part";
  // Adjacent visible buckets are merged into one run.
  for (std::size_t i = 1; i < runs.size(); ++i) EXPECT_GT(runs[i].first, runs[i - 1].first + runs[i - 1].count);
}

TEST(SpatialBuckets, WorldCopiesShiftTheView) {
  std::vector<Segment> segments{{{0.1f, 0.5f}, {0.11f, 0.5f}}, {{0.9f, 0.5f}, {0.91f, 0.5f}}};
  const auto buckets = bucket_segments(segments, 4);
  // The view at x 1.05..1.2 sees copy 1 of the segment at 0.1, not the one at 0.9.
  const auto runs = visible_runs(buckets, 1, 1.05, 0.4, 1.2, 0.6);
  ASSERT_EQ(runs.size(), 1u);
  ASSERT_EQ(runs[0].count, 1u);
  EXPECT_FLOAT_EQ(segments[runs[0].first].a.x, 0.1f);
  EXPECT_TRUE(visible_runs(buckets, 0, 1.05, 0.4, 1.2, 0.6).empty());
}

TEST(SpatialBuckets, TrianglesKeepTheirVertices) {
  const std::vector<Vec2f> v{{0.1f, 0.1f}, {0.2f, 0.1f}, {0.1f, 0.2f}, {0.8f, 0.8f}, {0.9f, 0.8f}, {0.8f, 0.9f}};
  std::vector<std::uint32_t> indices{3, 4, 5, 0, 1, 2};
  const auto buckets = bucket_triangles(v, indices, 4);
  ASSERT_EQ(buckets.size(), 2u);
  EXPECT_EQ(indices, (std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(buckets[1].first, 1u);
  EXPECT_FLOAT_EQ(buckets[1].box.max_x, 0.9f);
}

}  // namespace ccap
