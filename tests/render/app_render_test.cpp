// The app drawn on Mesa with no display: the map's background and an ImGui panel are really on
// the framebuffer, read back through the same pixel probes the browser tests use.
#include <gtest/gtest.h>

#include "core/palette.h"
#include "scripted_app.h"

namespace ccap::testing {
namespace {

AppConfig test_config() {
  AppConfig c;
  c.data_dir = CCAP_TEST_DATA_DIR;
  return c;
}

TEST(AppRender, ClearsToTheOceanAndDrawsTheWelcomePanel) {
  ScriptedApp scripted(test_config());
  int ocean_probe = 0, panel_probe = 0;
  nlohmann::json panel;
  // Frame 2: the panel has its size; ask for one pixel far from it and one inside its padding.
  scripted.after_frame(2, [&](AtlasApp& app) {
    const auto state = nlohmann::json::parse(app.state_json());
    ASSERT_EQ(state["uiWindows"].size(), 1u);
    panel = state["uiWindows"][0];
    ocean_probe = app.request_probe(600, 460);
    const float right_padding_x = panel["x"].get<float>() + panel["width"].get<float>() - 5;
    const float middle_y = panel["y"].get<float>() + panel["height"].get<float>() / 2;
    panel_probe = app.request_probe(right_padding_x, middle_y);
  });
  ASSERT_EQ(scripted.run(3, 640, 480), 0);

  const auto state = scripted.state();
  EXPECT_EQ(state["frame"], 3);
  EXPECT_EQ(state["canvas"]["width"], 640);
  EXPECT_EQ(state["framebuffer"]["height"], 480);
  EXPECT_EQ(panel["name"], "Clean Air Atlas");
  EXPECT_GT(panel["width"].get<float>(), 100);
  EXPECT_GT(panel["height"].get<float>(), 60);

  EXPECT_LE(channel_distance(probe_color(state, ocean_probe), palette::kOcean), 1);
  // The panel's background: white at 96 % over the ocean.
  const Rgba8 expected_panel{255 * 96 / 100 + palette::kOcean.r * 4 / 100,
                             255 * 96 / 100 + palette::kOcean.g * 4 / 100,
                             255 * 96 / 100 + palette::kOcean.b * 4 / 100, 255};
  const Rgba8 got = probe_color(state, panel_probe);
  EXPECT_LE(channel_distance(got, expected_panel), 3) << to_hex(got) << " vs " << to_hex(expected_panel);
}

TEST(AppRender, ReportsAMissingUiFontInsteadOfFailing) {
  AppConfig config;
  config.data_dir = "/nonexistent";
  ScriptedApp scripted(config);
  ASSERT_EQ(scripted.run(2, 320, 240), 0);
  const auto notices = scripted.state()["notices"];
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0]["level"], "warning");
  EXPECT_NE(notices[0]["text"].get<std::string>().find("/nonexistent/fonts/NotoSans-Regular.ttf"),
            std::string::npos);
}

}  // namespace
}  // namespace ccap::testing
