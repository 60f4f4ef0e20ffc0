#include "features/air/model/cluster_tree.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "map/map_camera.h"

namespace ccap {

namespace {
// World units per screen pixel at zoom z.
double px(int z) { return 1.0 / (MapCamera::kWorldSizeAtZoom0 * std::exp2(z)); }
}  // namespace

TEST(ClusterTree, NestedLevelsWithCountsMeansAndMembers) {
  // Two stations 10 px apart at zoom 4 (so 80 px apart at zoom 7), a third far away.
  const double x0 = 0.30, y0 = 0.40;
  const std::vector<WorldPoint> points{{x0, y0}, {x0 + 10 * px(4), y0}, {0.70, 0.60}};
  const ClusterTree tree(points, 50, 8);
  ASSERT_EQ(tree.leaf_level(), 9);
  EXPECT_EQ(tree.level(9).size(), 3u);
  EXPECT_EQ(tree.level(4).size(), 2u) << "the close pair shares a 50 px cell at zoom 4";
  EXPECT_EQ(tree.level(7).size(), 3u) << "80 px apart at zoom 7: always separate cells";
  const std::uint32_t pair = tree.node_of(4, 0);
  EXPECT_EQ(tree.node_of(4, 1), pair);
  EXPECT_EQ(tree.level(4)[pair].count, 2u);
  EXPECT_NEAR(tree.level(4)[pair].at.x, x0 + 5 * px(4), 1e-12) << "at the mean of its stations";
  const auto members = tree.members(4, pair);
  EXPECT_EQ(std::vector<std::uint32_t>(members.begin(), members.end()), (std::vector<std::uint32_t>{0, 1}));
  for (int l = 0; l < tree.leaf_level(); ++l) {
    std::uint32_t total = 0;
    for (const auto& n : tree.level(l)) total += n.count;
    EXPECT_EQ(total, 3u) << "every station is in exactly one node at level " << l;
    for (std::uint32_t s = 0; s < 3; ++s)  // parents nest
      EXPECT_EQ(tree.level(l + 1)[tree.node_of(l + 1, s)].parent, tree.node_of(l, s));
  }
}

TEST(ClusterTree, SplitsSmoothlyWhileZooming) {
  const std::vector<WorldPoint> points{{0.30, 0.40}, {0.30 + 10 * px(4), 0.40}};
  const ClusterTree tree(points, 50, 8);
  // Find the level where the pair splits.
  int split_level = 0;
  while (tree.level(split_level).size() == 1) ++split_level;
  const ClusterFrame before = cluster_frame(tree, split_level - 1 + 0.4);
  EXPECT_EQ(before.level, split_level - 1);
  ClusterFrame start = cluster_frame(tree, split_level - 1 + 0.5);
  EXPECT_EQ(start.level, split_level);
  EXPECT_DOUBLE_EQ(start.split, 0);
  const WorldPoint parent = tree.level(split_level - 1)[0].at;
  EXPECT_DOUBLE_EQ(split_position(tree, start, 0).x, parent.x) << "children start on their parent";
  const ClusterFrame mid = cluster_frame(tree, split_level - 1 + 0.75);
  EXPECT_DOUBLE_EQ(mid.split, 0.5);
  const double child = tree.level(split_level)[tree.node_of(split_level, 0)].at.x;
  EXPECT_NEAR(split_position(tree, mid, tree.node_of(split_level, 0)).x, (parent.x + child) / 2, 1e-12);
  const ClusterFrame end = cluster_frame(tree, split_level - 1e-9);
  EXPECT_NEAR(end.split, 1, 1e-6) << "arrives as the zoom reaches the next level";
  EXPECT_EQ(cluster_frame(tree, 30).level, tree.leaf_level());
}

TEST(ClusterTree, AClusterAcrossTheAntimeridianSplitsTheShortWay) {
  // Two stations either side of 180°: separate cells at every level (x near 0 and near 1), so
  // what matters is that a child's parent is never taken from the far side of the world.
  const std::vector<WorldPoint> points{{0.9999, 0.5}, {1.00005, 0.5}};
  const ClusterTree tree(points, 50, 4);
  for (int l = 1; l <= tree.leaf_level(); ++l) {
    const ClusterFrame f{l, 0.5};
    for (std::uint32_t n = 0; n < tree.level(l).size(); ++n) {
      const WorldPoint p = split_position(tree, f, n);
      const double own = tree.level(l)[n].at.x;
      EXPECT_LT(std::abs(p.x - own), 0.01) << "level " << l;
    }
  }
}

}  // namespace ccap
