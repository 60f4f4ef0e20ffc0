#include "features/air/model/chart_axes.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ccap {

double nice_step(double top, int count) {
  const double raw = top / count, magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * magnitude >= raw) return m * magnitude;
  return 10 * magnitude;
}

std::vector<float> spread_labels(const std::vector<float>& ys, float gap, float top) {
  std::vector<std::size_t> order(ys.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ys[a] > ys[b]; });
  std::vector<float> at(ys.size());
  for (std::size_t k = 0; k < order.size(); ++k)  // from the bottom up: never nearer than `gap`
    at[order[k]] = k == 0 ? ys[order[k]] : std::min(ys[order[k]], at[order[k - 1]] - gap);
  for (std::size_t k = order.size(); k-- > 0;)  // from the top down: never above `top`
    at[order[k]] = k + 1 == order.size() ? std::max(at[order[k]], top) : std::max(at[order[k]], at[order[k + 1]] + gap);
  return at;
}

}  // namespace ccap
