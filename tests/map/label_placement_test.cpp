#include "map/label_placement.h"

#include <gtest/gtest.h>

#include <random>

namespace ccap {
namespace {

bool overlap(const PlacedLabel& a, const PlacedLabel& b, const std::vector<LabelRequest>& r) {
  const glm::dvec2 a1 = a.top_left + r[a.request].size, b1 = b.top_left + r[b.request].size;
  return a.top_left.x < b1.x && b.top_left.x < a1.x && a.top_left.y < b1.y && b.top_left.y < a1.y;
}

}  // namespace

TEST(LabelPlacement, NoTwoPlacedLabelsOverlapAndAllStayOnScreen) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> x(0, 800), y(0, 600), w(30, 120);
  std::vector<LabelRequest> requests;
  for (int i = 0; i < 400; ++i) requests.push_back({{x(rng), y(rng)}, {w(rng), 18}, 6, static_cast<double>(i % 37)});
  const auto placed = place_labels(requests, {800, 600});
  EXPECT_GT(placed.size(), 20u);
  EXPECT_LT(placed.size(), requests.size()) << "a crowded map must hide some";
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const auto& p = placed[i];
    EXPECT_GE(p.top_left.x, 0);
    EXPECT_GE(p.top_left.y, 0);
    EXPECT_LE(p.top_left.x + requests[p.request].size.x, 800);
    EXPECT_LE(p.top_left.y + requests[p.request].size.y, 600);
    for (std::size_t j = i + 1; j < placed.size(); ++j) EXPECT_FALSE(overlap(p, placed[j], requests));
  }
}

TEST(LabelPlacement, HigherPriorityWinsTheSpot) {
  // Two cities side by side: only one label fits to the right; the other goes left.
  std::vector<LabelRequest> requests{{{300, 300}, {80, 18}, 6, 1}, {{302, 300}, {80, 18}, 6, 5}};
  auto placed = place_labels(requests, {800, 600});
  ASSERT_EQ(placed.size(), 2u);
  EXPECT_EQ(placed[0].request, 1u) << "placed first";
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 308) << "took the preferred spot on the right";
  EXPECT_DOUBLE_EQ(placed[1].top_left.x, 300 - 6 - 80) << "the other falls back to the left";
  // Hemmed in on every side, the lower priority label is hidden, not overlapped.
  requests = {{{40, 40}, {780, 600}, 0, 9}, {{400, 300}, {50, 18}, 6, 1}};
  placed = place_labels(requests, {800, 600});
  EXPECT_TRUE(placed.empty() || placed.size() == 1u);
}

TEST(LabelPlacement, PrefersRightThenLeftThenAboveThenBelow) {
  const std::vector<LabelRequest> at_right_edge{{{790, 300}, {60, 18}, 6, 0}};
  auto placed = place_labels(at_right_edge, {800, 600});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 790 - 6 - 60) << "no room on the right: left";
  const std::vector<LabelRequest> near_the_left_edge{{{5, 100}, {60, 18}, 6, 0}};
  placed = place_labels(near_the_left_edge, {800, 600});
  ASSERT_EQ(placed.size(), 1u);
  EXPECT_DOUBLE_EQ(placed[0].top_left.x, 11) << "right still fits";
  EXPECT_TRUE(place_labels({}, {800, 600}).empty());
}

}  // namespace ccap
