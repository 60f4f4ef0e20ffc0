#include "map/marker_instance.h"

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>

namespace ccap {
namespace {

std::map<std::string, std::string> parse_defines(const std::string& text) {
  std::map<std::string, std::string> out;
  std::istringstream in(text);
  std::string hash, name, value;
  while (in >> hash >> name >> value) {
    EXPECT_EQ(hash, "#define");
    out[name] = value;
  }
  return out;
}

TEST(MarkerAbi, GlslDefinesCarryTheCppValues) {
  const auto d = parse_defines(marker_glsl_defines());
  EXPECT_EQ(d.at("MARKER_SHAPE_CIRCLE"), "0");
  EXPECT_EQ(d.at("MARKER_SHAPE_DIAMOND"), std::to_string(static_cast<int>(MarkerShape::Diamond)));
  EXPECT_EQ(d.at("MARKER_SHAPE_SQUARE"), std::to_string(static_cast<int>(MarkerShape::Square)));
  EXPECT_EQ(d.at("MARKER_FLAG_RING"), std::to_string(int{kMarkerRing}));
  EXPECT_EQ(d.at("MARKER_FLAG_HOVER"), std::to_string(int{kMarkerHover}));
  EXPECT_EQ(d.at("MARKER_FLAG_SELECTED"), std::to_string(int{kMarkerSelected}));
  EXPECT_EQ(d.at("MARKER_FLAG_VALUE_RING"), std::to_string(int{kMarkerValueRing}));
  EXPECT_EQ(d.at("MARKER_NEUTRAL_FILL"), "vec3(0.933333,0.945098,0.956863)") << "238, 241, 244";
  EXPECT_FLOAT_EQ(std::stof(d.at("MARKER_EXTENT_SCALE")), kMarkerExtentScale);
  EXPECT_FLOAT_EQ(std::stof(d.at("MARKER_HALO_PX")), kMarkerHaloPx);
  EXPECT_FLOAT_EQ(std::stof(d.at("MARKER_DIAMOND_REACH")), kMarkerDiamondReach);
  EXPECT_FLOAT_EQ(std::stof(d.at("MARKER_SQUARE_REACH")), kMarkerSquareReach);
  EXPECT_EQ(d.size(), 12u);
}

TEST(MarkerAbi, FlagsAreDistinctBits) {
  EXPECT_EQ(kMarkerRing & kMarkerHover, 0);
  EXPECT_EQ(kMarkerRing & kMarkerSelected, 0);
  EXPECT_EQ(kMarkerHover & kMarkerSelected, 0);
  EXPECT_EQ((kMarkerRing | kMarkerHover | kMarkerSelected) & kMarkerValueRing, 0);
}

TEST(MarkerAbi, TheLargestMarkerFitsItsQuad) {
  EXPECT_FLOAT_EQ(kMarkerMaxExtent, kMarkerMaxRadius * kMarkerExtentScale + kMarkerHaloPx);
  EXPECT_GT(kMarkerMaxExtent, kMarkerMaxRadius * kMarkerDiamondReach + 4.0f + 1.5f);  // diamond corner + selection halo
}

}  // namespace
}  // namespace ccap
