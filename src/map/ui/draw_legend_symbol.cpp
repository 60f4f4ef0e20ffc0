#include "map/ui/draw_legend_symbol.h"

#include <algorithm>

#include "base/ui/widgets.h"

namespace ccap {

namespace {
ImU32 to_imgui(Rgba8 c) { return IM_COL32(c.r, c.g, c.b, c.a); }
}  // namespace

void draw_legend_symbol(ImDrawList& draw, ImVec2 c, float radius, const LegendSymbol& s, float stroke) {
  const ImU32 fill = to_imgui(s.fill);
  if (s.line) {
    draw.AddLine(ImVec2(c.x - radius, c.y), ImVec2(c.x + radius, c.y), fill, std::max(2.0f, stroke * 2.5f));
    return;
  }
  if (s.value_ring) {  // a neutral square ringed in the value's colour
    const float r = radius * kMarkerSquareReach, band = std::max(3.0f, r * 0.34f), mid = r - band / 2;
    draw.AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), to_imgui(kMarkerNeutralFill));
    draw.AddRect(ImVec2(c.x - mid, c.y - mid), ImVec2(c.x + mid, c.y + mid), fill, 0, 0, band);
    draw.AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), ui::kPanelInk, 0, 0, stroke);
  } else if (s.shape == MarkerShape::Diamond) {
    const float d = radius * kMarkerDiamondReach;
    const ImVec2 top(c.x, c.y - d), right(c.x + d, c.y), bottom(c.x, c.y + d), left(c.x - d, c.y);
    draw.AddQuadFilled(top, right, bottom, left, fill);
    draw.AddQuad(top, right, bottom, left, ui::kPanelInk, stroke);
  } else if (s.shape == MarkerShape::Square) {
    const float r = radius * kMarkerSquareReach;
    draw.AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), fill);
    draw.AddRect(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), ui::kPanelInk, 0, 0, stroke);
  } else {
    draw.AddCircleFilled(c, radius, fill, 24);
    draw.AddCircle(c, radius, ui::kPanelInk, 24, stroke);
  }
  if (s.ring) draw.AddCircle(c, radius * 0.55f, IM_COL32_WHITE, 24, std::max(1.5f, radius * 0.24f));
  if (s.count) {
    const ImVec2 t = ImGui::CalcTextSize(s.count);
    draw.AddText(ImVec2(c.x - t.x / 2, c.y - t.y / 2), s.value_ring ? ui::kPanelInk : IM_COL32_WHITE, s.count);
  }
}

void legend_symbol_item(const LegendSymbol& s, float box, float radius, float stroke) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  draw_legend_symbol(*ImGui::GetWindowDrawList(), ImVec2(p.x + box / 2, p.y + box / 2), radius, s, stroke);
  ImGui::Dummy(ImVec2(box, box));
}

}  // namespace ccap
