#include "features/basemap/ui/map_overlays.h"

#include <imgui.h>

#include "base/ui/widgets.h"
#include "map/scale_bar.h"

namespace ccap::ui {

// Zoom in / out / home buttons, thumb-sized for touch screens, at the bottom-right.
void map_controls(Layout& layout, Commands& commands) {
  constexpr const char* kTitle = "Map controls";
  constexpr float kButton = kTouchTarget;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Size.x - kMargin, vp->Size.y - 40), ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(0.92f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoMove;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 6));
  if (ImGui::Begin(kTitle, nullptr, flags)) {
    if (ImGui::Button("+", ImVec2(kButton, kButton))) commands.push_back(ZoomBy{1});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom in (+)");
    if (ImGui::Button("-", ImVec2(kButton, kButton))) commands.push_back(ZoomBy{-1});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Zoom out (-)");
    if (ImGui::Button("Home", ImVec2(kButton, kButton))) commands.push_back(GoHome{});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The whole partnership region (Home)");
    layout.record(Slot::MapControls, kTitle);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

// Drawn straight onto the background: a scale bar at the bottom-left, the data's credit at the
// bottom-right.
void scale_bar_and_attribution(double meters_per_pixel) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const ImU32 ink = kMapInk, halo = kMapHalo;

  const ScaleBar bar = scale_bar(meters_per_pixel, 120);
  if (!bar.label.empty()) {
    const float x0 = 14, y = vp->Size.y - 16, x1 = x0 + static_cast<float>(bar.pixels);
    draw->AddRectFilled(ImVec2(x0 - 4, y - 22), ImVec2(x1 + 6, y + 6), halo, 4);
    draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, 2);
    draw->AddLine(ImVec2(x0, y - 6), ImVec2(x0, y), ink, 2);
    draw->AddLine(ImVec2(x1, y - 6), ImVec2(x1, y), ink, 2);
    draw->AddText(ImVec2(x0 + 2, y - 21), ink, bar.label.c_str());
  }
  // The full credit, or a short one where it would not fit beside the scale bar (phones).
  const char* credit = "Basemap: Natural Earth (public domain) · Cities: GeoNames (CC BY 4.0)";
  if (ImGui::CalcTextSize(credit).x > vp->Size.x - 160) credit = "Natural Earth · GeoNames (CC BY 4.0)";
  const ImVec2 size = ImGui::CalcTextSize(credit);
  const ImVec2 at(vp->Size.x - size.x - 10, vp->Size.y - size.y - 8);
  draw->AddRectFilled(ImVec2(at.x - 5, at.y - 2), ImVec2(at.x + size.x + 5, at.y + size.y + 2), halo, 4);
  draw->AddText(at, ink, credit);
}

}  // namespace ccap::ui
