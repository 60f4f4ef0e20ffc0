#include "pipeline/border_lines.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap::pipeline {

namespace {
Ring box(double w, double s, double e, double n) { return {{w, s}, {e, s}, {e, n}, {w, n}, {w, s}}; }
}  // namespace

TEST(BorderLines, SharedEdgesAreBordersLoneEdgesCoast) {
  // Two boxes side by side: 1 shared edge, 6 coast edges.
  const auto lines = extract_lines({{box(0, 0, 10, 10)}, {box(10, 0, 20, 10)}});
  EXPECT_EQ(lines.borders.size(), 1u);
  EXPECT_EQ(lines.coastlines.size(), 6u);
  EXPECT_DOUBLE_EQ(lines.borders[0].a.lng, 10);
  EXPECT_DOUBLE_EQ(lines.borders[0].b.lng, 10);
}

TEST(BorderLines, ARingTracedTwiceByOneCountryIsNotABorder) {
  // The same edge twice inside one country (a degenerate multipolygon) stays coast.
  const auto lines = extract_lines({{box(0, 0, 10, 10), box(0, 0, 10, 10)}});
  EXPECT_TRUE(lines.borders.empty());
  EXPECT_EQ(lines.coastlines.size(), 4u);
}

TEST(BorderLines, CutEdgesOnTheAntimeridianAreNeitherCoastNorBorder) {
  // Natural Earth style: one country in two pieces either side of 180°.
  const auto lines = extract_lines({{box(170, 0, 180, 10), box(-180, 0, -170, 10)}});
  EXPECT_TRUE(lines.borders.empty());
  EXPECT_EQ(lines.coastlines.size(), 6u);
  for (const auto& s : lines.coastlines)
    EXPECT_FALSE(std::abs(s.a.lng) == 180 && std::abs(s.b.lng) == 180) << "a cut edge was kept";
}

TEST(BorderLines, EdgesJumpingTheAntimeridianComeOutContinuous) {
  const auto lines = extract_lines({{{{175, 20}, {-175, 20}, {-175, 25}, {175, 25}, {175, 20}}}});
  ASSERT_EQ(lines.coastlines.size(), 4u);
  for (const auto& s : lines.coastlines) EXPECT_LE(std::abs(s.b.lng - s.a.lng), 10.0 + 1e-9);
}

TEST(BorderLines, EmptyInputGivesNothing) {
  const auto lines = extract_lines({});
  EXPECT_TRUE(lines.coastlines.empty());
  EXPECT_TRUE(lines.borders.empty());
}

}  // namespace ccap::pipeline
