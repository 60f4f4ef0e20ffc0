#include "features/partnership/model/city_marks.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

MarkerLayer layer_of(std::size_t n, float radius = 10) {
  MarkerLayer layer;
  for (std::size_t i = 0; i < n; ++i) {
    MarkerInstance m;
    m.radius = radius;
    m.fill = {1, 2, 3, 255};
    m.shape = static_cast<std::uint8_t>(MarkerShape::Diamond);
    m.flags = kMarkerRing;
    layer.instances.push_back(m);
    layer.city.emplace_back(i);
  }
  return layer;
}

TEST(CityMarks, MarkersShrinkWhenZoomedOutAndNeverVanish) {
  EXPECT_FLOAT_EQ(marker_zoom_scale(0.4), 0.5f);
  EXPECT_FLOAT_EQ(marker_zoom_scale(3), 0.75f);
  EXPECT_FLOAT_EQ(marker_zoom_scale(5), 1.0f);
  EXPECT_FLOAT_EQ(marker_zoom_scale(12), 1.0f);
  EXPECT_FLOAT_EQ(marker_zoom_scale(std::nan("")), 0.5f);
  const MarkerLayer layer = layer_of(2, 4);
  const std::vector<glm::dvec2> screen{{0, 0}, {500, 0}};
  const std::vector<double> priority{1, 0};
  const CityMarks far_out = city_marks(layer, screen, priority, {}, 0.5, 2.0);
  ASSERT_EQ(far_out.marks.size(), 2u);
  EXPECT_FLOAT_EQ(far_out.instances[0].radius, kMarkerSmallestRadius) << "4 x 0.5 = 2, raised to the least";
  EXPECT_DOUBLE_EQ(far_out.marks[0].disc.radius, 2.0 * kMarkerSmallestRadius) << "the disc has the mark scale";
}

TEST(CityMarks, CitiesTooCloseBecomeOneSlateGroupAtTheLeadersPlace) {
  const MarkerLayer layer = layer_of(4);
  const std::vector<glm::dvec2> screen{{100, 100}, {106, 100}, {400, 100}, {103, 104}};
  const std::vector<double> priority{1, 5, 0, 2};  // city 1 leads
  const CityMarks marks = city_marks(layer, screen, priority, {}, 5, 1);
  ASSERT_EQ(marks.marks.size(), 2u);
  EXPECT_EQ(marks.marks[0].cities, (std::vector<CityId>{CityId(1), CityId(3), CityId(0)})) << "by priority";
  EXPECT_EQ(marks.marks[0].disc.centre, glm::dvec2(106, 100));
  EXPECT_TRUE(marks.marks[0].group());
  const MarkerInstance& g = marks.instances[0];
  EXPECT_EQ(g.fill, kGroupFill);
  EXPECT_EQ(g.shape, static_cast<std::uint8_t>(MarkerShape::Circle));
  EXPECT_EQ(g.flags & kMarkerRing, 0) << "no certification ring on a group";
  EXPECT_GT(g.radius, kGroupRadius) << "three cities: bigger than a pair";
  EXPECT_FALSE(marks.marks[1].group());
  EXPECT_EQ(marks.instances[1].shape, static_cast<std::uint8_t>(MarkerShape::Diamond))
      << "a city alone keeps its style";
}

TEST(CityMarks, GroupsThatGrowIntoEachOtherJoinAndTheSelectedCityStaysAlone) {
  // Pairs 20 px apart: each pair's group disc (9 px) reaches the next: one group of four.
  const MarkerLayer layer = layer_of(5, 4);
  const std::vector<glm::dvec2> screen{{100, 100}, {106, 100}, {120, 100}, {126, 100}, {110, 100}};
  const std::vector<double> priority{5, 4, 3, 2, 9};
  CityMarks marks = city_marks(layer, screen, priority, {}, 5, 1);
  ASSERT_EQ(marks.marks.size(), 1u);
  EXPECT_EQ(marks.marks[0].cities.size(), 5u);
  // City 4 selected: it stays on its own, with its own style, and the rest group without it.
  const std::vector<CityId> alone{CityId(4)};
  marks = city_marks(layer, screen, priority, alone, 5, 1);
  ASSERT_GE(marks.marks.size(), 2u);
  EXPECT_EQ(marks.marks[0].cities, std::vector<CityId>{CityId(4)});
  EXPECT_EQ(marks.instances[0].flags & kMarkerRing, kMarkerRing);
  std::size_t grouped = 0;
  for (const CityMark& m : marks.marks) grouped += m.cities.size();
  EXPECT_EQ(grouped, 5u) << "every city in exactly one mark";
}

TEST(CityMarks, AHoveredMemberLightsItsGroup) {
  MarkerLayer layer = layer_of(2);
  layer.instances[1].flags |= kMarkerHover;
  const std::vector<glm::dvec2> screen{{100, 100}, {104, 100}};
  const std::vector<double> priority{1, 0};
  const CityMarks marks = city_marks(layer, screen, priority, {}, 5, 1);
  ASSERT_EQ(marks.marks.size(), 1u);
  EXPECT_EQ(marks.instances[0].flags & kMarkerHover, kMarkerHover);
}

}  // namespace
}  // namespace ccap
