#include "map/scale_bar.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(ScaleBar, PicksTheLongestNiceDistanceThatFits) {
  auto bar = scale_bar(1000, 120);  // 120 km fit: 100 km
  EXPECT_EQ(bar.label, "100 km");
  EXPECT_DOUBLE_EQ(bar.pixels, 100);
  bar = scale_bar(1000, 260);  // 260 km: 200 km
  EXPECT_EQ(bar.label, "200 km");
  bar = scale_bar(4.5, 120);  // 540 m: 500 m
  EXPECT_EQ(bar.label, "500 m");
  EXPECT_NEAR(bar.pixels, 500 / 4.5, 1e-9);
  bar = scale_bar(30000, 120);  // 3,600 km: 2,000 km
  EXPECT_EQ(bar.label, "2,000 km");
  EXPECT_LE(bar.pixels, 120);
  EXPECT_GE(bar.pixels, 120 / 2.5);  // never less than 40 % of the room
}

TEST(ScaleBar, NothingForNonsense) {
  EXPECT_TRUE(scale_bar(0, 100).label.empty());
  EXPECT_TRUE(scale_bar(-1, 100).label.empty());
  EXPECT_TRUE(scale_bar(1.0 / 0.0, 100).label.empty());
}

}  // namespace ccap

#include "base/text_format.h"

namespace ccap {
TEST(TextFormat, ThousandsSeparators) {
  EXPECT_EQ(with_thousands(0), "0");
  EXPECT_EQ(with_thousands(999), "999");
  EXPECT_EQ(with_thousands(1000), "1,000");
  EXPECT_EQ(with_thousands(7871900), "7,871,900");
  EXPECT_EQ(with_thousands(-1234567), "-1,234,567");
}
}  // namespace ccap
