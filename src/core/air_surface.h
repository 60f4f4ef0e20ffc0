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

// Stations bucketed by longitude/latitude cells, for "every station within r metres".
class StationIndex {
 public:
  void build(std::span<const LngLat> where, double cell_degrees = 0.5);
  std::size_t size() const { return where_.size(); }
  // Calls f(station, distance_m) for every station within `radius_m` of `at`.
  template <class F>
  void for_each_within(LngLat at, double radius_m, F&& f) const;

 private:
  double cell_ = 0.5;
  int cols_ = 0, rows_ = 0;
  std::vector<LngLat> where_;
  std::vector<std::uint32_t> cell_start_;  // cols_ * rows_ + 1 offsets into by_cell_
  std::vector<std::uint32_t> by_cell_;
};

double local_distance_meters(LngLat a, LngLat b);

struct SurfaceSettings {
  double step_px = 8;     // logical px between samples
  IdwSettings idw{2, 30'000};
  double fade_from = 0.6;  // coverage starts to fall at this fraction of the reach
};

struct SurfaceGrid {
  int cols = 0, rows = 0;
  double step_px = 8;
  std::vector<float> texels;  // cols x rows x (value x coverage, coverage), row 0 at the top
  std::size_t covered = 0;    // samples with any coverage
};

// `values`: one per station in the index (NaN: no reading, left out).
SurfaceGrid compute_surface(const MapCamera& camera, const StationIndex& index, std::span<const float> values,
                            const SurfaceSettings& settings = {});

// ---------------------------------------------------------------------------------------------

template <class F>
void StationIndex::for_each_within(LngLat at, double radius_m, F&& f) const {
  if (where_.empty()) return;
  const double lat_reach = radius_m / 110'574.0;
  const double cos_lat = std::max(0.01, std::cos((std::min(89.0, std::abs(at.lat) + lat_reach)) * kPi / 180));
  const double lng_reach = radius_m / (111'320.0 * cos_lat);
  const int r0 = std::max(0, static_cast<int>(std::floor((at.lat - lat_reach + 90) / cell_)));
  const int r1 = std::min(rows_ - 1, static_cast<int>(std::floor((at.lat + lat_reach + 90) / cell_)));
  const int c0 = static_cast<int>(std::floor((at.lng - lng_reach + 180) / cell_));
  const int c1 = static_cast<int>(std::floor((at.lng + lng_reach + 180) / cell_));
  const int span = std::min(c1 - c0, cols_ - 1);
  for (int r = r0; r <= r1; ++r)
    for (int k = 0; k <= span; ++k) {
      const int c = ((c0 + k) % cols_ + cols_) % cols_;
      const auto cell = static_cast<std::size_t>(r * cols_ + c);
      for (std::uint32_t i = cell_start_[cell]; i < cell_start_[cell + 1]; ++i) {
        const std::uint32_t s = by_cell_[i];
        const double d = local_distance_meters(at, where_[s]);
        if (d <= radius_m) f(s, d);
      }
    }
}

}  // namespace ccap
