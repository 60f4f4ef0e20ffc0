#include "map/fly_to.h"

#include <algorithm>
#include <cmath>

namespace ccap {

namespace {
constexpr double kRho = 1.42;  // MapLibre's default curve: how far to zoom out on the way
constexpr double kRho2 = kRho * kRho;

double ease_in_out(double k) { return k < 0.5 ? 4 * k * k * k : 1 - std::pow(-2 * k + 2, 3) / 2; }
}  // namespace

FlyTo::FlyTo(CameraPose from, CameraPose to, double viewport_size, double speed) : from_(from), to_(to) {
  to_.center.x += std::round(from_.center.x - to_.center.x);  // the short way round
  const double scale_at_from = 512.0 * std::exp2(from_.zoom);
  const double dx = (to_.center.x - from_.center.x) * scale_at_from;
  const double dy = (to_.center.y - from_.center.y) * scale_at_from;
  w0_ = std::max(1.0, viewport_size);
  const double w1 = w0_ / std::exp2(to_.zoom - from_.zoom);
  u1_ = std::hypot(dx, dy);
  auto r = [&](int i) {
    const double b =
        (w1 * w1 - w0_ * w0_ + (i ? -1 : 1) * kRho2 * kRho2 * u1_ * u1_) / (2 * (i ? w1 : w0_) * kRho2 * u1_);
    return std::log(std::sqrt(b * b + 1) - b);
  };
  if (u1_ < 1e-6) {
    zoom_only_ = true;
    zoom_direction_ = w1 < w0_ ? -1 : 1;
    path_ = std::abs(std::log(w1 / w0_)) / kRho;
  } else {
    r0_ = r(0);
    path_ = (r(1) - r0_) / kRho;
    if (!std::isfinite(path_)) {
      zoom_only_ = true;
      path_ = std::abs(std::log(w1 / w0_)) / kRho;
    }
  }
  duration_ = path_ / speed;
}

CameraPose FlyTo::at(double t) const {
  if (duration_ <= 0 || t >= duration_) return to_;
  const double k = ease_in_out(std::clamp(t / duration_, 0.0, 1.0));
  const double s = k * path_;
  double scale = 1, u = 0;
  if (zoom_only_) {
    scale = std::exp(-zoom_direction_ * kRho * s);
    u = k;
  } else {
    scale = std::cosh(r0_ + kRho * s) / std::cosh(r0_);
    u = (w0_ * (std::cosh(r0_) * std::tanh(r0_ + kRho * s) - std::sinh(r0_)) / kRho2) / u1_;
  }
  CameraPose p;
  p.zoom = from_.zoom + std::log2(scale);
  p.center = {from_.center.x + (to_.center.x - from_.center.x) * u,
              from_.center.y + (to_.center.y - from_.center.y) * u};
  return p;
}

}  // namespace ccap
