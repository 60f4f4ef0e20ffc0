#include "map/geo.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ccap {

namespace {
constexpr double kDegToRad = kPi / 180.0;
}

double wrap_longitude(double lng) {
  double w = std::fmod(lng + 180.0, 360.0);
  if (w < 0) w += 360.0;
  return w - 180.0;
}

int world_copy_of(double x) { return static_cast<int>(std::floor(x)); }

WorldPoint project(LngLat p) {
  const double lat = std::clamp(p.lat, -kMaxMercatorLatitude, kMaxMercatorLatitude) * kDegToRad;
  const double x = (p.lng + 180.0) / 360.0;
  const double y = 0.5 - std::log(std::tan(kPi / 4 + lat / 2)) / (2 * kPi);
  return {x, y};
}

LngLat unproject(WorldPoint p) {
  const double lng = wrap_longitude(p.x * 360.0 - 180.0);
  const double lat = (2 * std::atan(std::exp((0.5 - p.y) * 2 * kPi)) - kPi / 2) / kDegToRad;
  return {lng, lat};
}

double GeoBounds::lng_span() const {
  const double span = east - west;
  return span > 0 ? span : span + 360.0;
}

bool GeoBounds::contains(LngLat p) const {
  if (p.lat < south || p.lat > north) return false;
  double d = wrap_longitude(p.lng) - wrap_longitude(west);
  if (d < 0) d += 360.0;
  return d <= lng_span();
}

double distance_meters(LngLat a, LngLat b) {
  const double phi1 = a.lat * kDegToRad, phi2 = b.lat * kDegToRad;
  const double dphi = phi2 - phi1, dlambda = (b.lng - a.lng) * kDegToRad;
  const double h = std::sin(dphi / 2) * std::sin(dphi / 2) +
                   std::cos(phi1) * std::cos(phi2) * std::sin(dlambda / 2) * std::sin(dlambda / 2);
  return 2 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(h)));
}

GeoBounds bounds_of(std::span<const LngLat> places, double margin) {
  std::vector<double> lng;
  double south = 90, north = -90;
  for (const LngLat& p : places) {
    if (!std::isfinite(p.lng) || !std::isfinite(p.lat)) continue;
    lng.push_back(std::remainder(p.lng, 360.0));
    south = std::min(south, p.lat);
    north = std::max(north, p.lat);
  }
  if (lng.empty()) return {};
  std::sort(lng.begin(), lng.end());
  std::size_t after_gap = 0;  // the first longitude east of the widest gap
  double widest = lng.front() + 360 - lng.back();
  for (std::size_t i = 1; i < lng.size(); ++i)
    if (lng[i] - lng[i - 1] > widest) {
      widest = lng[i] - lng[i - 1];
      after_gap = i;
    }
  const double west = lng[after_gap], east = lng[(after_gap + lng.size() - 1) % lng.size()];
  if (360 - widest + 2 * margin >= 360)
    return {-180, std::max(-85.0, south - margin), 180, std::min(85.0, north + margin)};
  return {std::remainder(west - margin, 360.0), std::max(-85.0, south - margin), std::remainder(east + margin, 360.0),
          std::min(85.0, north + margin)};
}

}  // namespace ccap
