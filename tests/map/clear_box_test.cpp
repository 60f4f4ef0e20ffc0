#include "map/clear_box.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

bool overlaps(const ScreenBox& a, const ScreenBox& b) {
  return a.min.x < b.max.x && b.min.x < a.max.x && a.min.y < b.max.y && b.min.y < a.max.y;
}

TEST(ClearBox, AWideRegionGoesUnderATopLeftCardNotBesideIt) {
  // A kiosk: a card top-left, a column of buttons bottom-right, a panel header bottom-left.
  const ScreenBox area{{0, 0}, {1920, 1080}};
  const std::vector<ScreenBox> panels{{{24, 24}, {780, 120}}, {{1790, 540}, {1900, 1000}}, {{24, 900}, {740, 1000}}};
  const ScreenBox box = largest_clear_box(area, panels, 3.0);
  for (const ScreenBox& p : panels) EXPECT_FALSE(overlaps(box, p));
  EXPECT_DOUBLE_EQ(box.min.y, 120) << "under the card";
  EXPECT_DOUBLE_EQ(box.max.x, 1790) << "left of the buttons";
  EXPECT_DOUBLE_EQ(box.max.y, 900) << "above the bottom panel";
}

TEST(ClearBox, ATallRegionGoesBesideATallPanel) {
  const ScreenBox area{{0, 0}, {1000, 800}};
  const std::vector<ScreenBox> panels{{{0, 0}, {300, 500}}};
  const ScreenBox box = largest_clear_box(area, panels, 0.5);
  EXPECT_DOUBLE_EQ(box.min.x, 300);
  EXPECT_DOUBLE_EQ(box.min.y, 0);
}

TEST(ClearBox, NothingInTheWayOrEverythingInTheWay) {
  const ScreenBox area{{10, 20}, {500, 400}};
  const ScreenBox free = largest_clear_box(area, {}, 2);
  EXPECT_EQ(free.min, area.min);
  EXPECT_EQ(free.max, area.max);
  const std::vector<ScreenBox> all{{{0, 0}, {600, 600}}};
  const ScreenBox none = largest_clear_box(area, all, 2);
  EXPECT_EQ(none.min, area.min) << "no clear box: the whole area, as without panels";
}

}  // namespace
}  // namespace ccap
