// A saved picture (the share menu's "Save image") through the real app on Mesa: a PNG of the
// framebuffer's size, the map without panels, with the title card and the legends, the synthetic-
// data warning of the built-in readings, and the attribution.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <set>

#include "base/png_decode.h"
#include "features/air/model/air_scale.h"
#include "features/partnership/model/marker_style.h"
#include "map/palette.h"
#include "scripted_app.h"
#include "test_paths.h"

namespace ccap::testing {
namespace {

struct Saved {
  std::string name, mime, bytes;
};

Rgba8 pixel(const Decoded& d, int x, int y) {
  const std::size_t i = (static_cast<std::size_t>(y) * d.width + x) * 4;
  return {d.rgba[i], d.rgba[i + 1], d.rgba[i + 2], d.rgba[i + 3]};
}

// How many pixels of `box` pass `test`.
template <class Test>
int count_if(const Decoded& d, float x0, float y0, float w, float h, Test test) {
  int n = 0;
  for (int y = static_cast<int>(y0); y < static_cast<int>(y0 + h) && y < d.height; ++y)
    for (int x = static_cast<int>(x0); x < static_cast<int>(x0 + w) && x < d.width; ++x)
      if (test(pixel(d, x, y))) ++n;
  return n;
}

// How many pixels of `box` (logical px = picture px here) are within 8 of `colour`.
int count_near(const Decoded& d, float x0, float y0, float w, float h, Rgba8 colour) {
  int n = 0;
  for (int y = static_cast<int>(y0); y < static_cast<int>(y0 + h) && y < d.height; ++y)
    for (int x = static_cast<int>(x0); x < static_cast<int>(x0 + w) && x < d.width; ++x)
      if (channel_distance(pixel(d, x, y), colour) <= 8) ++n;
  return n;
}

TEST(Picture, IsThePanelFreeMapWithTitleLegendAndAttribution) {
  std::vector<Saved> saved;
  AppConfig config;
  config.data_dir = CCAP_TEST_DATA_DIR;
  config.demo_data = true;  // the legend's air lines, on the demo set
  config.save_file = [&](const std::string& name, const std::string& mime, const std::string& bytes) {
    saved.push_back({name, mime, bytes});
    return "Saved " + name;
  };
  ScriptedApp scripted(std::move(config));
  nlohmann::json before;
  scripted.after_frame(3, [&](AtlasApp& app) {
    before = nlohmann::json::parse(app.state_json());
    app.save_picture();
  });
  ASSERT_EQ(scripted.run(6, 1024, 700), 0);
  ASSERT_EQ(saved.size(), 1u);
  EXPECT_EQ(saved[0].mime, "image/png");
  EXPECT_EQ(saved[0].name.rfind("clean-air-atlas_map_", 0), 0u) << saved[0].name;
  EXPECT_EQ(saved[0].name.substr(saved[0].name.size() - 5), "Z.png");
  if (const char* dump = std::getenv("CCAP_PICTURE_DUMP")) std::ofstream(dump, std::ios::binary) << saved[0].bytes;
  const Decoded d = decode_png(std::vector<std::uint8_t>(saved[0].bytes.begin(), saved[0].bytes.end()));
  ASSERT_EQ(d.width, 1024 + 380);  // the card beside the map
  ASSERT_EQ(d.height, 700);
  const auto state = scripted.state();
  EXPECT_EQ(state["share"]["last"], "Saved " + saved[0].name);

  // The card: white, with a legend swatch of every WHO band of the air overlay shown.
  const auto& card = state["share"]["pictureCard"];
  ASSERT_TRUE(card.is_object());
  const float cx = card["x"], cy = card["y"], cw = card["width"], ch = card["height"];
  EXPECT_GT(count_near(d, cx, cy, cw, ch, {255, 255, 255, 255}), cw * ch * 0.5);
  const auto scale = make_color_scale(AirScaleKind::Who, Pollutant::Pm25, AirPeriod::Day, false);
  ASSERT_TRUE(scale);
  for (const ScaleBand& band : scale->bands) EXPECT_GT(count_near(d, cx, cy, cw, ch, band.color), 50) << band.label;
  // The synthetic-data warning's brown ink (the built-in readings are synthetic), and dark text.
  EXPECT_GT(count_if(d, cx, cy, cw, ch, [](Rgba8 p) { return p.r > p.g + 60 && p.r > p.b + 90 && p.r < 200; }), 40);
  EXPECT_GT(count_if(d, cx, cy, cw, ch, [](Rgba8 p) { return p.r < 80 && p.g < 80 && p.b < 80; }), 500);
  // Every legend symbol drawn as the map draws it: the C3 diamond is a diamond, not a disc (a
  // pixel past a disc's edge, inside the diamond's, is its fill), and the clusters have an entry.
  std::set<std::string> shapes;
  for (const auto& sym : card["symbols"]) shapes.insert(sym["shape"].get<std::string>());
  for (const char* shape : {"circle", "diamond", "group", "line", "square", "cluster"})
    EXPECT_TRUE(shapes.count(shape)) << shape;
  const auto probe_past_disc = [&](const std::string& label_start) {
    for (const auto& sym : card["symbols"])
      if (sym["label"].get<std::string>().rfind(label_start, 0) == 0)
        return pixel(d, static_cast<int>(sym["x"].get<float>() + 1.1f * sym["r"].get<float>()),
                     static_cast<int>(sym["y"].get<float>()));
    ADD_FAILURE() << "no legend line " << label_start;
    return Rgba8{};
  };
  const Rgba8 blue = certification_color(0);
  EXPECT_LE(channel_distance(probe_past_disc("C3 twinning city"), blue), 40) << "the diamond reaches past a disc";
  EXPECT_GT(channel_distance(probe_past_disc("Partner city, not certified"), blue), 80) << "the disc does not";

  // Nothing of the map under the card: it is beside it.
  EXPECT_GE(cx, 1024);

  // The attribution's box where the app put it, and no panel: the welcome card's place is map.
  for (const auto& w : before["uiWindows"]) {
    const float x = w["x"], y = w["y"], width = w["width"], height = w["height"];
    if (w["name"] == "Attribution") {  // its text
      EXPECT_GT(count_if(d, x, y, width, height, [](Rgba8 p) { return p.r + p.g + p.b < 3 * 150; }), 100);
    }
    if (w["name"] == "Air quality") {  // the air panel (folded): only map colours where it was
      EXPECT_EQ(count_near(d, x, y, width, height, {0xe6, 0xed, 0xf3, 0xff}), 0);
    }
  }
}

}  // namespace
}  // namespace ccap::testing
