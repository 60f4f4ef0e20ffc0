// The layout at every screen size the atlas meets, from a small phone to a 4K kiosk, with the
// detail panel open and closed, panels folded and unfolded, and panels whose content is taller
// than the screen: no two slots overlap, and every slot is on the screen.
#include "base/ui/layout.h"

#include <gtest/gtest.h>

#include "base/ui/ui_fixture.h"

namespace ccap {
namespace {

using ui::Slot;

constexpr Slot kMapSlots[] = {Slot::WelcomeCard, Slot::Badge,    Slot::MapControls, Slot::LayersPanel,
                              Slot::AirPanel,    Slot::ScaleBar, Slot::Attribution};

const char* name(Slot s) {
  switch (s) {
    case Slot::WelcomeCard: return "welcome";
    case Slot::Badge: return "badge";
    case Slot::MapControls: return "controls";
    case Slot::LayersPanel: return "layers";
    case Slot::AirPanel: return "air";
    case Slot::Dock: return "dock";
    case Slot::ScaleBar: return "scale bar";
    case Slot::Attribution: return "attribution";
  }
  return "?";
}

class LayoutTest : public testing::ImGuiTest {};

}  // namespace

TEST_F(LayoutTest, NoSlotOverlapsAnotherOrLeavesTheScreenAtAnySize) {
  const std::pair<float, float> sizes[] = {{320, 568},   {360, 640},   {390, 844},  {300, 500},  {844, 390},
                                           {768, 1024},  {1024, 700},  {1200, 400}, {1440, 900}, {1920, 1080},
                                           {1080, 1920}, {2560, 1440}, {3840, 2160}};
  int checked = 0;
  for (const auto& size : sizes) {
    const float w = size.first, h = size.second;  // (clang 14 cannot capture structured bindings)
    for (const int open : {0, 1, 2}) {            // no dock; the dock (a phone's sheet at half height); at full height
      const bool dock = open > 0;
      for (const bool folded : {false, true}) {
        for (const float content : {120.0f, 5000.0f}) {
          frame(w, h, [&] {
            ui::Layout layout;
            const float scale = std::clamp(std::min(h, 1.4f * w) * 0.001f, 1.0f, 3.0f);
            layout.begin_frame(w, h, scale, dock);  // the first frame sets what starts folded
            if (open == 2) layout.set_sheet(ui::Layout::Sheet::Full);
            for (Slot s : kMapSlots) {
              layout.set_folded(s, folded);
              layout.report_content(s, 300, content);
            }
            layout.report_content(Slot::Badge, 280, 48);
            layout.begin_frame(w, h, scale, dock);
            std::vector<Slot> slots;
            for (Slot s : kMapSlots)
              if (layout.shown(s)) slots.push_back(s);
            if (dock) slots.push_back(Slot::Dock);
            // The credit always; the buttons and the scale bar unless the map is a sliver above a
            // full-height sheet, where they would be stacked on each other.
            EXPECT_TRUE(layout.shown(Slot::Attribution));
            const bool sliver = open == 2 && layout.phone();
            EXPECT_EQ(layout.shown(Slot::MapControls), !sliver);
            EXPECT_EQ(layout.shown(Slot::ScaleBar), !sliver);
            EXPECT_EQ(layout.shown(Slot::WelcomeCard), !(dock && layout.phone())) << "hidden only under a sheet";
            const std::string at = std::to_string(int(w)) + "x" + std::to_string(int(h)) +
                                   (open == 1   ? " dock"
                                    : open == 2 ? " full dock"
                                                : "") +
                                   (folded ? " folded" : "") + " content " + std::to_string(int(content));
            for (std::size_t i = 0; i < slots.size(); ++i) {
              const ui::Rect a = layout.place(slots[i]);
              EXPECT_GE(a.x, 0) << name(slots[i]) << " at " << at;
              EXPECT_GE(a.y, 0) << name(slots[i]) << " at " << at;
              EXPECT_LE(a.right(), w + 0.01f) << name(slots[i]) << " at " << at;
              EXPECT_LE(a.bottom(), h + 0.01f) << name(slots[i]) << " at " << at;
              for (std::size_t j = i + 1; j < slots.size(); ++j)
                EXPECT_FALSE(a.overlaps(layout.place(slots[j])))
                    << name(slots[i]) << " and " << name(slots[j]) << " overlap at " << at;
            }
            // Panels keep at least their header (a tap target) where the screen allows.
            if (h >= 500) {
              for (Slot s : {Slot::WelcomeCard, Slot::LayersPanel, Slot::AirPanel}) {
                if (!layout.shown(s)) continue;
                EXPECT_GE(layout.place(s).height, layout.header_height() - 0.01f) << name(s) << " at " << at;
              }
            }
            ++checked;
          });
        }
      }
    }
  }
  EXPECT_EQ(checked, 13 * 12);
}

TEST_F(LayoutTest, TheDockIsAColumnOnWideScreensAndASheetOnPhones) {
  frame(1440, 900, [&] {
    ui::Layout layout;
    layout.begin_frame(1440, 900, 1, true);
    const ui::Rect dock = layout.place(Slot::Dock);
    EXPECT_GT(dock.height, 800);
    EXPECT_NEAR(dock.right(), 1440 - ui::kMargin, 0.01);
    EXPECT_LE(layout.map_area().right(), dock.x) << "the map's overlays move out of its way";
    EXPECT_LE(layout.place(Slot::MapControls).right(), dock.x);
  });
  frame(390, 844, [&] {
    ui::Layout layout;
    layout.begin_frame(390, 844, 1, true);
    const ui::Rect sheet = layout.place(Slot::Dock);
    EXPECT_EQ(sheet.width, 390);
    EXPECT_NEAR(sheet.y, 422, 1);
    EXPECT_LE(layout.place(Slot::MapControls).bottom(), sheet.y);
    layout.set_sheet(ui::Layout::Sheet::Full);
    layout.begin_frame(390, 844, 1, true);
    EXPECT_LT(layout.place(Slot::Dock).y, 100) << "pulled up to nearly the whole screen";
    // A drag down most of the way and a release: it settles at a peek, the map gets the room.
    layout.drag_sheet(650);
    layout.begin_frame(390, 844, 1, true);
    EXPECT_NEAR(layout.place(Slot::Dock).y, 56 + 650, 1) << "the sheet follows the finger";
    layout.release_sheet();
    layout.begin_frame(390, 844, 1, true);
    EXPECT_EQ(layout.sheet(), ui::Layout::Sheet::Peek);
    EXPECT_GT(layout.place(Slot::Dock).y, 844 - 130);
    EXPECT_NEAR(layout.map_area().bottom(), layout.place(Slot::Dock).y, 0.01);
  });
}

// A credit on two lines (a phone at city scale: "© OpenStreetMap contributors" on its own) gets
// a row two lines high, and the buttons and panels above the strip move up to make room.
TEST_F(LayoutTest, ACreditOfTwoLinesPushesWhatIsAboveTheStripUp) {
  frame(390, 844, [&] {
    ui::Layout layout;
    layout.begin_frame(390, 844, 1, false);
    const ui::Rect one = layout.place(Slot::Attribution), controls = layout.place(Slot::MapControls);
    EXPECT_FALSE(layout.set_credit_lines(1));
    EXPECT_TRUE(layout.set_credit_lines(2));
    layout.begin_frame(390, 844, 1, false);
    const ui::Rect two = layout.place(Slot::Attribution);
    EXPECT_NEAR(two.height - one.height, ImGui::GetTextLineHeight(), 0.01);
    EXPECT_NEAR(two.bottom(), one.bottom(), 0.01);
    EXPECT_NEAR(controls.y - layout.place(Slot::MapControls).y, ImGui::GetTextLineHeight(), 0.01);
    EXPECT_LE(layout.place(Slot::MapControls).bottom(), two.y);
  });
}

TEST_F(LayoutTest, OnTouchScreensEveryControlIsAFingertipTall) {
  ui::apply_light_theme(1.0f, true);
  frame(390, 844, [&] { EXPECT_GE(ImGui::GetFrameHeight(), ui::kTouchTarget); });
  ui::apply_light_theme(2.0f, true);
  ASSERT_TRUE(fonts_.update(1.0f, 2.0f));  // the app rebuilds the fonts at the scale
  unsigned char* pixels = nullptr;
  int w = 0, h = 0;
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  frame(3840, 2160, [&] { EXPECT_GE(ImGui::GetFrameHeight(), 2 * ui::kTouchTarget - 0.5f) << "with fonts at 2x"; });
  ui::apply_light_theme(1.0f, false);
  ASSERT_TRUE(fonts_.update(1.0f, 1.0f));
  ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  frame(1440, 900, [&] { EXPECT_LT(ImGui::GetFrameHeight(), ui::kTouchTarget) << "a mouse keeps them compact"; });
}

TEST_F(LayoutTest, WhatStartsFolded) {
  frame(390, 844, [&] {
    ui::Layout phone;
    phone.begin_frame(390, 844, 1, false);
    EXPECT_TRUE(phone.folded(Slot::WelcomeCard));
    EXPECT_TRUE(phone.folded(Slot::LayersPanel));
    EXPECT_TRUE(phone.folded(Slot::AirPanel));
  });
  frame(1440, 900, [&] {
    ui::Layout desktop;
    desktop.begin_frame(1440, 900, 1, false);
    EXPECT_FALSE(desktop.folded(Slot::WelcomeCard));
    EXPECT_FALSE(desktop.folded(Slot::LayersPanel));
    EXPECT_TRUE(desktop.folded(Slot::AirPanel)) << "the air panel starts closed: it covered five cities";
  });
}

// Input is routed between frames by what the last frame drew. A card folded in the last frame no
// longer has its body: a press where the body was is the map's (the app sleeps between frames, so
// the next press can come before another frame is drawn; the e2e double click went to the body).
TEST_F(LayoutTest, APanelFoldedInTheLastFrameNoLongerTakesPressesWhereItsBodyWas) {
  const auto card = [](float height, bool body) {
    ImGui::SetNextWindowPos(ImVec2(12, 12));
    ImGui::SetNextWindowSize(ImVec2(360, height));
    ImGui::Begin("Card", nullptr, ImGuiWindowFlags_NoDecoration);
    if (body) {
      ImGui::BeginChild("body", ImVec2(0, 0));
      ImGui::TextUnformatted("Welcome");
      ImGui::EndChild();
    }
    ImGui::End();
  };
  frame(1024, 700, [&] { card(213, true); });
  EXPECT_TRUE(ui::panel_at(100, 150)) << "the open card's body";
  frame(1024, 700, [&] { card(44, false); });
  EXPECT_FALSE(ui::panel_at(100, 150)) << "folded: the body is gone";
  EXPECT_TRUE(ui::panel_at(100, 30)) << "its header is still there";
  EXPECT_FALSE(ui::panel_at(600, 150));
}

}  // namespace ccap
