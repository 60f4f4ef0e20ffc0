#include "map/line_detail.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace ccap {

int detail_level(double scale) {
  if (!(scale > kDetailScale0)) return 0;
  return static_cast<int>(std::ceil(std::log2(scale / kDetailScale0) - 1e-9));
}

double detail_tolerance(int level) { return kDetailErrorPx / (kDetailScale0 * std::exp2(level)); }

namespace {

// Distance from p to the segment a-b, world units.
double distance_to_segment(Vec2f p, Vec2f a, Vec2f b) {
  const double abx = b.x - a.x, aby = b.y - a.y, apx = p.x - a.x, apy = p.y - a.y;
  const double ab2 = abx * abx + aby * aby;
  const double t = ab2 > 0 ? std::clamp((apx * abx + apy * aby) / ab2, 0.0, 1.0) : 0.0;
  return std::hypot(apx - t * abx, apy - t * aby);
}

// Significance of points [1, n-1) of one chain (the ends are left as they are).
void chain_significance(std::span<const Vec2f> points, std::span<float> out) {
  struct Span {
    std::size_t first, last;
    float cap;  // the significance of the vertex that made this span
  };
  std::vector<Span> todo{{0, points.size() - 1, std::numeric_limits<float>::infinity()}};
  while (!todo.empty()) {
    const Span s = todo.back();
    todo.pop_back();
    if (s.last <= s.first + 1) continue;
    std::size_t farthest = s.first + 1;
    double largest = -1;
    for (std::size_t k = s.first + 1; k < s.last; ++k) {
      const double d = distance_to_segment(points[k], points[s.first], points[s.last]);
      if (d > largest) {
        largest = d;
        farthest = k;
      }
    }
    const float significance = std::min(static_cast<float>(largest), s.cap);
    out[farthest] = significance;
    todo.push_back({s.first, farthest, significance});
    todo.push_back({farthest, s.last, significance});
  }
}

// Calls f(first, end) for each chain's segment range [first, end).
template <class F>
void for_each_chain(std::size_t segment_count, std::span<const std::uint32_t> chain_starts, F f) {
  for (std::size_t c = 0; c < chain_starts.size(); ++c) {
    const std::size_t first = chain_starts[c];
    const std::size_t end = c + 1 < chain_starts.size() ? chain_starts[c + 1] : segment_count;
    if (first < end && end <= segment_count) f(first, end);
  }
}

}  // namespace

std::vector<float> end_significance(std::span<const Segment> segments, std::span<const std::uint32_t> chain_starts) {
  std::vector<float> out(segments.size(), std::numeric_limits<float>::infinity());
  std::vector<Vec2f> points;
  std::vector<float> significance;
  for_each_chain(segments.size(), chain_starts, [&](std::size_t first, std::size_t end) {
    points.assign(1, segments[first].a);
    for (std::size_t i = first; i < end; ++i) points.push_back(segments[i].b);
    significance.assign(points.size(), std::numeric_limits<float>::infinity());
    chain_significance(points, significance);
    for (std::size_t i = first; i + 1 < end; ++i) out[i] = significance[i - first + 1];
  });
  return out;
}

void simplify_chains(std::span<const Segment> segments, std::span<const Vec2f> progress,
                     std::span<const std::uint32_t> chain_starts, std::span<const float> significance, double tolerance,
                     std::vector<Segment>& segments_out, std::vector<Vec2f>& progress_out) {
  segments_out.clear();
  progress_out.clear();
  const bool with_progress = !progress.empty();
  for_each_chain(segments.size(), chain_starts, [&](std::size_t first, std::size_t end) {
    Vec2f from = segments[first].a;
    float along = with_progress ? progress[first].x : 0;
    for (std::size_t i = first; i < end; ++i) {
      if (i + 1 < end && !(significance[i] > tolerance)) continue;  // segments[i].b is dropped
      segments_out.push_back({from, segments[i].b});
      if (with_progress) progress_out.push_back({along, progress[i].y});
      from = segments[i].b;
      along = with_progress ? progress[i].y : 0;
    }
  });
}

}  // namespace ccap
