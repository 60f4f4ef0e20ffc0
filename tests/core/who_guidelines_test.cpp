#include "core/who_guidelines.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(WhoGuidelines, BandsAtEveryEdge) {
  EXPECT_EQ(pm25_annual_band(0), 0);
  EXPECT_EQ(pm25_annual_band(5), 0);
  EXPECT_EQ(pm25_annual_band(5.01), 1);
  EXPECT_EQ(pm25_annual_band(10), 1);
  EXPECT_EQ(pm25_annual_band(15), 2);
  EXPECT_EQ(pm25_annual_band(15.6), 3);
  EXPECT_EQ(pm25_annual_band(25), 3);
  EXPECT_EQ(pm25_annual_band(35), 4);
  EXPECT_EQ(pm25_annual_band(35.1), 5);
}

TEST(WhoGuidelines, PlainWords) {
  EXPECT_EQ(describe_pm25_annual(15.6),
            "3.1 x the WHO guideline (5 µg/m³); meets interim target 2 (25), not yet interim target 3 (15)");
  EXPECT_EQ(describe_pm25_annual(12.1),
            "2.4 x the WHO guideline (5 µg/m³); meets interim target 3 (15), not yet interim target 4 (10)");
  EXPECT_EQ(describe_pm25_annual(4), "meets the WHO guideline (5 µg/m³)");
  EXPECT_EQ(describe_pm25_annual(50), "10.0 x the WHO guideline (5 µg/m³); above interim target 1 (35)");
}

}  // namespace ccap
