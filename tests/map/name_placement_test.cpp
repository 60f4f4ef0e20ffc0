#include "map/name_placement.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ccap {
namespace {

constexpr glm::dvec2 kViewport{800, 600};

TEST(NamePlacement, CentresANameOnItsPlace) {
  const NameRequest r{{400, 300}, {60, 16}};
  EXPECT_EQ(place_names({&r, 1}, kViewport, {}), std::vector<std::size_t>{0});
}

TEST(NamePlacement, TheFirstOfTwoOverlappingNamesWins) {
  const NameRequest rs[] = {{{400, 300}, {60, 16}}, {{430, 305}, {60, 16}}, {{400, 340}, {60, 16}}};
  EXPECT_EQ(place_names(rs, kViewport, {}), (std::vector<std::size_t>{0, 2}));
}

TEST(NamePlacement, GivesWayToLabelsPlacedBeforeAndToTheInterface) {
  const NameRequest rs[] = {{{400, 300}, {60, 16}}, {{100, 100}, {60, 16}}, {{600, 500}, {60, 16}}};
  const ScreenBox label{{420, 290}, {500, 310}};  // a partner city's label over the first name
  const ScreenBox panel{{0, 0}, {200, 600}};      // a panel over the second
  EXPECT_EQ(place_names(rs, kViewport, {.taken = {&label, 1}, .obstacles = {&panel, 1}}), std::vector<std::size_t>{2});
}

TEST(NamePlacement, KeepsOffEveryMarkSoAsNotToNameIt) {
  const NameRequest r{{400, 300}, {60, 16}};  // box 370..430 x 292..308
  const ScreenDisc beside{{440, 300}, 5};     // 10 px from the box's edge: 5 px of clearance, < 8
  EXPECT_TRUE(place_names({&r, 1}, kViewport, {.marks = {&beside, 1}}).empty());
  const ScreenDisc clear{{445, 300}, 5};  // 15 px away: 10 px of clearance
  EXPECT_EQ(place_names({&r, 1}, kViewport, {.marks = {&clear, 1}}).size(), 1u);
}

TEST(NamePlacement, HidesANameCutByTheViewportOrWithNoPlace) {
  const NameRequest rs[] = {{{20, 300}, {60, 16}}, {{400, 595}, {60, 16}}, {{std::nan(""), 300}, {60, 16}}};
  EXPECT_TRUE(place_names(rs, kViewport, {}).empty());
}

}  // namespace
}  // namespace ccap
