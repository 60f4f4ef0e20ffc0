// The station chart's axes: tick steps, and guide-line labels that each get a place of their own.
#include "features/air/model/chart_axes.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {

TEST(ChartAxes, NiceStepIsOneTwoOrFiveTimesAPowerOfTen) {
  EXPECT_DOUBLE_EQ(nice_step(100, 4), 50);
  EXPECT_DOUBLE_EQ(nice_step(80, 4), 20);
  EXPECT_DOUBLE_EQ(nice_step(9, 4), 5);
  EXPECT_DOUBLE_EQ(nice_step(0.4, 4), 0.1);
}

// The PM2.5 24-hour lines (15, 25, 37.5, 50, 75 µg/m³) on a 150 px chart reaching 300: 15 and 25
// are 5 px apart. Every line keeps its label, a line height apart, in the lines' order.
TEST(ChartAxes, EveryGuideLineGetsALabelALineApart) {
  const float bottom = 160, height = 150, gap = 13;
  std::vector<float> ys;
  for (double v : {15.0, 25.0, 37.5, 50.0, 75.0}) ys.push_back(bottom - static_cast<float>(v / 300) * height);
  const std::vector<float> at = spread_labels(ys, gap, 10);
  ASSERT_EQ(at.size(), ys.size());
  EXPECT_FLOAT_EQ(at[0], ys[0]) << "the lowest line's label stays on it";
  for (std::size_t i = 1; i < at.size(); ++i) {
    EXPECT_GE(at[i - 1] - at[i], gap - 1e-3f) << i;
    EXPECT_LE(at[i], ys[i]) << "pushed up, never down past its line";
  }
}

TEST(ChartAxes, AStackThatPassesTheTopComesBackDown) {
  const std::vector<float> at = spread_labels({20, 19, 18}, 10, 5);
  EXPECT_FLOAT_EQ(at[2], 5);
  EXPECT_FLOAT_EQ(at[1], 15);
  EXPECT_FLOAT_EQ(at[0], 25);
}

TEST(ChartAxes, LinesGivenInAnyOrderKeepTheirOwnLabels) {
  const std::vector<float> at = spread_labels({50, 100, 52}, 10, 0);
  EXPECT_FLOAT_EQ(at[1], 100);
  EXPECT_FLOAT_EQ(at[2], 52);
  EXPECT_FLOAT_EQ(at[0], 42);
}

}  // namespace
}  // namespace ccap
