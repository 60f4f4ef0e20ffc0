#include "app/app_clock.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {

TEST(AppClock, FollowsThePlatformPlusWhatItWasMovedOnBy) {
  AppClock clock;
  EXPECT_DOUBLE_EQ(clock.at(10), 10);
  clock.advance(80);
  EXPECT_DOUBLE_EQ(clock.at(10), 90);
  EXPECT_DOUBLE_EQ(clock.at(12.5), 92.5);  // and real seconds still pass
  EXPECT_DOUBLE_EQ(clock.platform_time(100, 12.5), 20);
}

TEST(AppClock, HeldItMovesOnlyWhenAdvancedHoweverLongThePlatformTakes) {
  AppClock clock;
  clock.advance(5);
  clock.hold(15);  // the last frame's time
  EXPECT_TRUE(clock.held());
  EXPECT_DOUBLE_EQ(clock.at(10), 15);
  EXPECT_DOUBLE_EQ(clock.at(10'000), 15);  // a busy machine: hours of real time, none of the app's
  clock.advance(89.5);
  EXPECT_DOUBLE_EQ(clock.at(10'001), 104.5);
  clock.hold(0);  // holding again changes nothing
  EXPECT_DOUBLE_EQ(clock.at(1), 104.5);
}

TEST(AppClock, HeldATimeNotYetReachedIsNeverDueByWaiting) {
  AppClock clock;
  clock.hold(30);
  EXPECT_DOUBLE_EQ(clock.platform_time(29, 7), 7);  // due already: now
  EXPECT_DOUBLE_EQ(clock.platform_time(30, 7), 7);
  EXPECT_TRUE(std::isinf(clock.platform_time(30.5, 7)));
  clock.advance(1);
  EXPECT_DOUBLE_EQ(clock.platform_time(30.5, 8), 8);
}

}  // namespace
}  // namespace ccap
