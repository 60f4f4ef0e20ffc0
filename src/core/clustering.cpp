#include "core/clustering.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace ccap {

std::vector<Cluster> cluster_points(std::span<const ClusterInput> points, double cell_px) {
  if (!(cell_px > 0)) cell_px = 1;
  std::map<std::pair<long long, long long>, std::vector<std::size_t>> cells;  // ordered: stable output
  for (std::size_t i = 0; i < points.size(); ++i) {
    const auto key = std::make_pair(static_cast<long long>(std::floor(points[i].screen.y / cell_px)),
                                    static_cast<long long>(std::floor(points[i].screen.x / cell_px)));
    cells[key].push_back(i);
  }
  std::vector<Cluster> out;
  out.reserve(cells.size());
  for (auto& [key, members] : cells) {
    Cluster c;
    c.center = {0, 0};
    std::vector<double> values;
    for (std::size_t i : members) {
      c.center += points[i].screen;
      if (std::isfinite(points[i].value)) values.push_back(points[i].value);
    }
    c.center /= static_cast<double>(members.size());
    if (!values.empty()) {
      std::sort(values.begin(), values.end());
      const std::size_t n = values.size();
      c.median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
      c.max = values.back();
    }
    c.members = std::move(members);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace ccap
