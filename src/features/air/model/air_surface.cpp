#include "features/air/model/air_surface.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccap {

StationIndex::Vec3 StationIndex::unit(LngLat p) {
  const double lng = p.lng * kPi / 180, lat = p.lat * kPi / 180;
  return {{std::cos(lat) * std::cos(lng), std::cos(lat) * std::sin(lng), std::sin(lat)}};
}

double StationIndex::meters_from_chord2(double chord2) {
  return 2 * kEarthRadiusMeters * std::asin(std::min(1.0, std::sqrt(chord2) / 2));
}

double StationIndex::chord2_from_meters(double meters) {
  const double c = 2 * std::sin(std::min(kPi / 2, meters / (2 * kEarthRadiusMeters)));
  return c * c * (1 + 1e-12);
}

void StationIndex::build(std::span<const LngLat> where) {
  nodes_.clear();
  points_.clear();
  order_.resize(where.size());
  for (std::uint32_t i = 0; i < where.size(); ++i) order_[i] = i;
  std::vector<Vec3> by_station(where.size());
  for (std::size_t i = 0; i < where.size(); ++i) by_station[i] = unit(where[i]);
  points_ = by_station;
  if (where.empty()) return;
  nodes_.reserve(2 * where.size() / 8 + 2);
  build_node(0, static_cast<std::uint32_t>(where.size()));
  for (std::size_t i = 0; i < order_.size(); ++i) points_[i] = by_station[order_[i]];
}

// Splits at the median of the widest axis until a node holds 8 stations or fewer. During the
// build points_ is indexed by station; order_ is what gets partitioned.
std::uint32_t StationIndex::build_node(std::uint32_t begin, std::uint32_t end) {
  const auto index = static_cast<std::uint32_t>(nodes_.size());
  nodes_.push_back({begin, end, 0, 0, 0, 0});
  if (end - begin <= 8) return index;
  double lo[3] = {2, 2, 2}, hi[3] = {-2, -2, -2};
  for (std::uint32_t i = begin; i < end; ++i)
    for (int a = 0; a < 3; ++a) {
      lo[a] = std::min(lo[a], points_[order_[i]].v[a]);
      hi[a] = std::max(hi[a], points_[order_[i]].v[a]);
    }
  int axis = 0;
  for (int a = 1; a < 3; ++a)
    if (hi[a] - lo[a] > hi[axis] - lo[axis]) axis = a;
  const std::uint32_t mid = begin + (end - begin) / 2;
  std::nth_element(order_.begin() + begin, order_.begin() + mid, order_.begin() + end,
                   [&](std::uint32_t a, std::uint32_t b) { return points_[a].v[axis] < points_[b].v[axis]; });
  const double split = points_[order_[mid]].v[axis];
  const std::uint32_t left = build_node(begin, mid);
  const std::uint32_t right = build_node(mid, end);
  Node& n = nodes_[index];
  n.axis = static_cast<std::uint8_t>(axis);
  n.split = split;
  n.left = left;
  n.right = right;
  return index;
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
  const auto usable = [&](std::uint32_t s) { return std::isfinite(values[s]); };
  std::vector<std::pair<double, std::uint32_t>> near;
  near.reserve(settings.neighbours + 2);
  for (int row = 0; row < g.rows; ++row)
    for (int col = 0; col < g.cols; ++col) {
      const LngLat at = camera.screen_to_lnglat({(col + 0.5) * g.step_px, (row + 0.5) * g.step_px});
      // One more than the k nearest: the next one's distance is where the weights end (idw.h), so
      // a station leaving the k nearest has no weight left as it goes.
      index.nearest(at, settings.neighbours + 1, reach, usable, near);
      double cutoff = reach;
      if (near.size() > settings.neighbours) {
        cutoff = std::sqrt(near.back().first);
        near.pop_back();
      }
      double weighted = 0, weights = 0;
      const double nearest2 = near.empty() ? 0 : near.front().first;
      for (const auto& [d2, s] : near) {
        if (d2 < 1.0) {  // within a metre: the station's own value
          weighted = values[s];
          weights = 1;
          break;
        }
        const double w = shepard_weight(std::sqrt(d2), cutoff, settings.idw.power);
        weighted += w * values[s];
        weights += w;
      }
      if (weights <= 0 && !near.empty()) {  // all tied with the next one: their plain mean
        for (const auto& [d2, s] : near) weighted += values[s];
        weights = static_cast<double>(near.size());
      }
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
