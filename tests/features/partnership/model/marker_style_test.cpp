#include "features/partnership/model/marker_style.h"

#include <gtest/gtest.h>

#include <set>

namespace ccap {

TEST(MarkerStyle, AreaGrowsWithPopulationWithinBounds) {
  EXPECT_FLOAT_EQ(marker_radius(0), 4);
  EXPECT_FLOAT_EQ(marker_radius(100'000'000), 14);
  EXPECT_LT(marker_radius(600'000), marker_radius(1'400'000));
  EXPECT_LT(marker_radius(1'400'000), marker_radius(5'100'000));
  // Radius with the square root: 4x the people, 2x the (radius - 3).
  EXPECT_NEAR(marker_radius(4'000'000) - 3, 2 * (marker_radius(1'000'000) - 3), 1e-5);
}

TEST(MarkerStyle, LevelsGetDistinctColoursAndC3AShape) {
  std::set<std::string> colours;
  for (int rank = 0; rank <= 3; ++rank) colours.insert(to_hex(certification_color(rank)));
  EXPECT_EQ(colours.size(), 4u);
  EXPECT_EQ(marker_style(1, 1, false).ring, true);
  EXPECT_EQ(marker_style(1, 0, false).ring, false);
  EXPECT_EQ(marker_style(1, 0, true).shape, MarkerShape::Diamond);
  EXPECT_EQ(marker_style(1, 2, false).shape, MarkerShape::Circle);
}

TEST(MarkerStyle, TheLegendExplainsEveryEncoding) {
  const auto legend = marker_legend({"Bronze", "Level 2 (name not published)", "Level 3 (name not published)"});
  ASSERT_EQ(legend.size(), 7u);
  EXPECT_EQ(legend[1].label, "Certification: Bronze");
  EXPECT_TRUE(legend[1].symbol.ring);
  EXPECT_EQ(legend[4].symbol.shape, MarkerShape::Diamond);
  EXPECT_STREQ(legend_symbol_name(legend[6].symbol), "group") << "the group of cities too close to tell apart";
  EXPECT_EQ(legend[6].symbol.fill, kGroupFill);
  EXPECT_FALSE(legend[6].symbol.ring);
}

}  // namespace ccap
