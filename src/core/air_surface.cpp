#include "core/air_surface.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccap {

double local_distance_meters(LngLat a, LngLat b) {
  constexpr double kRad = kPi / 180;
  double dlng = std::fmod(b.lng - a.lng + 540.0, 360.0) - 180.0;  // the short way round
  const double x = dlng * kRad * std::cos((a.lat + b.lat) * 0.5 * kRad);
  const double y = (b.lat - a.lat) * kRad;
  return kEarthRadiusMeters * std::sqrt(x * x + y * y);
}

void StationIndex::build(std::span<const LngLat> where, double cell_degrees) {
  cell_ = cell_degrees;
  cols_ = static_cast<int>(std::ceil(360 / cell_));
  rows_ = static_cast<int>(std::ceil(180 / cell_));
  std::vector<std::size_t> cell_of(where.size());
  cell_start_.assign(static_cast<std::size_t>(cols_ * rows_) + 1, 0);
  for (std::size_t s = 0; s < where.size(); ++s) {
    const int c = std::clamp(static_cast<int>(std::floor((wrap_longitude(where[s].lng) + 180) / cell_)), 0, cols_ - 1);
    const int r = std::clamp(static_cast<int>(std::floor((where[s].lat + 90) / cell_)), 0, rows_ - 1);
    cell_of[s] = static_cast<std::size_t>(r * cols_ + c);
    ++cell_start_[cell_of[s] + 1];
  }
  for (std::size_t i = 1; i < cell_start_.size(); ++i) cell_start_[i] += cell_start_[i - 1];
  std::vector<std::uint32_t> next(cell_start_.begin(), cell_start_.end() - 1);
  lng_.resize(where.size());
  lat_.resize(where.size());
  station_.resize(where.size());
  for (std::size_t s = 0; s < where.size(); ++s) {
    const std::uint32_t i = next[cell_of[s]]++;
    lng_[i] = wrap_longitude(where[s].lng);
    lat_[i] = where[s].lat;
    station_[i] = static_cast<std::uint32_t>(s);
  }
}

SurfaceGrid compute_surface(const MapCamera& camera, const StationIndex& index, std::span<const float> values,
                            const SurfaceSettings& settings) {
  SurfaceGrid g;
  g.step_px = settings.step_px;
  const glm::dvec2 vp = camera.viewport();
  g.cols = static_cast<int>(std::ceil(vp.x / g.step_px)) + 1;
  g.rows = static_cast<int>(std::ceil(vp.y / g.step_px)) + 1;
  g.texels.assign(static_cast<std::size_t>(g.cols * g.rows * 2), 0.0f);
  const double reach = settings.idw.max_distance_m, fade = settings.fade_from * reach;
  const bool square_power = settings.idw.power == 2;
  const double half_power = settings.idw.power / 2;
  for (int row = 0; row < g.rows; ++row)
    for (int col = 0; col < g.cols; ++col) {
      const LngLat at = camera.screen_to_lnglat({(col + 0.5) * g.step_px, (row + 0.5) * g.step_px});
      double weighted = 0, weights = 0, nearest2 = std::numeric_limits<double>::infinity();
      bool exact = false;
      index.for_each_within(at, reach, [&](std::uint32_t s, double d2) {
        const float v = values[s];
        if (exact || !std::isfinite(v)) return;
        nearest2 = std::min(nearest2, d2);
        if (d2 < 1.0) {  // within a metre: the station's own value
          exact = true;
          weighted = v;
          weights = 1;
          return;
        }
        const double w = square_power ? 1.0 / d2 : std::pow(d2, -half_power);
        weighted += w * v;
        weights += w;
      });
      if (weights <= 0) continue;
      const double t = std::clamp((std::sqrt(nearest2) - fade) / (reach - fade), 0.0, 1.0);
      const double coverage = 1 - t * t * (3 - 2 * t);
      if (coverage <= 0) continue;
      const auto i = static_cast<std::size_t>((row * g.cols + col) * 2);
      g.texels[i] = static_cast<float>(weighted / weights * coverage);
      g.texels[i + 1] = static_cast<float>(coverage);
      if (g.covered++ == 0) {
        g.first_col = g.last_col = col;
        g.first_row = g.last_row = row;
      }
      g.first_col = std::min(g.first_col, col);
      g.last_col = std::max(g.last_col, col);
      g.last_row = row;
    }
  return g;
}

}  // namespace ccap
