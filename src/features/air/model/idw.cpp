#include "features/air/model/idw.h"

#include <cmath>

namespace ccap {

std::optional<double> idw_estimate(std::span<const StationValue> stations, LngLat at, const IdwSettings& s) {
  double weighted = 0, weights = 0;
  for (const StationValue& st : stations) {
    if (!std::isfinite(st.value)) continue;
    const double d = distance_meters(at, st.where);
    if (d >= s.max_distance_m) continue;
    if (d < 1.0) return st.value;
    const double w = shepard_weight(d, s.max_distance_m, s.power);
    weighted += w * st.value;
    weights += w;
  }
  if (weights <= 0) return std::nullopt;
  return weighted / weights;
}

}  // namespace ccap
