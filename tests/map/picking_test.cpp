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

}  // namespace ccap
