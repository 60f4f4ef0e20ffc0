#include "map/picking.h"

#include <gtest/gtest.h>

#include <vector>

namespace ccap {

TEST(Picking, NearestWithinTheRadius) {
  const std::vector<glm::dvec2> points{{100, 100}, {130, 100}, {400, 400}};
  EXPECT_EQ(pick_nearest(points, {112, 100}, 20), 0u);
  EXPECT_EQ(pick_nearest(points, {120, 104}, 20), 1u);
  EXPECT_EQ(pick_nearest(points, {395, 402}, 10), 2u);
}

TEST(Picking, NothingBeyondTheRadiusOrInAnEmptyMap) {
  const std::vector<glm::dvec2> points{{100, 100}};
  EXPECT_FALSE(pick_nearest(points, {130, 100}, 29.9));
  EXPECT_EQ(pick_nearest(points, {130, 100}, 30), 0u) << "the radius is inclusive";
  EXPECT_FALSE(pick_nearest({}, {0, 0}, 100));
}

TEST(Picking, TiesGoToTheLowerIndex) {
  const std::vector<glm::dvec2> points{{90, 100}, {110, 100}, {100, 90}};
  EXPECT_EQ(pick_nearest(points, {100, 100}, 20), 0u);
  const std::vector<glm::dvec2> reversed{{110, 100}, {90, 100}};
  EXPECT_EQ(pick_nearest(reversed, {100, 100}, 20), 0u);
}

TEST(Picking, AFingerBetweenCloseMarkersGetsThemAllToChooseFrom) {
  // Taipei and Taoyuan, 14 px apart at the home zoom; a finger lands between them.
  const std::vector<glm::dvec2> points{{200, 100}, {186, 104}, {300, 300}};
  const auto both = pick_candidates(points, {194, 102}, 30, 12, 6);
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0], 0u) << "nearest first";
  EXPECT_EQ(both[1], 1u);
  const auto clear = pick_candidates(points, {201, 100}, 30, 12, 6);
  EXPECT_EQ(clear, std::vector<std::size_t>{0}) << "on Taipei itself: no question";
  EXPECT_TRUE(pick_candidates(points, {500, 500}, 30, 12, 6).empty());
  EXPECT_EQ(pick_candidates(points, {194, 102}, 30, 12, 1).size(), 1u) << "the limit holds";
}

}  // namespace ccap
