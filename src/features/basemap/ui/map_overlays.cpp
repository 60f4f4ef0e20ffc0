#include "features/basemap/ui/map_overlays.h"

#include <imgui.h>

#include <algorithm>
#include <string>
#include <utility>

#include "base/ui/widgets.h"
#include "map/scale_bar.h"

namespace ccap::ui {

// Zoom in / out, Home and search buttons, a tap target each, in their slot at the bottom-right.
void map_controls(Layout& layout, Commands& commands) {
  constexpr const char* kTitle = "Map controls";
  const float button = layout.px(kTouchTarget);
  const Rect r = layout.place(Slot::MapControls);
  if (layout.control_buttons() == 0) return;  // a sliver of map: none fit
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.width, r.height), ImGuiCond_Always);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoMove;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(layout.px(6), layout.px(6)));
  if (ImGui::Begin(kTitle, nullptr, flags)) {
    layout.record(Slot::MapControls, kTitle);
    const ImVec2 size(button, button);
    // Icons are strokes sized to the button (the font's "+" and "-" are specks on a big button).
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const float width = std::max(1.5f, button * 0.06f), arm = button * 0.2f;
    auto icon_button = [&](const char* id, const char* tooltip) {
      const ImVec2 p = ImGui::GetCursorScreenPos();
      const bool pressed = ImGui::Button(id, size);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip);
      return std::pair{pressed, ImVec2(p.x + button / 2, p.y + button / 2)};
    };
    const auto [in, in_c] = icon_button("##zoom-in", "Zoom in (+)");
    draw->AddLine(ImVec2(in_c.x - arm, in_c.y), ImVec2(in_c.x + arm, in_c.y), ink, width);
    draw->AddLine(ImVec2(in_c.x, in_c.y - arm), ImVec2(in_c.x, in_c.y + arm), ink, width);
    if (in) commands.push_back(ZoomBy{1});
    const auto [out, out_c] = icon_button("##zoom-out", "Zoom out (-)");
    draw->AddLine(ImVec2(out_c.x - arm, out_c.y), ImVec2(out_c.x + arm, out_c.y), ink, width);
    if (out) commands.push_back(ZoomBy{-1});
    if (ImGui::Button("Home", size)) commands.push_back(GoHome{});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The whole partnership region (Home)");
    // A magnifying glass: the Knowledge Platform's search.
    const auto [search, c0] = icon_button("##search", "Search the Knowledge Platform (/)");
    if (search) commands.push_back(SearchKnowledge{});
    const ImVec2 c(c0.x - button * 0.06f, c0.y - button * 0.06f);
    const float radius = button * 0.2f;
    draw->AddCircle(c, radius, ink, 24, width);
    draw->AddLine(ImVec2(c.x + radius * 0.7f, c.y + radius * 0.7f), ImVec2(c.x + radius * 1.9f, c.y + radius * 1.9f),
                  ink, width * 1.4f);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

// Drawn straight onto the background, in their slots: a scale bar, and the data's credit.
bool scale_bar_and_attribution(double meters_per_pixel, Layout& layout, const std::vector<Credit>& credits) {
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  const ImU32 ink = kMapInk, halo = kMapHalo;
  const float pad = layout.px(4);

  const Rect bar_slot = layout.place(Slot::ScaleBar);
  const ScaleBar bar = scale_bar(meters_per_pixel, bar_slot.width - 2 * pad);
  if (layout.shown(Slot::ScaleBar) && !bar.label.empty()) {
    const float x0 = bar_slot.x + pad, y = bar_slot.bottom() - pad, x1 = x0 + static_cast<float>(bar.pixels);
    const float tick = layout.px(6), line = std::max(1.5f, layout.px(2));
    draw->AddRectFilled(ImVec2(bar_slot.x, bar_slot.y), ImVec2(x1 + pad, bar_slot.bottom()), halo, pad);
    draw->AddLine(ImVec2(x0, y), ImVec2(x1, y), ink, line);
    draw->AddLine(ImVec2(x0, y - tick), ImVec2(x0, y), ink, line);
    draw->AddLine(ImVec2(x1, y - tick), ImVec2(x1, y), ink, line);
    draw->AddText(ImVec2(x0 + pad, bar_slot.y + pad / 2), ink, bar.label.c_str());
    layout.record(Slot::ScaleBar, "Scale bar", {bar_slot.x, bar_slot.y, x1 + pad - bar_slot.x, bar_slot.height});
  }
  // The full credit, or shorter ones where it would not fit (phones): map/credits.h.
  const Rect slot = layout.place(Slot::Attribution);
  std::vector<Credit> all{base_credit()};
  all.insert(all.end(), credits.begin(), credits.end());
  const std::vector<std::string> lines = credit_lines(
      all, [&](const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x + 2 * pad <= slot.width; });
  float width = 0;
  for (const std::string& l : lines) width = std::max(width, ImGui::CalcTextSize(l.c_str()).x);
  const float line_height = ImGui::GetTextLineHeight();
  const float height = line_height * static_cast<float>(lines.size());
  const Rect box{std::max(slot.x, slot.right() - width - 2 * pad), slot.bottom() - height - pad,
                 std::min(slot.width, width + 2 * pad), height + pad};
  draw->PushClipRect(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), true);
  draw->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), halo, pad);
  for (std::size_t i = 0; i < lines.size(); ++i) {  // right-aligned, as a single line is
    const float w = ImGui::CalcTextSize(lines[i].c_str()).x;
    draw->AddText(ImVec2(box.right() - pad - w, box.y + pad / 2 + line_height * static_cast<float>(i)), ink,
                  lines[i].c_str());
  }
  draw->PopClipRect();
  layout.record(Slot::Attribution, "Attribution", box);
  return layout.set_credit_lines(static_cast<int>(lines.size()));
}

}  // namespace ccap::ui
