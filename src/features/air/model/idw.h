#pragma once
// Inverse-distance weighting: an estimate at a place from the stations around it,
//   v(x) = sum(w_i v_i) / sum(w_i),  w_i = 1 / d_i^power,
// over the stations within `max_distance_m` (great-circle metres). A station closer than 1 m gives
// its own value. Nothing (nullopt) when no station is within reach: the surface never paints
// places far from any sensor (the open ocean).
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

std::optional<double> idw_estimate(std::span<const StationValue> stations, LngLat at, const IdwSettings& settings = {});

}  // namespace ccap
