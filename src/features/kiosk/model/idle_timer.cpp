#include "features/kiosk/model/idle_timer.h"

#include <algorithm>

namespace ccap {

IdleTimer::Events IdleTimer::update(double now, double last_input) {
  Events e;
  if (last_input > last_input_) {  // someone is here
    last_input_ = last_input;
    reset_done_ = false;
    if (attracting_) e.stop = true;
    attracting_ = false;
  }
  const double idle = now - last_input_;
  if (!attracting_ && idle >= idle_) {
    attracting_ = true;
    e.attract = true;
  }
  if (!reset_done_ && idle >= reset_) {
    reset_done_ = true;
    e.reset = true;
  }
  return e;
}

double IdleTimer::next_event_at() const {
  double t = 1e300;
  if (!attracting_) t = last_input_ + idle_;
  if (!reset_done_) t = std::min(t, last_input_ + reset_);
  return t;
}

}  // namespace ccap
