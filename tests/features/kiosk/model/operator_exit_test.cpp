#include "features/kiosk/model/operator_exit.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

TEST(OperatorExit, FiveQuickTapsInTheTopRightCornerOpenThePad) {
  OperatorExit exit("2468");
  const double width = 1920;
  for (int i = 0; i < 4; ++i) EXPECT_FALSE(exit.tap({1900, 20}, width, i * 0.5));
  EXPECT_TRUE(exit.tap({1910, 10}, width, 2.0));
  // Too slow: the count starts again.
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(exit.tap({1900, 20}, width, 10 + i * 1.6));
  // A tap elsewhere breaks the sequence.
  for (int i = 0; i < 3; ++i) exit.tap({1900, 20}, width, 30 + i * 0.1);
  exit.tap({960, 540}, width, 30.4);
  EXPECT_FALSE(exit.tap({1900, 20}, width, 30.5));
}

TEST(OperatorExit, TheRightPinOpensThreeWrongOnesLockTheMinute) {
  OperatorExit exit("2468");
  EXPECT_EQ(exit.check("1111", 0), OperatorExit::Verdict::Wrong);
  EXPECT_EQ(exit.check("2468", 1), OperatorExit::Verdict::Open);
  EXPECT_EQ(exit.check("1", 2), OperatorExit::Verdict::Wrong);
  EXPECT_EQ(exit.check("2", 3), OperatorExit::Verdict::Wrong);
  EXPECT_EQ(exit.check("3", 4), OperatorExit::Verdict::Locked);
  EXPECT_EQ(exit.check("2468", 30), OperatorExit::Verdict::Locked) << "even the right PIN, for a minute";
  EXPECT_EQ(exit.check("2468", 65), OperatorExit::Verdict::Open);
}

}  // namespace
TEST(OperatorExit, WithoutAPinTheGestureOpensNothing) {
  OperatorExit exit(std::nullopt);
  EXPECT_FALSE(exit.enabled());
  bool opened = false;
  for (int i = 0; i < 10; ++i) opened = opened || exit.tap({1000, 10}, 1024, i * 0.5);
  EXPECT_FALSE(opened);
  EXPECT_NE(exit.check("2468", 10), OperatorExit::Verdict::Open) << "the published default opens nothing";
}

}  // namespace ccap
