#pragma once
// When an unattended kiosk starts its tour and resets itself. Time is the app's frame clock
// (seconds); `last_input` is when a person last touched, clicked or typed.
//   untouched for idle_seconds   -> the attract tour starts            (Events::attract)
//   untouched for reset_seconds  -> everything resets, once per absence (Events::reset)
//   any input                    -> the tour stops at once             (Events::stop)
#include "features/kiosk/model/kiosk_config.h"

namespace ccap {

class IdleTimer {
 public:
  struct Events {
    bool attract = false;  // the tour starts now
    bool stop = false;     // a person is back: the tour stops now
    bool reset = false;    // reset everything now
  };

  explicit IdleTimer(const KioskConfig& config) : idle_(config.idle_seconds), reset_(config.reset_seconds) {}
  Events update(double now, double last_input);
  bool attracting() const { return attracting_; }
  // When update() will next have an event to give without new input (the tour starting, the
  // reset); +infinity when both are done.
  double next_event_at() const;
  double idle_for(double now) const { return now - last_input_; }

 private:
  double idle_, reset_;
  double last_input_ = 0;
  bool attracting_ = false;
  bool reset_done_ = false;
};

}  // namespace ccap
