#include "features/air/model/aqi.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {

TEST(Pm25Aqi, EveryBreakpointEdge) {
  struct Edge {
    double conc;
    int aqi;
    int category;
  };
  const Edge edges[] = {
      {0.0, 0, 0},    {9.0, 50, 0},    {9.1, 51, 1},    {35.4, 100, 1},  {35.5, 101, 2},  {55.4, 150, 2},
      {55.5, 151, 3}, {125.4, 200, 3}, {125.5, 201, 4}, {225.4, 300, 4}, {225.5, 301, 5}, {325.4, 500, 5},
  };
  for (const Edge& e : edges) {
    const auto r = pm25_aqi(e.conc);
    ASSERT_TRUE(r) << e.conc;
    EXPECT_EQ(r->aqi, e.aqi) << e.conc;
    EXPECT_EQ(r->category, e.category) << e.conc;
    EXPECT_FALSE(r->beyond_index);
  }
}

TEST(Pm25Aqi, TruncatesToATenthAndInterpolates) {
  EXPECT_EQ(pm25_aqi(9.09)->aqi, 50) << "9.09 is read as 9.0: still Good";
  EXPECT_EQ(pm25_aqi(35.49)->category, 1);
  // Moderate: 51 + (100 - 51) / (35.4 - 9.1) * (12.0 - 9.1) = 56.4 -> 56
  EXPECT_EQ(pm25_aqi(12.0)->aqi, 56);
  // Unhealthy: 151 + 49 / 69.9 * (80 - 55.5) = 168.17 -> 168
  EXPECT_EQ(pm25_aqi(80.0)->aqi, 168);
}

TEST(Pm25Aqi, BeyondTheIndexAndNonsense) {
  const auto r = pm25_aqi(400);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->beyond_index);
  EXPECT_EQ(r->aqi, 500);
  EXPECT_EQ(r->category, kAqiCategoryCount - 1) << "above the scale: the top category (aqi.h)";
  EXPECT_FALSE(pm25_aqi(-1));
  EXPECT_FALSE(pm25_aqi(NAN));
  EXPECT_FALSE(pm25_aqi(INFINITY));
}

TEST(Pm25Aqi, ColoursAreTheEpasAndTheAlternativeRampGetsDarker) {
  const AqiCategory* c = pm25_aqi_categories();
  EXPECT_EQ(to_hex(c[0].color), "#00e400ff");
  EXPECT_EQ(to_hex(c[5].color), "#7e0023ff");
  auto luma = [](Rgba8 x) { return 0.2126 * x.r + 0.7152 * x.g + 0.0722 * x.b; };
  for (int i = 1; i < kAqiCategoryCount; ++i)
    EXPECT_LT(luma(c[i].color_cvd), luma(c[i - 1].color_cvd)) << "ordered by lightness: readable without hue";
}

}  // namespace ccap
