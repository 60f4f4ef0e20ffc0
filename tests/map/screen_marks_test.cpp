#include "map/screen_marks.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

TEST(ScreenMarks, ABoxTouchingADiscIsCovered) {
  ScreenMarks marks;
  marks.add({100, 100}, 8);
  EXPECT_TRUE(marks.covers({96, 96}, {104, 104}));     // the box around the centre
  EXPECT_TRUE(marks.covers({107, 90}, {130, 110}));    // an edge within the radius
  EXPECT_FALSE(marks.covers({109, 90}, {130, 110}));   // an edge just beyond it
  EXPECT_FALSE(marks.covers({106, 106}, {130, 130}));  // the corner is 8.49 px away, past the rim
}

TEST(ScreenMarks, EmptyAfterClear) {
  ScreenMarks marks;
  marks.add({0, 0}, 100);
  marks.clear();
  EXPECT_EQ(marks.size(), 0u);
  EXPECT_FALSE(marks.covers({0, 0}, {1, 1}));
}

}  // namespace
}  // namespace ccap
