#pragma once
// The interpolated air-quality surface: inverse-distance weighting (see idw.h) sampled on a grid of
// screen cells, which the renderer stretches over the view with linear filtering.
//
// Each sample holds (value x coverage, coverage). Coverage is 1 up to `fade_from` x the reach,
// then falls smoothly to 0 at the reach (max_distance_m) from the nearest station, so the surface
// ends softly and never paints places far from any sensor. Storing the value premultiplied by
// coverage lets filtering blend a covered sample with an uncovered one without inventing a value:
// the shader divides again.
//
// Distances use the local equirectangular approximation (error far below 1% within 100 km), not
// the haversine: a frame samples thousands of points.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "core/geo.h"
#include "core/idw.h"
#include "core/map_camera.h"

namespace ccap {

// Stations bucketed by longitude/latitude cells, for "every station within r metres". Positions
// are kept in cell order, so a query reads memory in sequence; distances are local equirectangular
// with the cosine of the query's latitude (one cosine per query, none per station).
class StationIndex {
 public:
  void build(std::span<const LngLat> where, double cell_degrees = 0.25);
  std::size_t size() const { return station_.size(); }
  // Calls f(station, squared distance in m²) for every station within `radius_m` of `at`.
  template <class F>
  void for_each_within(LngLat at, double radius_m, F&& f) const;

 private:
  double cell_ = 0.25;
  int cols_ = 0, rows_ = 0;
  std::vector<std::uint32_t> cell_start_;  // cols_ * rows_ + 1 offsets into the arrays below
  std::vector<double> lng_, lat_;          // in cell order
  std::vector<std::uint32_t> station_;     // in cell order: the station's index
};

double local_distance_meters(LngLat a, LngLat b);

struct SurfaceSettings {
  double step_px = 10;    // logical px between samples
  IdwSettings idw{2, 30'000};
  double fade_from = 0.6;  // coverage starts to fall at this fraction of the reach
};

struct SurfaceGrid {
  int cols = 0, rows = 0;
  double step_px = 10;
  std::vector<float> texels;  // cols x rows x (value x coverage, coverage), row 0 at the top
  std::size_t covered = 0;    // samples with any coverage
  int first_col = 0, last_col = -1, first_row = 0, last_row = -1;  // the covered samples' bounds
};

// `values`: one per station in the index (NaN: no reading, left out).
SurfaceGrid compute_surface(const MapCamera& camera, const StationIndex& index, std::span<const float> values,
                            const SurfaceSettings& settings = {});

// ---------------------------------------------------------------------------------------------

template <class F>
void StationIndex::for_each_within(LngLat at, double radius_m, F&& f) const {
  if (station_.empty()) return;
  constexpr double kMetersPerDegree = kEarthRadiusMeters * kPi / 180;
  const double lat_reach = radius_m / kMetersPerDegree;
  const double cos_lat = std::max(0.01, std::cos(std::min(89.0, std::abs(at.lat) + lat_reach) * kPi / 180));
  const double lng_reach = lat_reach / cos_lat;
  const double x_scale = kMetersPerDegree * std::cos(at.lat * kPi / 180), r2 = radius_m * radius_m;
  const int r0 = std::max(0, static_cast<int>(std::floor((at.lat - lat_reach + 90) / cell_)));
  const int r1 = std::min(rows_ - 1, static_cast<int>(std::floor((at.lat + lat_reach + 90) / cell_)));
  const int c0 = static_cast<int>(std::floor((at.lng - lng_reach + 180) / cell_));
  const int c1 = static_cast<int>(std::floor((at.lng + lng_reach + 180) / cell_));
  const int span = std::min(c1 - c0, cols_ - 1);
  for (int k = 0; k <= span; ++k) {
    const int c = c0 + k;
    const int wrapped = (c % cols_ + cols_) % cols_;
    const double lng_shift = 360.0 * ((c - wrapped) / cols_);  // the copy of the cell next to `at`
    for (int r = r0; r <= r1; ++r) {
      const auto cell = static_cast<std::size_t>(r * cols_ + wrapped);
      for (std::uint32_t i = cell_start_[cell]; i < cell_start_[cell + 1]; ++i) {
        const double dx = (lng_[i] + lng_shift - at.lng) * x_scale, dy = (lat_[i] - at.lat) * kMetersPerDegree;
        const double d2 = dx * dx + dy * dy;
        if (d2 <= r2) f(station_[i], d2);
      }
    }
  }
}

}  // namespace ccap
