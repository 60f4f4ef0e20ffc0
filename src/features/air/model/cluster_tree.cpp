#include "features/air/model/cluster_tree.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "map/map_camera.h"

namespace ccap {

namespace {
double wrap01(double x) { return x - std::floor(x); }
}  // namespace

ClusterTree::ClusterTree(std::span<const WorldPoint> points, double cell_px, int max_level) : max_level_(max_level) {
  const auto levels = static_cast<std::size_t>(max_level + 2);
  levels_.resize(levels);
  node_of_.resize(levels);
  std::vector<Node>& leaves = levels_.back();
  leaves.reserve(points.size());
  for (const WorldPoint& p : points) leaves.push_back({{wrap01(p.x), p.y}, 0, 1});
  node_of_.back().resize(points.size());
  for (std::uint32_t i = 0; i < points.size(); ++i) node_of_.back()[i] = i;

  for (int l = max_level; l >= 0; --l) {
    std::vector<Node>& children = levels_[static_cast<std::size_t>(l + 1)];
    std::vector<Node>& nodes = levels_[static_cast<std::size_t>(l)];
    const double cell = cell_px / (MapCamera::kWorldSizeAtZoom0 * std::exp2(l));
    std::unordered_map<std::uint64_t, std::uint32_t> cells;
    std::vector<double> sx, sy;  // sums of child positions, weighted by station count
    for (Node& child : children) {
      const auto ix = static_cast<std::uint64_t>(child.at.x / cell),
                 iy = static_cast<std::uint64_t>(std::max(0.0, child.at.y) / cell);
      const auto [it, added] = cells.try_emplace(ix << 32 | iy, static_cast<std::uint32_t>(nodes.size()));
      if (added) {
        nodes.push_back({});
        sx.push_back(0);
        sy.push_back(0);
      }
      child.parent = it->second;
      Node& n = nodes[it->second];
      n.count += child.count;
      sx[it->second] += child.at.x * child.count;
      sy[it->second] += child.at.y * child.count;
    }
    for (std::size_t i = 0; i < nodes.size(); ++i) nodes[i].at = {sx[i] / nodes[i].count, sy[i] / nodes[i].count};
    const auto& child_of = node_of_[static_cast<std::size_t>(l + 1)];
    auto& node_of = node_of_[static_cast<std::size_t>(l)];
    node_of.resize(points.size());
    for (std::size_t s = 0; s < points.size(); ++s) node_of[s] = children[child_of[s]].parent;
  }

  by_node_.resize(levels);
  offsets_.resize(levels);
  for (std::size_t l = 0; l < levels; ++l) {  // a counting sort of stations by node
    auto& offsets = offsets_[l];
    offsets.assign(levels_[l].size() + 1, 0);
    for (std::uint32_t n : node_of_[l]) ++offsets[n + 1];
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
    auto next = offsets;
    by_node_[l].resize(points.size());
    for (std::uint32_t s = 0; s < points.size(); ++s) by_node_[l][next[node_of_[l][s]]++] = s;
  }
}

std::span<const std::uint32_t> ClusterTree::members(int l, std::uint32_t n) const {
  const auto& offsets = offsets_[static_cast<std::size_t>(l)];
  return std::span(by_node_[static_cast<std::size_t>(l)]).subspan(offsets[n], offsets[n + 1] - offsets[n]);
}

ClusterFrame cluster_frame(const ClusterTree& tree, double zoom) {
  const double z = std::max(0.0, zoom);
  const int base = static_cast<int>(std::floor(z));
  if (base >= tree.leaf_level()) return {tree.leaf_level(), 1};
  const double f = z - base;
  if (f < 0.5) return {base, 1};
  const double t = std::min((f - 0.5) / 0.5, 1.0);
  return {base + 1, t * t * (3 - 2 * t)};
}

WorldPoint split_position(const ClusterTree& tree, const ClusterFrame& frame, std::uint32_t n) {
  const ClusterTree::Node& node = tree.level(frame.level)[n];
  if (frame.level == 0 || frame.split >= 1) return node.at;
  WorldPoint from = tree.level(frame.level - 1)[node.parent].at;
  from.x += std::round(node.at.x - from.x);  // the parent's copy nearest the node
  return {from.x + (node.at.x - from.x) * frame.split, from.y + (node.at.y - from.y) * frame.split};
}

}  // namespace ccap
