// City names on the map, placed without overlaps (map/label_placement): the selected and hovered
// city first, then C3 cities, then by population. Drawn under the panels, with a white halo.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "base/ui/widgets.h"
#include "domain/country_names.h"
#include "features/partnership/ui/partnership_panels.h"
#include "map/label_placement.h"

namespace ccap::ui {

std::vector<PlacedCityLabel> city_labels(const Partnership& p, const std::vector<CityLabel>& labels,
                                         const CityMarks& marks, std::span<const ScreenDisc> under,
                                         const Layout& layout, std::optional<CityId> selected,
                                         std::optional<CityId> hover) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  std::vector<LabelRequest> requests;
  requests.reserve(labels.size());
  for (const CityLabel& l : labels) {
    const ImVec2 size = ImGui::CalcTextSize(p.city(l.city).name.c_str());
    requests.push_back({l.anchor, {size.x + 4, size.y}, l.radius + 4.0, l.priority, l.mark});
  }
  std::vector<ScreenDisc> discs;
  discs.reserve(marks.marks.size());
  for (const CityMark& m : marks.marks) discs.push_back(m.disc);  // a label's own mark: its index here
  discs.insert(discs.end(), under.begin(), under.end());
  std::vector<ScreenBox> surfaces;
  for (const Rect& r : layout.surfaces()) surfaces.push_back({{r.x, r.y}, {r.right(), r.bottom()}});
  const auto placed = place_labels(requests, {vp->Size.x, vp->Size.y}, {discs, surfaces});
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

void group_counts(const CityMarks& marks) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  char text[16];
  for (const CityMark& m : marks.marks) {
    if (!m.group()) continue;
    std::snprintf(text, sizeof text, "%zu", m.cities.size());
    const ImVec2 size = ImGui::CalcTextSize(text);
    if (size.x > 2 * m.disc.radius) continue;  // too small to hold it: the tooltip says it
    draw->AddText(
        ImVec2(static_cast<float>(m.disc.centre.x) - size.x / 2, static_cast<float>(m.disc.centre.y) - size.y / 2),
        IM_COL32(255, 255, 255, 255), text);
  }
}

void group_tooltip(const Partnership& p, const std::vector<CityId>& cities) {
  if (cities.size() < 2 || ImGui::GetIO().WantCaptureMouse) return;
  ImGui::BeginTooltip();
  ImGui::Text("%zu partner cities, too close to tell apart at this zoom:", cities.size());
  std::string names;
  for (CityId c : cities) names += (names.empty() ? "" : ", ") + p.city(c).name;
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22);
  ImGui::TextUnformatted(names.c_str());
  ImGui::PopTextWrapPos();
  ImGui::TextDisabled("Click to choose one, or zoom in");
  ImGui::EndTooltip();
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

void keyboard_focus_ring(const Partnership& p, CityId city, glm::dvec2 at, float radius) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImVec2 c(static_cast<float>(at.x), static_cast<float>(at.y));
  const float r = radius + ImGui::GetFontSize() * 0.5f, width = std::max(2.0f, ImGui::GetFontSize() * 0.18f);
  draw->AddCircle(c, r, IM_COL32(255, 255, 255, 255), 40, width * 2.5f);  // a halo, for any background
  draw->AddCircle(c, r, kPanelInk, 40, width);
  const City& k = p.city(city);
  std::string text = k.name + ", " + country_name(k.country);
  for (const auto& [pair, partner] : p.partners_of(city)) text += "\nC3 twin: " + p.city(partner).name;
  text += "\nEnter opens it";
  const float pad = ImGui::GetFontSize() * 0.4f;
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  // Beside the ring, on the side with room (a city near the right edge has it on its left).
  const float box_w = size.x + 2 * pad, screen_w = ImGui::GetIO().DisplaySize.x;
  const float x = c.x + r + pad + box_w <= screen_w ? c.x + r + pad : c.x - r - pad - box_w;
  const float y =
      std::clamp(c.y - size.y / 2 - pad, 0.0f, std::max(0.0f, ImGui::GetIO().DisplaySize.y - size.y - 2 * pad));
  const ImVec2 p0(x, y), p1(x + box_w, y + size.y + 2 * pad);
  draw->AddRectFilled(p0, p1, IM_COL32(31, 38, 46, 235), pad);
  draw->AddText(ImVec2(p0.x + pad, p0.y + pad), IM_COL32(255, 255, 255, 255), text.c_str());
}

std::optional<CityId> city_chooser(const Partnership& p, CityChooser& chooser, const Layout& layout) {
  constexpr const char* kTitle = "Which city?";
  const float width = layout.px(220), target = layout.px(kTouchTarget);
  // As tall as its line and its buttons, or the screen less a margin (then it scrolls).
  const ImGuiStyle& style = ImGui::GetStyle();
  const float n = static_cast<float>(chooser.cities.size());
  const float height =
      std::min(ImGui::GetTextLineHeight() + n * (target + style.ItemSpacing.y) + 2 * style.WindowPadding.y,
               layout.height() - 2 * layout.px(kMargin));
  // Beside the finger, on the screen, left of the map's buttons (a panel never covers another).
  const float right = std::max(width, layout.place(Slot::MapControls).x - layout.px(8));
  const float x = std::clamp(static_cast<float>(chooser.at.x) + layout.px(16), 0.0f, right - width);
  const float y = std::clamp(static_cast<float>(chooser.at.y) - height / 2, 0.0f, layout.height() - height);
  ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, height), ImGuiCond_Always);
  chooser.drawn = {x, y, width, height};
  std::optional<CityId> chosen;
  if (ImGui::Begin(kTitle, nullptr,
                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::TextDisabled("Which city?");
    chooser.buttons.clear();
    for (CityId c : chooser.cities) {
      ImGui::PushID(static_cast<int>(c.index()));
      if (ImGui::Button(p.city(c).name.c_str(), ImVec2(-1, target))) chosen = c;
      const ImVec2 b0 = ImGui::GetItemRectMin(), b1 = ImGui::GetItemRectMax();
      chooser.buttons.push_back({b0.x, b0.y, b1.x - b0.x, b1.y - b0.y});
      ImGui::PopID();
    }
  }
  ImGui::End();
  return chosen;
}

}  // namespace ccap::ui
