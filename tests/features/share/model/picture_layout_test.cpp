#include "features/share/model/picture_layout.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

std::vector<std::uint8_t> filled(int w, int h, std::uint8_t v) {
  return std::vector<std::uint8_t>(static_cast<std::size_t>(w) * h * 4, v);
}

TEST(PictureLayout, TheCardGoesBesideALandscapeMapAndUnderAPortraitOne) {
  const PictureLayout wide = picture_layout(1000, 600, 300, 800);
  EXPECT_TRUE(wide.beside);
  EXPECT_EQ(wide.width, 1300);
  EXPECT_EQ(wide.height, 800);
  EXPECT_EQ(wide.card_x, 1000);
  EXPECT_EQ(wide.card_y, 0);
  const PictureLayout tall = picture_layout(390, 844, 390, 500);
  EXPECT_FALSE(tall.beside);
  EXPECT_EQ(tall.width, 390);
  EXPECT_EQ(tall.height, 1344);
  EXPECT_EQ(tall.card_y, 844);
}

TEST(PictureLayout, ComposesBothOnWhiteWithoutOverlap) {
  const PictureLayout l = picture_layout(4, 2, 3, 3);
  const auto out = compose_picture(filled(4, 2, 10), 4, 2, filled(3, 3, 20), 3, 3, l);
  ASSERT_EQ(out.size(), 7u * 3 * 4);
  const auto at = [&](int x, int y) { return out[(static_cast<std::size_t>(y) * 7 + x) * 4]; };
  EXPECT_EQ(at(0, 0), 10);
  EXPECT_EQ(at(3, 1), 10);
  EXPECT_EQ(at(0, 2), 255);  // under the map, beside nothing: white
  EXPECT_EQ(at(4, 0), 20);
  EXPECT_EQ(at(6, 2), 20);
}

TEST(PictureLayout, RefusesBuffersThatDoNotMatchTheirSize) {
  const PictureLayout l = picture_layout(4, 2, 3, 3);
  EXPECT_TRUE(compose_picture(filled(4, 1, 0), 4, 2, filled(3, 3, 0), 3, 3, l).empty());
  EXPECT_TRUE(compose_picture(filled(4, 2, 0), 4, 2, filled(3, 3, 0), 3, 4, l).empty());
  PictureLayout bad = l;
  bad.card_x = 5;
  EXPECT_TRUE(compose_picture(filled(4, 2, 0), 4, 2, filled(3, 3, 0), 3, 3, bad).empty());
}

}  // namespace
}  // namespace ccap
