#pragma once
// Animated flights between two views: zooming out and back in along the way when the places are
// far apart, like MapLibre's flyTo (van Wijk & Nuij, "Smooth and efficient zooming and panning",
// 2003), and always the short way round the world.
#include <glm/vec2.hpp>

#include "map/geo.h"

namespace ccap {

struct CameraPose {
  WorldPoint center;
  double zoom = 0;
};

class FlyTo {
 public:
  // `viewport_size`: the larger side of the viewport in pixels. `speed`: as in MapLibre (1.2).
  FlyTo(CameraPose from, CameraPose to, double viewport_size, double speed = 1.2);
  double duration_seconds() const { return duration_; }
  // The pose at `t` seconds from the start (clamped to the end).
  CameraPose at(double t) const;

 private:
  CameraPose from_, to_;
  double w0_ = 1, u1_ = 0, r0_ = 0, path_ = 0, duration_ = 0;
  bool zoom_only_ = false;
  double zoom_direction_ = 1;
};

}  // namespace ccap
