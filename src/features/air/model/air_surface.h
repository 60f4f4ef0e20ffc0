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
// Each sample weighs the `neighbours` nearest stations with a reading within the reach (as
// gstat's nmax does): in a dense network the farther ones change the estimate very little and
// would make a frame's cost grow with the density. Their weights end at the next-nearest
// station's distance (the modified Shepard weights of idw.h), so the estimate does not jump where
// one station replaces another among the nearest: plain 1 / d^2 weights did, and a jump between
// two samples drew a stair-stepped edge.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "features/air/model/idw.h"
#include "map/geo.h"
#include "map/map_camera.h"

namespace ccap {

// Stations in a k-d tree over their positions on the unit sphere (3D unit vectors), so queries
// cost about the same in a dense city network as in a sparse one: "every station within r metres"
// and "the k nearest within r metres". Distances are great-circle metres.
class StationIndex {
 public:
  void build(std::span<const LngLat> where);
  std::size_t size() const { return order_.size(); }
  // Calls f(station, squared distance in m²) for every station within `radius_m` of `at`.
  template <class F>
  void for_each_within(LngLat at, double radius_m, F&& f) const;
  // The (at most) k nearest stations within `radius_m` whose `usable(station)` is true, nearest
  // first, as (squared distance in m², station).
  template <class Usable>
  void nearest(LngLat at, std::size_t k, double radius_m, Usable&& usable,
               std::vector<std::pair<double, std::uint32_t>>& out) const;

 private:
  struct Node {
    std::uint32_t begin = 0, end = 0;  // range of order_ (a leaf when left == 0)
    std::uint32_t left = 0, right = 0;
    std::uint8_t axis = 0;
    double split = 0;
  };
  struct Vec3 {
    double v[3];
  };
  static Vec3 unit(LngLat p);
  static double meters_from_chord2(double chord2);
  static double chord2_from_meters(double meters);
  std::uint32_t build_node(std::uint32_t begin, std::uint32_t end);
  template <class Visit>
  void search(std::uint32_t node, const Vec3& q, double& limit2, Visit&& visit) const;

  std::vector<Node> nodes_;
  std::vector<Vec3> points_;          // in order_ order
  std::vector<std::uint32_t> order_;  // station index at each position
};

struct SurfaceSettings {
  double step_px = 10;  // logical px between samples
  IdwSettings idw{2, 30'000};
  std::size_t neighbours = 16;  // the nearest stations (with a reading) a sample weighs
  double fade_from = 0.6;       // coverage starts to fall at this fraction of the reach
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

// Visits the points of the subtree whose chord distance² to q is within limit2 (which the visitor
// may shrink), nearer children first.
template <class Visit>
void StationIndex::search(std::uint32_t node, const Vec3& q, double& limit2, Visit&& visit) const {
  const Node& n = nodes_[node];
  if (n.left == 0) {
    for (std::uint32_t i = n.begin; i < n.end; ++i) {
      const double dx = points_[i].v[0] - q.v[0], dy = points_[i].v[1] - q.v[1], dz = points_[i].v[2] - q.v[2];
      const double c2 = dx * dx + dy * dy + dz * dz;
      if (c2 <= limit2) visit(order_[i], c2, limit2);
    }
    return;
  }
  const double d = q.v[n.axis] - n.split;
  const std::uint32_t near = d < 0 ? n.left : n.right, far = d < 0 ? n.right : n.left;
  search(near, q, limit2, visit);
  if (d * d <= limit2) search(far, q, limit2, visit);
}

template <class F>
void StationIndex::for_each_within(LngLat at, double radius_m, F&& f) const {
  if (nodes_.empty()) return;
  double limit2 = chord2_from_meters(radius_m);
  const double radius2 = radius_m * radius_m;
  search(0, unit(at), limit2, [&](std::uint32_t s, double c2, double&) {
    const double m = meters_from_chord2(c2);
    if (m * m <= radius2) f(s, m * m);
  });
}

template <class Usable>
void StationIndex::nearest(LngLat at, std::size_t k, double radius_m, Usable&& usable,
                           std::vector<std::pair<double, std::uint32_t>>& out) const {
  out.clear();
  if (nodes_.empty() || k == 0) return;
  double limit2 = chord2_from_meters(radius_m);
  // `out` is kept sorted by chord²; once full, the search only looks closer than its last entry.
  search(0, unit(at), limit2, [&](std::uint32_t s, double c2, double& limit) {
    if (!usable(s)) return;
    const auto at_pos = std::upper_bound(out.begin(), out.end(), std::make_pair(c2, s));
    if (out.size() == k) {
      if (at_pos == out.end()) return;
      out.pop_back();
    }
    out.insert(at_pos, {c2, s});
    if (out.size() == k) limit = out.back().first;
  });
  for (auto& [d2, s] : out) {
    const double m = meters_from_chord2(d2);
    d2 = m * m;
  }
}

}  // namespace ccap
