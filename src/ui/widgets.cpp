#include "ui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace ccap::ui {

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextColored(ImVec4(0.16f, 0.40f, 0.52f, 1), "%s", text);
}

void disabled_wrapped(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopStyleColor();
}

void bullet_wrapped(const std::string& text) {
  ImGui::Bullet();
  ImGui::TextWrapped("%s", text.c_str());
}

void place_detail_panel(const AppState& state, float max_height) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float width = std::min(380.0f, vp->Size.x - 24);
  float bottom = vp->Size.y - 12;
  for (const UiWindowRect& w : state.ui_windows)
    if (w.name == "Layers & legend" && w.x + w.width > vp->Size.x - width - 12 && w.y > 200) bottom = w.y - 8;
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x - 12, 12), ImGuiCond_Appearing, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(width, std::clamp(bottom - 12, 200.0f, std::max(200.0f, max_height))), ImGuiCond_Appearing);
}

}  // namespace ccap::ui
