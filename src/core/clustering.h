#pragma once
// Clustering of stations at low zoom: stations whose screen positions fall in the same grid cell
// (`cell_px` wide) form a cluster, shown at the mean of their positions with the count and the
// median and maximum of their (finite) values. A cluster of one is a station on its own.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include <glm/vec2.hpp>

namespace ccap {

struct ClusterInput {
  glm::dvec2 screen;
  double value = 0;  // NaN: no reading (counted, not in the median or maximum)
};

struct Cluster {
  glm::dvec2 center;
  std::vector<std::size_t> members;  // indices into the input, ascending
  std::optional<double> median, max;
};

std::vector<Cluster> cluster_points(std::span<const ClusterInput> points, double cell_px);

}  // namespace ccap
