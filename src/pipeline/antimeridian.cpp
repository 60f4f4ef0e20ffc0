#include "pipeline/antimeridian.h"

#include <cmath>

namespace ccap::pipeline {

namespace {
constexpr double kEps = 1e-9;
bool on_antimeridian(LngLat p) { return std::abs(std::abs(p.lng) - 180.0) < kEps; }
bool at_pole(LngLat p) { return std::abs(std::abs(p.lat) - 90.0) < kEps; }
}  // namespace

bool is_cut_edge(LngLat a, LngLat b) {
  return (on_antimeridian(a) && on_antimeridian(b)) || (at_pole(a) && at_pole(b));
}

Ring unwrap_ring(const Ring& ring) {
  // A cut edge along one side of the meridian (or along a pole) is left as it is; an edge from
  // +180 to -180 is a crossing (Wrangel Island in Natural Earth), unwrapped like any other: left
  // alone, it spanned the whole world and its triangles drew a band of land across the sea.
  const auto along_the_cut = [](LngLat a, LngLat b) {
    return (at_pole(a) && at_pole(b)) || (on_antimeridian(a) && on_antimeridian(b) && (a.lng > 0) == (b.lng > 0));
  };
  Ring out;
  out.reserve(ring.size());
  double shift = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (i > 0 && !along_the_cut(ring[i - 1], ring[i])) {
      const double previous = out.back().lng;
      const double jump = ring[i].lng + shift - previous;
      if (jump > 180) shift -= 360 * std::round(jump / 360);
      if (jump < -180) shift += 360 * std::round(-jump / 360);
    }
    out.push_back({ring[i].lng + shift, ring[i].lat});
  }
  return out;
}

Ring shift_near(const Ring& ring, double lng) {
  if (ring.empty()) return ring;
  const double turns = std::round((lng - ring.front().lng) / 360);
  Ring out = ring;
  for (LngLat& p : out) p.lng += turns * 360;
  return out;
}

}  // namespace ccap::pipeline
