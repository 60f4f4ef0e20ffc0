// The partnership's panels run in Dear ImGui with no GL context: the real content, the real fonts
// (their atlas is built in memory), real frames; the assertions read the layout's rectangles and
// the commands the panels return.
#include "features/partnership/ui/partnership_panels.h"

#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>  // the window's content size

#include <fstream>
#include <sstream>

#include "base/ui/ui_fixture.h"
#include "test_paths.h"

namespace ccap {
namespace {

Partnership load_content() {
  std::ifstream in(std::string(CCAP_TEST_DATA_DIR) + "/partnership.json");
  std::stringstream text;
  text << in.rdbuf();
  PartnershipLoad load = parse_partnership(text.str(), "partnership.json");
  EXPECT_TRUE(load.partnership) << (load.problems.empty() ? "" : load.problems.front());
  return load.partnership ? *load.partnership : Partnership{};
}

// The partnership's panels in an ImGui context with the real fonts (tests/base/ui/ui_fixture.h).
class PanelsTest : public testing::ImGuiTest {
 protected:
  // Runs `frames` frames of the layers panel and, when a city is chosen, its city panel; returns
  // the commands.
  Commands run(float width, float height, std::optional<CityId> city, int frames = 3) {
    Commands commands;
    if (city) dock_.show(page_of(PageKind::City, *city));
    for (int i = 0; i < frames; ++i) {
      frame(width, height, [&] {
        layout_.begin_frame(width, height, 1.0f, !dock_.empty());
        PanelContext ctx{layout_, fonts_.set(), commands, dock_, marks_};
        ui::layers_panel(p_, layers_, ctx);
        if (city) ui::city_panel(p_, *city, ctx);
      });
    }
    return commands;
  }

  Partnership p_ = load_content();
  LayerSettings layers_;
  ui::Layout layout_;
  DockStack dock_;
  ScreenMarks marks_;
};

TEST_F(PanelsTest, TheLegendsLabelsWrapWithinTheLayersPanel) {
  // "Certification: Level 2 (name not published)" is wider than the panel: it wraps, not clipped.
  run(1440, 900, std::nullopt);
  const ImGuiWindow* w = nullptr;
  for (const ImGuiWindow* candidate : ImGui::GetCurrentContext()->Windows)
    if (std::string_view(candidate->Name).starts_with("Layers & legend")) w = candidate;
  ASSERT_TRUE(w);
  ASSERT_FALSE(w->Collapsed);
  EXPECT_LE(w->ContentSize.x, w->ContentRegionRect.GetWidth() + 1.0f)
      << "content " << w->ContentSize.x << " px in a panel " << w->ContentRegionRect.GetWidth() << " px wide";
}

TEST_F(PanelsTest, CityPanelAndLayersPanelDoNotOverlapOnTheDesktop) {
  const auto bangkok = p_.find_city("bangkok");
  ASSERT_TRUE(bangkok);
  run(1440, 900, std::nullopt);  // the map is shown, then a city is chosen
  const Commands commands = run(1440, 900, CityId(*bangkok));
  EXPECT_TRUE(commands.empty()) << "no input, no command";
  const auto city = layout_.rect(ui::Slot::Dock), layers = layout_.rect(ui::Slot::LayersPanel);
  ASSERT_TRUE(city && layers);
  EXPECT_FALSE(city->overlaps(*layers)) << "city y " << city->y << " h " << city->height << ", layers y " << layers->y;
  EXPECT_LE(city->right(), 1440.0f);
  EXPECT_LE(city->bottom(), 900.0f);
}

TEST_F(PanelsTest, OnAPhoneTheLayersPanelStartsFoldedAndTheCityOpensInABottomSheet) {
  const auto taipei = p_.find_city("taipei");
  ASSERT_TRUE(taipei);
  run(390, 844, std::nullopt);
  const auto layers = layout_.rect(ui::Slot::LayersPanel);
  ASSERT_TRUE(layers);
  EXPECT_LE(layers->height, layout_.header_height() + 1) << "folded to its header";
  run(390, 844, CityId(*taipei));
  const auto city = layout_.rect(ui::Slot::Dock);
  ASSERT_TRUE(city);
  EXPECT_EQ(layout_.windows_json().size(), 1u) << "the layers panel steps aside while the sheet is open";
  EXPECT_GE(city->x, 0.0f);
  EXPECT_LE(city->right(), 390.0f);
  EXPECT_GE(city->y, 844.0f / 2 - 1) << "a bottom sheet, half the screen";
}

TEST_F(PanelsTest, TheLayoutReportsEveryWindowItRecorded) {
  run(1440, 900, CityId(0));
  const nlohmann::json windows = layout_.windows_json();
  ASSERT_EQ(windows.size(), 2u);
  EXPECT_EQ(windows[0]["name"], "Layers & legend");
  EXPECT_EQ(windows[1]["name"], "City");
}

}  // namespace
}  // namespace ccap
