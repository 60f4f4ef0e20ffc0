#pragma once
// Clusters of stations for every zoom level, nested so that they split smoothly while zooming.
//
// Level L (0 .. max_level) groups the nodes of level L + 1 that fall in the same grid cell, where a
// cell is `cell_px` screen pixels wide at zoom L; level max_level + 1 is the stations themselves.
// A node sits at the mean position of its stations. Each node knows its parent one level up, so a
// frame at zoom L + f (0 <= f < 1) can draw the nodes of level L + 1 moving out from their parents'
// positions as f grows (see split_position()).
#include <cstdint>
#include <span>
#include <vector>

#include "map/geo.h"

namespace ccap {

class ClusterTree {
 public:
  struct Node {
    WorldPoint at;             // mean of its stations, x in [0, 1)
    std::uint32_t parent = 0;  // index in the level above (level - 1); 0 for level 0
    std::uint32_t count = 0;   // stations in it
  };

  ClusterTree() = default;
  // `points`: station positions (x is wrapped into [0, 1)).
  ClusterTree(std::span<const WorldPoint> points, double cell_px, int max_level);

  int max_level() const { return max_level_; }
  int leaf_level() const { return max_level_ + 1; }
  const std::vector<Node>& level(int l) const { return levels_[static_cast<std::size_t>(l)]; }
  // The stations of node `n` at level `l`, in ascending order.
  std::span<const std::uint32_t> members(int l, std::uint32_t n) const;
  // The node that holds `station` at level `l`.
  std::uint32_t node_of(int l, std::uint32_t station) const { return node_of_[static_cast<std::size_t>(l)][station]; }

 private:
  int max_level_ = -1;
  std::vector<std::vector<Node>> levels_;            // 0 .. leaf_level
  std::vector<std::vector<std::uint32_t>> node_of_;  // per level: station -> node
  std::vector<std::vector<std::uint32_t>> by_node_;  // per level: stations sorted by node
  std::vector<std::vector<std::uint32_t>> offsets_;  // per level: node -> first index in by_node_
};

// Which level to draw at a zoom, and how far its nodes have moved out from their parents:
// at zoom L + f, level L is drawn for f < 0.5; from f = 0.5 level L + 1 is drawn with its nodes
// moving out from their parents, split = smoothstep((f - 0.5) / 0.5), arriving as f reaches 1.
struct ClusterFrame {
  int level = 0;     // the level whose nodes are drawn
  double split = 1;  // 0: at the parent's position .. 1: at the node's own
};
ClusterFrame cluster_frame(const ClusterTree& tree, double zoom);
// Where node `n` of `frame.level` is drawn (the parent's copy nearest the node, so a cluster
// near 180° splits the short way).
WorldPoint split_position(const ClusterTree& tree, const ClusterFrame& frame, std::uint32_t n);

}  // namespace ccap
