#include "base/color.h"

#include <gtest/gtest.h>

namespace ccap {

TEST(Color, ParsesSixAndEightDigitHex) {
  EXPECT_EQ(parse_hex_color("#d6e6f0"), (Rgba8{0xd6, 0xe6, 0xf0, 0xff}));
  EXPECT_EQ(parse_hex_color("00E40080"), (Rgba8{0x00, 0xe4, 0x00, 0x80}));
}

TEST(Color, RejectsMalformedHex) {
  EXPECT_FALSE(parse_hex_color(""));
  EXPECT_FALSE(parse_hex_color("#fff"));
  EXPECT_FALSE(parse_hex_color("#gg0000"));
  EXPECT_FALSE(parse_hex_color("#00e4000"));
}

TEST(Color, HexRoundTrip) {
  const Rgba8 c{1, 128, 254, 7};
  EXPECT_EQ(to_hex(c), "#0180fe07");
  EXPECT_EQ(parse_hex_color(to_hex(c)), c);
}

TEST(Color, ChannelDistanceIsTheLargestChannelDifference) {
  EXPECT_EQ(channel_distance({10, 20, 30, 255}, {10, 20, 30, 255}), 0);
  EXPECT_EQ(channel_distance({10, 20, 30, 255}, {12, 15, 30, 250}), 5);
}

}  // namespace ccap
