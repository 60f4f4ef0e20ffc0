#include "map/spatial_focus.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

// A plus shape around the centre, and one far off to the right but on the line.
const std::vector<glm::dvec2> kPoints{{100, 100}, {160, 100}, {40, 100}, {100, 40}, {100, 160}, {400, 104}, {170, 30}};

TEST(SpatialFocus, StartsNearestTheCentre) {
  EXPECT_EQ(next_in_direction(kPoints, std::nullopt, {98, 97}, {1, 0}), 0u);
  EXPECT_EQ(next_in_direction({}, std::nullopt, {0, 0}, {1, 0}), std::nullopt);
}

TEST(SpatialFocus, EachArrowGoesToTheNearestMarkThatWay) {
  EXPECT_EQ(next_in_direction(kPoints, 0u, {}, {1, 0}), 1u);
  EXPECT_EQ(next_in_direction(kPoints, 0u, {}, {-1, 0}), 2u);
  EXPECT_EQ(next_in_direction(kPoints, 0u, {}, {0, -1}), 3u);  // up the screen
  EXPECT_EQ(next_in_direction(kPoints, 0u, {}, {0, 1}), 4u);
  EXPECT_EQ(next_in_direction(kPoints, 1u, {}, {1, 0}), 5u) << "straight ahead beats near but aside";
  EXPECT_EQ(next_in_direction(kPoints, 5u, {}, {1, 0}), std::nullopt) << "nothing further right";
  EXPECT_EQ(next_in_direction(kPoints, 1u, {}, {0, -1}), 6u) << "up: (170, 30) is within 45°";
  EXPECT_EQ(next_in_direction({{0, 0}, {10, 100}}, 0u, {}, {1, 0}), 1u) << "none within 45°: the side";
}

TEST(SpatialFocus, MarksOnTopOfEachOtherAreNotANextStep) {
  const std::vector<glm::dvec2> same{{10, 10}, {10.5, 10}, {50, 10}};
  EXPECT_EQ(next_in_direction(same, 0u, {}, {1, 0}), 2u);
}

}  // namespace
}  // namespace ccap
