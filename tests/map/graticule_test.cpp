#include "map/graticule.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(Graticule, StepShrinksAsYouZoomIn) {
  double previous = 1e9;
  for (double z = 0; z <= 10; z += 0.5) {
    const double step = graticule_step_degrees(z);
    EXPECT_LE(step, previous);
    previous = step;
  }
  EXPECT_EQ(graticule_step_degrees(0), 30);
  EXPECT_EQ(graticule_step_degrees(8), 1);
}

TEST(Graticule, MeridiansAndParallelsSpanTheWorld) {
  const auto segments = graticule_segments(30);
  // 12 meridians; parallels at -60..60 every 30° (85° limit): 5.
  ASSERT_EQ(segments.size(), 12u + 5u);
  EXPECT_FLOAT_EQ(segments[0].a.x, 0.0f);
  EXPECT_FLOAT_EQ(segments[0].a.y, 0.0f);
  EXPECT_FLOAT_EQ(segments[0].b.y, 1.0f);
  EXPECT_FLOAT_EQ(segments[6].a.x, 0.5f);  // the prime meridian
  const Segment equator = segments[12 + 2];
  EXPECT_FLOAT_EQ(equator.a.y, 0.5f);
  EXPECT_FLOAT_EQ(equator.a.x, 0.0f);
  EXPECT_FLOAT_EQ(equator.b.x, 1.0f);
  EXPECT_TRUE(graticule_segments(0).empty());
}

}  // namespace ccap
