// Render tests as data (tests/render/README.md): every folder under tests/render/ is a case, a link
// that sets the scene and pixel probes at places on the map. This runs each through the real app on
// Mesa with no display and reads its pixels back, as the browser tests do.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "map/palette.h"
#include "scripted_app.h"
#include "test_paths.h"

namespace ccap::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(CCAP_RENDER_CASES))
    if (entry.is_directory() && fs::exists(entry.path() / "case.json")) out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::optional<Rgba8> colour_named(const std::string& name) {
  if (name == "land") return palette::kLand;
  if (name == "ocean") return palette::kOcean;
  unsigned r = 0, g = 0, b = 0;
  if (name.size() == 7 && std::sscanf(name.c_str(), "#%2x%2x%2x", &r, &g, &b) == 3)
    return Rgba8{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g), static_cast<std::uint8_t>(b), 0xff};
  return std::nullopt;
}

class RenderCase : public ::testing::TestWithParam<fs::path> {};

TEST_P(RenderCase, DrawsWhatItsCaseSays) {
  std::ifstream in(GetParam() / "case.json");
  std::stringstream text;
  text << in.rdbuf();
  const nlohmann::json c = nlohmann::json::parse(text.str(), nullptr, false);
  ASSERT_TRUE(c.is_object() && c.contains("link") && c["probes"].is_array()) << GetParam() << ": not a case";
  AppConfig config;
  config.data_dir = CCAP_TEST_DATA_DIR;
  config.link = c["link"].get<std::string>();
  const int width = c.contains("size") ? c["size"][0].get<int>() : 1024;
  const int height = c.contains("size") ? c["size"][1].get<int>() : 700;
  ScriptedApp scripted(config);
  std::vector<int> ids;
  scripted.after_frame(1, [&](AtlasApp& app) {
    for (ui::Slot slot : {ui::Slot::WelcomeCard, ui::Slot::LayersPanel}) app.layout().set_folded(slot, true);
  });
  scripted.after_frame(3, [&](AtlasApp& app) {
    for (const auto& p : c["probes"]) {
      const glm::dvec2 at = app.camera().lnglat_to_screen({p["at"][0].get<double>(), p["at"][1].get<double>()});
      ids.push_back(app.request_probe(static_cast<float>(at.x), static_cast<float>(at.y)));
    }
  });
  ASSERT_EQ(scripted.run(4, width, height), 0);
  const auto state = scripted.state();
  ASSERT_TRUE(state["map"]["basemapLoaded"].get<bool>()) << state["notices"].dump();
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto& p = c["probes"][i];
    const auto expected = colour_named(p["colour"].get<std::string>());
    ASSERT_TRUE(expected) << p.dump() << ": a colour is a palette name or #rrggbb";
    const Rgba8 got = probe_color(state, ids[i]);
    EXPECT_LE(channel_distance(got, *expected), p.value("tolerance", 2))
        << p["name"].get<std::string>() << ": " << to_hex(got) << ", expected " << to_hex(*expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, RenderCase, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<fs::path>& param) {
                           std::string name = param.param.filename().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace ccap::testing
