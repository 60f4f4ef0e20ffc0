#pragma once
// The operator's way out of kiosk mode, which a visitor does not stumble on: five taps within
// six seconds in the screen's top-right corner (a square of kCornerPx logical px, where nothing
// else is tapped) open a PIN pad; the PIN from kiosk.json leaves kiosk mode. Three wrong PINs lock
// the pad for a minute. With no PIN (kiosk.json's was not valid: fail closed) there is no way out
// but the device's own: the gesture opens nothing.
#include <optional>
#include <string>

#include <glm/vec2.hpp>

namespace ccap {

class OperatorExit {
 public:
  static constexpr double kCornerPx = 64;
  static constexpr int kTaps = 5;
  static constexpr double kWithinSeconds = 6;
  static constexpr int kTries = 3;
  static constexpr double kLockSeconds = 60;

  explicit OperatorExit(std::optional<std::string> pin) : pin_(std::move(pin)) {}
  bool enabled() const { return pin_.has_value(); }

  // A pointer went down at `at` (logical px) on a screen `width` px wide. True when this tap
  // completes the gesture: show the PIN pad.
  bool tap(glm::dvec2 at, double width, double now);
  enum class Verdict { Open, Wrong, Locked };
  Verdict check(const std::string& entered, double now);
  bool locked(double now) const { return now < locked_until_; }

 private:
  std::optional<std::string> pin_;
  int taps_ = 0;
  double first_tap_ = -1e9;
  int wrong_ = 0;
  double locked_until_ = -1;
};

}  // namespace ccap
