#include "map/great_circle.h"

#include <algorithm>
#include <cmath>

namespace ccap {

namespace {

constexpr double kDeg = kPi / 180.0;

struct Vec3 {
  double x, y, z;
};

Vec3 to_vector(LngLat p) {
  const double lat = p.lat * kDeg, lng = p.lng * kDeg;
  return {std::cos(lat) * std::cos(lng), std::cos(lat) * std::sin(lng), std::sin(lat)};
}

LngLat to_lnglat(Vec3 v) { return {std::atan2(v.y, v.x) / kDeg, std::atan2(v.z, std::hypot(v.x, v.y)) / kDeg}; }

// Spherical linear interpolation; for (nearly) antipodal ends, through a chosen midpoint.
Vec3 slerp(Vec3 a, Vec3 b, double t) {
  const double dot = std::clamp(a.x * b.x + a.y * b.y + a.z * b.z, -1.0, 1.0);
  const double omega = std::acos(dot);
  const double s = std::sin(omega);
  if (s < 1e-12) return t < 0.5 ? a : b;
  const double wa = std::sin((1 - t) * omega) / s, wb = std::sin(t * omega) / s;
  return {wa * a.x + wb * b.x, wa * a.y + wb * b.y, wa * a.z + wb * b.z};
}

}  // namespace

std::vector<LngLat> great_circle_path(LngLat a, LngLat b, int segments) {
  segments = std::max(1, segments);
  const Vec3 va = to_vector(a), vb = to_vector(b);
  const double dot = va.x * vb.x + va.y * vb.y + va.z * vb.z;
  std::vector<LngLat> out;
  out.reserve(static_cast<std::size_t>(segments) + 1);
  if (dot < -1 + 1e-12) {
    // Antipodes: go by the point 90° east of a on its parallel's great circle through the pole.
    const Vec3 via = to_vector({a.lng + 90, 0});
    for (int i = 0; i <= segments; ++i) {
      const double t = static_cast<double>(i) / segments;
      out.push_back(to_lnglat(t < 0.5 ? slerp(va, via, t * 2) : slerp(via, vb, t * 2 - 1)));
    }
  } else {
    for (int i = 0; i <= segments; ++i) out.push_back(to_lnglat(slerp(va, vb, static_cast<double>(i) / segments)));
  }
  out.front() = a;  // exact ends, as given
  out.back() = b;
  for (std::size_t i = 1; i < out.size(); ++i) {  // continuous longitudes
    double lng = out[i].lng;
    while (lng - out[i - 1].lng > 180) lng -= 360;
    while (lng - out[i - 1].lng < -180) lng += 360;
    out[i].lng = lng;
  }
  return out;
}

LngLat great_circle_midpoint(LngLat a, LngLat b) {
  const auto path = great_circle_path(a, b, 2);
  return {wrap_longitude(path[1].lng), path[1].lat};
}

}  // namespace ccap
