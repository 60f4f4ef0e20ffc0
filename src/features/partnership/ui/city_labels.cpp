// City names on the map, placed without overlaps (map/label_placement): the selected and hovered
// city first, then C3 cities, then by population. Drawn under the panels, with a white halo.
#include <imgui.h>

#include <algorithm>

#include "base/country_names.h"
#include "features/partnership/ui/partnership_panels.h"
#include "map/label_placement.h"

namespace ccap::ui {

std::vector<PlacedCityLabel> city_labels(const Partnership& p, const std::vector<CityLabel>& labels,
                                         std::optional<CityId> selected, std::optional<CityId> hover) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  std::vector<LabelRequest> requests;
  requests.reserve(labels.size());
  for (const CityLabel& l : labels) {
    const ImVec2 size = ImGui::CalcTextSize(p.city(l.city).name.c_str());
    requests.push_back({l.anchor, {size.x + 4, size.y}, l.radius + 4.0, l.priority});
  }
  const auto placed = place_labels(requests, {vp->Size.x, vp->Size.y});
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  std::vector<PlacedCityLabel> out;
  for (const PlacedLabel& placed_label : placed) {
    const CityLabel& l = labels[placed_label.request];
    const char* name = p.city(l.city).name.c_str();
    const ImVec2 at(static_cast<float>(placed_label.top_left.x) + 2, static_cast<float>(placed_label.top_left.y));
    const bool strong = l.city == selected || l.city == hover;
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1)})  // halo
      draw->AddText(ImVec2(at.x + d.x, at.y + d.y), IM_COL32(255, 255, 255, 230), name);
    draw->AddText(at, strong ? IM_COL32(10, 20, 30, 255) : IM_COL32(40, 52, 64, 255), name);
    const ImVec2 size = ImGui::CalcTextSize(name);
    out.push_back({l.city, {at.x, at.y, size.x, size.y}});
  }
  return out;
}

void city_tooltip(const Partnership& p, std::optional<CityId> hover, std::optional<CityId> selected) {
  if (!hover || hover == selected || ImGui::GetIO().WantCaptureMouse) return;
  const City& c = p.city(*hover);
  ImGui::BeginTooltip();
  ImGui::Text("%s%s%s%s", c.name.c_str(), c.local_name.empty() ? "" : " (", c.local_name.c_str(),
              c.local_name.empty() ? "" : ")");
  ImGui::TextDisabled("%s", country_name(c.country).c_str());
  for (const auto& [pair, partner] : p.partners_of(*hover)) ImGui::Text("C3 twin: %s", p.city(partner).name.c_str());
  if (const CertificationStatus* s = p.certification_of(*hover))
    ImGui::Text("%s (%s, %d)", p.level(s->level).name.c_str(), s->status.c_str(), s->year);
  ImGui::TextDisabled("Click for details");
  ImGui::EndTooltip();
}

std::optional<CityId> city_chooser(const Partnership& p, CityChooser& chooser, const Layout& layout) {
  constexpr const char* kTitle = "Which city?";
  const float width = layout.px(220), target = layout.px(kTouchTarget);
  const float height = ImGui::GetFrameHeightWithSpacing() +
                       static_cast<float>(chooser.cities.size()) * (target + ImGui::GetStyle().ItemSpacing.y) +
                       2 * ImGui::GetStyle().WindowPadding.y;
  // Beside the finger, on the screen.
  const float x = std::clamp(static_cast<float>(chooser.at.x) + layout.px(16), 0.0f, layout.width() - width);
  const float y = std::clamp(static_cast<float>(chooser.at.y) - height / 2, 0.0f, layout.height() - height);
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
  chooser.drawn = {x, y, width, height};
  std::optional<CityId> chosen;
  if (ImGui::Begin(kTitle, nullptr,
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextDisabled("Which city?");
    for (CityId c : chooser.cities) {
      ImGui::PushID(static_cast<int>(c.index()));
      if (ImGui::Button(p.city(c).name.c_str(), ImVec2(-1, target))) chosen = c;
      ImGui::PopID();
    }
  }
  ImGui::End();
  return chosen;
}

}  // namespace ccap::ui
