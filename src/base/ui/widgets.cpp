#include "base/ui/widgets.h"

#include <imgui.h>

#include <algorithm>

namespace ccap::ui {

void heading(const char* text) {
  ImGui::Spacing();
  ImGui::TextColored(kHeadingInk, "%s", text);
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

}  // namespace ccap::ui
