#include "map/spatial_buckets.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ccap {

namespace {

int cell_of(float x, float y, int grid) {
  // x may lie a little outside 0..1 (shapes made continuous across 180°): clamp into the grid.
  const int cx = std::clamp(static_cast<int>(std::floor(x * grid)), 0, grid - 1);
  const int cy = std::clamp(static_cast<int>(std::floor(y * grid)), 0, grid - 1);
  return cy * grid + cx;
}

void grow(Box& b, Vec2f p, bool first) {
  if (first) {
    b = {p.x, p.y, p.x, p.y};
    return;
  }
  b.min_x = std::min(b.min_x, p.x);
  b.min_y = std::min(b.min_y, p.y);
  b.max_x = std::max(b.max_x, p.x);
  b.max_y = std::max(b.max_y, p.y);
}

// Stable-sorts item indices by cell; returns the order and the buckets (boxes filled by `extent`).
template <class CellOf, class Extent>
std::vector<Bucket> make_buckets(std::size_t n, std::vector<std::uint32_t>& order, CellOf cell_of_item,
                                 Extent extend_box) {
  std::vector<int> cells(n);
  for (std::size_t i = 0; i < n; ++i) cells[i] = cell_of_item(i);
  order.resize(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return cells[a] < cells[b]; });
  std::vector<Bucket> buckets;
  for (std::uint32_t i = 0; i < n; ++i) {
    const std::uint32_t item = order[i];
    const bool starts = buckets.empty() || cells[order[i - 1]] != cells[item];
    if (starts) buckets.push_back({i, 0, {}});
    Bucket& b = buckets.back();
    extend_box(item, b.box, b.count == 0);
    ++b.count;
  }
  return buckets;
}

}  // namespace

std::vector<Bucket> bucket_segments(std::vector<Segment>& segments, int grid, std::vector<std::uint32_t>* order_out) {
  std::vector<std::uint32_t> order;
  auto buckets = make_buckets(
      segments.size(), order,
      [&](std::size_t i) {
        const Segment& s = segments[i];
        return cell_of((s.a.x + s.b.x) / 2, (s.a.y + s.b.y) / 2, grid);
      },
      [&](std::uint32_t i, Box& box, bool first) {
        grow(box, segments[i].a, first);
        grow(box, segments[i].b, false);
      });
  std::vector<Segment> sorted;
  sorted.reserve(segments.size());
  for (std::uint32_t i : order) sorted.push_back(segments[i]);
  segments = std::move(sorted);
  if (order_out) *order_out = std::move(order);
  return buckets;
}

std::vector<Bucket> bucket_triangles(const std::vector<Vec2f>& v, std::vector<std::uint32_t>& indices, int grid) {
  std::vector<std::uint32_t> order;
  auto buckets = make_buckets(
      indices.size() / 3, order,
      [&](std::size_t t) {
        const Vec2f a = v[indices[3 * t]], b = v[indices[3 * t + 1]], c = v[indices[3 * t + 2]];
        return cell_of((a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3, grid);
      },
      [&](std::uint32_t t, Box& box, bool first) {
        grow(box, v[indices[3 * t]], first);
        grow(box, v[indices[3 * t + 1]], false);
        grow(box, v[indices[3 * t + 2]], false);
      });
  std::vector<std::uint32_t> sorted;
  sorted.reserve(indices.size());
  for (std::uint32_t t : order) sorted.insert(sorted.end(), {indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]});
  indices = std::move(sorted);
  return buckets;
}

std::vector<ItemRun> visible_runs(const std::vector<Bucket>& buckets, int copy, double x0, double y0, double x1,
                                  double y1) {
  std::vector<ItemRun> runs;
  for (const Bucket& b : buckets) {
    if (!b.box.intersects(x0 - copy, y0, x1 - copy, y1)) continue;
    if (!runs.empty() && runs.back().first + runs.back().count == b.first) {
      runs.back().count += b.count;
    } else {
      runs.push_back({b.first, b.count});
    }
  }
  return runs;
}

}  // namespace ccap
