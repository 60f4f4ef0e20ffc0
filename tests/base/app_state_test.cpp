#include "base/app_state.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace ccap {

TEST(AppStateJson, CarriesFrameGeometryWindowsNoticesAndProbes) {
  AppState s;
  s.version = "9.9";
  s.frame = 42;
  s.frame_info.canvas_width = 640;
  s.frame_info.canvas_height = 480;
  s.frame_info.framebuffer_width = 1280;
  s.frame_info.framebuffer_height = 960;
  s.frame_info.pixel_ratio = 2;
  s.clear_color = {0xd6, 0xe6, 0xf0, 0xff};
  s.ui_windows.push_back({"Clean Air Atlas", 12, 12, 360, 200});
  add_notice(s, {Notice::Level::Error, "basemap.bin: bad checksum"});

  PixelProbes probes;
  probes.request(5, 5);
  probes.request(6, 6);
  probes.resolve(42, 2, 1280, 960, [](FramebufferPoint) { return Rgba8{1, 2, 3, 4}; });
  probes.request(7, 7);  // still pending

  const auto j = nlohmann::json::parse(to_json(s, probes.all()));
  EXPECT_EQ(j["version"], "9.9");
  EXPECT_EQ(j["frame"], 42);
  EXPECT_EQ(j["canvas"]["width"], 640);
  EXPECT_EQ(j["canvas"]["pixelRatio"], 2.0);
  EXPECT_EQ(j["framebuffer"]["height"], 960);
  EXPECT_EQ(j["clearColor"], "#d6e6f0ff");
  EXPECT_EQ(j["uiWindows"][0]["name"], "Clean Air Atlas");
  EXPECT_EQ(j["uiWindows"][0]["width"], 360.0);
  EXPECT_EQ(j["notices"][0]["level"], "error");
  ASSERT_EQ(j["probes"].size(), 3u);
  EXPECT_EQ(j["probes"][0]["rgba"], nlohmann::json({1, 2, 3, 4}));
  EXPECT_EQ(j["probes"][0]["frame"], 42);
  EXPECT_FALSE(j["probes"][2]["done"]);
  EXPECT_FALSE(j["probes"][2].contains("rgba"));
}

TEST(AppState, NoticesDoNotPileUp) {
  AppState s;
  for (int i = 0; i < 100; ++i) add_notice(s, {Notice::Level::Warning, "font missing"});
  add_notice(s, {Notice::Level::Warning, "another"});
  EXPECT_EQ(s.notices.size(), 2u);
}

}  // namespace ccap
