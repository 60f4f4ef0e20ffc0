#include "base/ui/theme.h"

#include <imgui.h>

namespace ccap::ui {

void apply_light_theme() {
  ImGui::StyleColorsLight();
  ImGuiStyle& s = ImGui::GetStyle();
  s.WindowRounding = 8.0f;
  s.FrameRounding = 5.0f;
  s.GrabRounding = 5.0f;
  s.WindowPadding = ImVec2(14, 12);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.ScrollbarSize = 16.0f;  // thumb-sized for touch screens
  s.WindowBorderSize = 0.0f;
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(1.00f, 1.00f, 1.00f, 0.96f);
  c[ImGuiCol_TitleBg] = ImVec4(0.89f, 0.93f, 0.95f, 1.00f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.80f, 0.88f, 0.93f, 1.00f);
  c[ImGuiCol_TitleBgCollapsed] = ImVec4(0.89f, 0.93f, 0.95f, 0.90f);
  c[ImGuiCol_Text] = ImVec4(0.12f, 0.15f, 0.18f, 1.00f);
  c[ImGuiCol_Header] = ImVec4(0.16f, 0.48f, 0.62f, 0.22f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.16f, 0.48f, 0.62f, 0.40f);
  c[ImGuiCol_Button] = ImVec4(0.16f, 0.48f, 0.62f, 0.16f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.16f, 0.48f, 0.62f, 0.35f);
  c[ImGuiCol_CheckMark] = ImVec4(0.10f, 0.40f, 0.55f, 1.00f);
}

}  // namespace ccap::ui
