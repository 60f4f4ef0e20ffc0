#pragma once
// The app's clock, in seconds: the platform's monotonic clock (FrameInfo::time_seconds, the input
// events' times) plus what the test API moved it on by. A test can also hold it: from then on it
// moves only when advanced, so that a check such as "80 s idle is not yet 90" holds however long
// the test itself takes on a busy machine (tests/e2e/harness.mjs, holdClock).
#include <limits>

namespace ccap {

class AppClock {
 public:
  // The app's time at the platform's time `platform_s`.
  double at(double platform_s) const { return held_ ? held_at_ : platform_s + offset_; }
  // The platform's time at which the app's clock reads `app_s`, seen at the platform's `now`:
  // held, a time not yet reached is never reached by waiting (+infinity), only by advance().
  double platform_time(double app_s, double now) const {
    if (!held_) return app_s - offset_;
    return app_s <= held_at_ ? now : std::numeric_limits<double>::infinity();
  }
  // Moves the clock on by `seconds` (>= 0).
  void advance(double seconds) { (held_ ? held_at_ : offset_) += seconds; }
  // From now on the clock moves only when advanced; it reads `app_now` (the last frame's time, so
  // that nothing the app has seen goes back).
  void hold(double app_now) {
    if (held_) return;
    held_ = true;
    held_at_ = app_now;
  }
  bool held() const { return held_; }

 private:
  double offset_ = 0;  // s added to the platform's clock
  bool held_ = false;
  double held_at_ = 0;  // the time it reads while held
};

}  // namespace ccap
