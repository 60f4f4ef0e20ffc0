#include "pipeline/antimeridian.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap::pipeline {

TEST(Antimeridian, CutEdgesAreTheOnesAlong180OrThePoles) {
  EXPECT_TRUE(is_cut_edge({180, 10}, {180, 20}));
  EXPECT_TRUE(is_cut_edge({-180, 10}, {180, -5}));
  EXPECT_TRUE(is_cut_edge({-180, -90}, {180, -90}));
  EXPECT_FALSE(is_cut_edge({179.9, 10}, {180, 20}));
  EXPECT_FALSE(is_cut_edge({170, 10}, {-170, 10}));
}

TEST(Antimeridian, UnwrapMakesACrossingRingContinuous) {
  const Ring ring{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}, {170, -10}};
  const Ring out = unwrap_ring(ring);
  ASSERT_EQ(out.size(), ring.size());
  EXPECT_DOUBLE_EQ(out[1].lng, 190);
  EXPECT_DOUBLE_EQ(out[2].lng, 190);
  EXPECT_DOUBLE_EQ(out[3].lng, 170);
  EXPECT_DOUBLE_EQ(out[4].lng, 170);
  for (std::size_t i = 0; i < out.size(); ++i) EXPECT_DOUBLE_EQ(out[i].lat, ring[i].lat);
}

TEST(Antimeridian, UnwrapLeavesOrdinaryAndPreSplitRingsAlone) {
  const Ring fiji_east{{-180, -16}, {-179.8, -16.02}, {-179.9, -16.5}, {-180, -16.4}, {-180, -16}};
  const Ring out = unwrap_ring(fiji_east);
  for (std::size_t i = 0; i < out.size(); ++i) EXPECT_DOUBLE_EQ(out[i].lng, fiji_east[i].lng);
  // Antarctica-like: the closing edge along the pole spans 360° but is a cut, not a jump.
  const Ring polar{{-180, -90}, {-180, -70}, {0, -65}, {180, -70}, {180, -90}, {-180, -90}};
  const Ring p = unwrap_ring(polar);
  EXPECT_DOUBLE_EQ(p[3].lng, 180);
  EXPECT_DOUBLE_EQ(p[5].lng, -180);
}

TEST(Antimeridian, ARingThroughBothSidesOfTheMeridianIsUnwrapped) {
  // Wrangel Island as Natural Earth draws it: one ring stepping from +180 straight to -180 and back.
  const Ring wrangel{{178.7, 71.1}, {180, 71.5}, {-180, 71.5}, {-177.4, 71.2},
                     {-180, 70.9},  {180, 70.9}, {178.7, 71.1}};
  const Ring out = unwrap_ring(wrangel);
  EXPECT_DOUBLE_EQ(out[2].lng, 180) << "-180 follows +180 without a turn of the world";
  EXPECT_DOUBLE_EQ(out[3].lng, 182.6);
  EXPECT_DOUBLE_EQ(out[4].lng, 180);
  EXPECT_DOUBLE_EQ(out[5].lng, 180);
  for (std::size_t i = 1; i < out.size(); ++i) EXPECT_LT(std::abs(out[i].lng - out[i - 1].lng), 180) << i;
}

TEST(Antimeridian, WestwardCrossingsGoNegative) {
  const Ring out = unwrap_ring({{-175, 0}, {175, 0}, {175, 5}, {-175, 5}, {-175, 0}});
  EXPECT_DOUBLE_EQ(out[1].lng, -185);
  EXPECT_DOUBLE_EQ(out[3].lng, -175);
}

TEST(Antimeridian, ShiftNearMovesAHoleNextToItsRing) {
  const Ring hole{{-178, 1}, {-176, 1}, {-176, 2}, {-178, 1}};
  const Ring moved = shift_near(hole, 175);
  EXPECT_DOUBLE_EQ(moved[0].lng, 182);
  EXPECT_DOUBLE_EQ(shift_near(hole, -170)[0].lng, -178);
}

}  // namespace ccap::pipeline
