// Every text colour of the theme meets WCAG's 4.5:1 against the surfaces it is drawn on, and every
// control's boundary 3:1 (WCAG 1.4.11), read from the style the app really uses.
#include "base/ui/theme.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include "base/ui/widgets.h"

namespace ccap {
namespace {

float contrast(const ImVec4& a, const ImVec4& b) { return ui::contrast_ratio(a.x, a.y, a.z, b.x, b.y, b.z); }

// `top` composited over the opaque `bottom`.
ImVec4 over(const ImVec4& top, const ImVec4& bottom) {
  const float a = top.w;
  return ImVec4(top.x * a + bottom.x * (1 - a), top.y * a + bottom.y * (1 - a), top.z * a + bottom.z * (1 - a), 1);
}

class ThemeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ImGui::CreateContext();
    ui::apply_light_theme();
  }
  void TearDown() override { ImGui::DestroyContext(); }
  const ImVec4& colour(ImGuiCol c) const { return ImGui::GetStyle().Colors[c]; }
};

}  // namespace

TEST(Contrast, MatchesWcagExamples) {
  EXPECT_NEAR(ui::contrast_ratio(0, 0, 0, 1, 1, 1), 21.0f, 0.01f);
  EXPECT_NEAR(ui::contrast_ratio(1, 1, 1, 1, 1, 1), 1.0f, 0.001f);
  // #999999 on white: the secondary text the outside review measured at 2.85:1.
  EXPECT_NEAR(ui::contrast_ratio(0.6f, 0.6f, 0.6f, 1, 1, 1), 2.85f, 0.01f);
}

TEST_F(ThemeTest, EveryTextIsReadableOnEverySurfaceItSitsOn) {
  const ImVec4 window = colour(ImGuiCol_WindowBg);
  ASSERT_EQ(window.w, 1.0f) << "panels are opaque";
  const ImGuiCol surfaces[] = {ImGuiCol_WindowBg,      ImGuiCol_TitleBg,       ImGuiCol_Button, ImGuiCol_ButtonHovered,
                               ImGuiCol_FrameBg,       ImGuiCol_Header,        ImGuiCol_Tab,    ImGuiCol_TabActive,
                               ImGuiCol_TableRowBgAlt, ImGuiCol_TableHeaderBg, ImGuiCol_PopupBg};
  for (ImGuiCol s : surfaces) {
    const ImVec4 surface = over(colour(s), window);
    EXPECT_GE(contrast(colour(ImGuiCol_Text), surface), 4.5f) << "text on " << ImGui::GetStyleColorName(s);
    EXPECT_GE(contrast(colour(ImGuiCol_TextDisabled), surface), 4.5f)
        << "secondary text on " << ImGui::GetStyleColorName(s);
  }
  for (const ImVec4& ink : {ui::kHeadingInk, ui::kWarningInk, ui::kErrorInk, ui::kNoticeWarningInk, ui::kInfoInk})
    EXPECT_GE(contrast(ink, window), 4.5f) << "a shared ink (widgets.h)";
}

TEST_F(ThemeTest, EveryControlShowsItsEdge) {
  const ImGuiStyle& style = ImGui::GetStyle();
  EXPECT_GE(style.FrameBorderSize, 1.0f) << "check boxes, radio buttons and fields are drawn with a border";
  const ImVec4 window = colour(ImGuiCol_WindowBg);
  const ImVec4 border = over(colour(ImGuiCol_Border), window);
  EXPECT_GE(contrast(border, window), 3.0f) << "a control's edge against the panel";
  EXPECT_GE(contrast(border, over(colour(ImGuiCol_FrameBg), window)), 3.0f) << "against the control";
  EXPECT_GE(contrast(colour(ImGuiCol_CheckMark), over(colour(ImGuiCol_FrameBg), window)), 3.0f) << "the check mark";
  EXPECT_GE(contrast(colour(ImGuiCol_SliderGrab), over(colour(ImGuiCol_FrameBg), window)), 3.0f)
      << "the slider's handle on its track";
  EXPECT_GE(contrast(colour(ImGuiCol_ScrollbarGrab), over(colour(ImGuiCol_ScrollbarBg), window)), 3.0f)
      << "the scrollbar's thumb";
}

TEST_F(ThemeTest, SizesScaleWithTheScreen) {
  const float padding = ImGui::GetStyle().WindowPadding.x;
  ui::apply_light_theme(2.0f);
  EXPECT_FLOAT_EQ(ImGui::GetStyle().WindowPadding.x, 2 * padding);
  EXPECT_FLOAT_EQ(ImGui::GetStyle().ScrollbarSize, 32.0f);
}

}  // namespace ccap
