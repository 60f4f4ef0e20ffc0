#pragma once
// Inverse-distance weighting: an estimate at a place from the stations around it,
//   v(x) = sum(w_i v_i) / sum(w_i),  w_i = ((R - d_i) / (R d_i))^power,
// over the stations closer than R (great-circle metres): Franke and Nielson's modified Shepard
// weights (Franke & Nielson 1980, "Smooth interpolation of large sets of scattered data", Int. J.
// Numer. Methods Eng. 15). Near a station they behave as 1 / d^power; they fall to 0 at R, so a
// station that comes within R (or, in the surface, drops out of the nearest k) enters the sum with
// no weight: the estimate is continuous where plain 1 / d^power weights would jump. R is
// `max_distance_m` here. A station closer than 1 m gives its own value. Nothing (nullopt) when no
// station is within reach: the surface never paints places far from any sensor (the open ocean).
#include <cmath>
#include <optional>
#include <span>

#include "map/geo.h"

namespace ccap {

struct StationValue {
  LngLat where;
  double value = 0;
};

struct IdwSettings {
  double power = 2;
  double max_distance_m = 50'000;
};

// The weight of a station `d` metres away when stations count up to `reach` metres: see above.
inline double shepard_weight(double d, double reach, double power) {
  if (d >= reach) return 0;
  const double w = (reach - d) / (reach * d);
  return power == 2 ? w * w : std::pow(w, power);
}

std::optional<double> idw_estimate(std::span<const StationValue> stations, LngLat at, const IdwSettings& settings = {});

}  // namespace ccap
