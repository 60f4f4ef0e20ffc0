#include "features/kiosk/model/operator_exit.h"

namespace ccap {

bool OperatorExit::tap(glm::dvec2 at, double width, double now) {
  const bool in_corner = at.x >= width - kCornerPx && at.y <= kCornerPx;
  if (!in_corner || !pin_) {
    taps_ = 0;
    return false;
  }
  if (taps_ == 0 || now - first_tap_ > kWithinSeconds) {
    taps_ = 0;
    first_tap_ = now;
  }
  if (++taps_ < kTaps) return false;
  taps_ = 0;
  return true;
}

OperatorExit::Verdict OperatorExit::check(const std::string& entered, double now) {
  if (locked(now)) return Verdict::Locked;
  if (pin_ && entered == *pin_) {
    wrong_ = 0;
    return Verdict::Open;
  }
  if (++wrong_ >= kTries) {
    wrong_ = 0;
    locked_until_ = now + kLockSeconds;
    return Verdict::Locked;
  }
  return Verdict::Wrong;
}

}  // namespace ccap
