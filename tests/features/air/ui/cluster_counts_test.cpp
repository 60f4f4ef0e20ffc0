// A cluster's count is text drawn after every map layer; where a city's marker is drawn over the
// cluster, the count must not show through it.
#include <gtest/gtest.h>
#include <imgui.h>

#include "base/ui/ui_fixture.h"
#include "features/air/ui/air_panels.h"

namespace ccap {
namespace {

class ClusterCountsTest : public testing::ImGuiTest {
 protected:
  std::size_t drawn(const ScreenMarks& above) {
    std::size_t n = 0;
    frame(800, 600, [&] { n = ui::cluster_counts(layer_, above); });
    return n;
  }
  AirMarkerLayer layer_{{}, {{{100, 100}, 12, 0, 30.0f}, {{300, 100}, 5, 12, 20.0f}, {{500, 100}, 1, 17, 9.0f}}, 3};
};

TEST_F(ClusterCountsTest, EveryClusterShowsItsCountOnAClearMap) { EXPECT_EQ(drawn(ScreenMarks{}), 2u); }

TEST_F(ClusterCountsTest, ACityMarkerOverAClusterHidesItsCount) {
  ScreenMarks cities;
  cities.add({102, 98}, 7);  // a city marker drawn over the first cluster
  EXPECT_EQ(drawn(cities), 1u);
}

TEST_F(ClusterCountsTest, AMarkerBesideTheCountLeavesIt) {
  ScreenMarks cities;
  cities.add({300, 140}, 7);  // 40 px below the second cluster's count
  EXPECT_EQ(drawn(cities), 2u);
}

}  // namespace
}  // namespace ccap
