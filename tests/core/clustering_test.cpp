#include "core/clustering.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace ccap {

TEST(Clustering, StationsInOneCellFormOneClusterWithCountMedianAndMax) {
  const std::vector<ClusterInput> points{
      {{10, 10}, 12}, {{30, 20}, 40}, {{50, 50}, 8},  // cell (0,0) at 60 px
      {{70, 10}, 100},                                 // cell (0,1)
  };
  const auto clusters = cluster_points(points, 60);
  ASSERT_EQ(clusters.size(), 2u);
  EXPECT_EQ(clusters[0].members, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_DOUBLE_EQ(*clusters[0].median, 12);
  EXPECT_DOUBLE_EQ(*clusters[0].max, 40);
  EXPECT_DOUBLE_EQ(clusters[0].center.x, 30);
  EXPECT_DOUBLE_EQ(clusters[0].center.y, 80.0 / 3);
  EXPECT_EQ(clusters[1].members.size(), 1u);
  EXPECT_DOUBLE_EQ(*clusters[1].median, 100);
}

TEST(Clustering, EvenCountsAverageTheMiddleAndMissingReadingsAreCountedNotUsed) {
  const std::vector<ClusterInput> points{{{1, 1}, 10}, {{2, 2}, 20}, {{3, 3}, NAN}, {{4, 4}, 30}, {{5, 5}, 40}};
  const auto clusters = cluster_points(points, 100);
  ASSERT_EQ(clusters.size(), 1u);
  EXPECT_EQ(clusters[0].members.size(), 5u);
  EXPECT_DOUBLE_EQ(*clusters[0].median, 25);
  EXPECT_DOUBLE_EQ(*clusters[0].max, 40);
  const std::vector<ClusterInput> silent{{{1, 1}, NAN}};
  EXPECT_FALSE(cluster_points(silent, 100)[0].median);
}

TEST(Clustering, SmallerCellsSplitClusters) {
  // As the map zooms in, stations spread apart on screen; the same cell size splits them.
  std::vector<ClusterInput> near{{{100, 100}, 1}, {{104, 103}, 2}}, far{{{100, 100}, 1}, {{164, 148}, 2}};
  EXPECT_EQ(cluster_points(near, 60).size(), 1u);
  EXPECT_EQ(cluster_points(far, 60).size(), 2u);
  EXPECT_TRUE(cluster_points({}, 60).empty());
}

}  // namespace ccap
