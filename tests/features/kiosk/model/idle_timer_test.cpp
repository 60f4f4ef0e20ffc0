#include "features/kiosk/model/idle_timer.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

TEST(IdleTimer, TourAfterTheIdleTimeResetOnceAfterTheLongerOneTouchStopsIt) {
  KioskConfig c;  // 90 s, 180 s
  IdleTimer t(c);
  EXPECT_FALSE(t.update(10, 10).attract);
  EXPECT_FALSE(t.update(99.9, 10).attract) << "89.9 s untouched";
  IdleTimer::Events e = t.update(100, 10);
  EXPECT_TRUE(e.attract);
  EXPECT_FALSE(e.reset);
  EXPECT_TRUE(t.attracting());
  EXPECT_FALSE(t.update(150, 10).attract) << "starts once";
  e = t.update(190, 10);
  EXPECT_TRUE(e.reset);
  EXPECT_FALSE(t.update(500, 10).reset) << "one reset per absence";
  EXPECT_TRUE(t.attracting()) << "the tour goes on after the reset";
  e = t.update(501, 500.5);  // a touch
  EXPECT_TRUE(e.stop);
  EXPECT_FALSE(t.attracting());
  EXPECT_TRUE(t.update(700, 500.5).reset) << "the next absence resets again";
}

TEST(IdleTimer, ATouchBeforeTheIdleTimeKeepsTheMapQuiet) {
  KioskConfig c;
  c.idle_seconds = 30;
  c.reset_seconds = 60;
  IdleTimer t(c);
  for (double now = 0; now < 600; now += 1) {
    const double last = now - static_cast<double>(static_cast<int>(now) % 20);  // a touch every 20 s
    const IdleTimer::Events e = t.update(now, last);
    EXPECT_FALSE(e.attract || e.reset || e.stop) << now;
  }
}

}  // namespace
}  // namespace ccap
