#include "features/share/ui/share_panels.h"

#include <imgui.h>

#include <algorithm>

#include "base/ui/widgets.h"
#include "map/ui/draw_legend_symbol.h"

namespace ccap::ui {

namespace {
constexpr ImU32 kNote = IM_COL32(74, 84, 94, 255);     // 7.9:1 on white
constexpr ImU32 kWarning = IM_COL32(158, 56, 0, 255);  // the badge's synthetic-data ink, 6.6:1 on white
}  // namespace

std::optional<Rect> share_menu(const Rect& anchor, bool opening, bool web_share, Layout& layout, Commands& commands) {
  constexpr const char* kId = "Share menu";
  if (opening) ImGui::OpenPopup(kId);  // only then: a tap outside closes it for good
  const float width = layout.px(220);
  // Under the button, inside the screen.
  const float x =
      std::clamp(anchor.right() - width, layout.px(4), std::max(layout.px(4), layout.width() - width - layout.px(4)));
  ImGui::SetNextWindowPos(ImVec2(x, anchor.bottom()), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  if (!ImGui::BeginPopup(kId)) return std::nullopt;
  const Rect drawn{ImGui::GetWindowPos().x, ImGui::GetWindowPos().y, width, ImGui::GetWindowSize().y};
  const ImVec2 item(-1, layout.px(kTouchTarget));
  bool open = true;
  if (ImGui::Button(web_share ? "Share link…" : "Copy link", item)) commands.push_back(ShareLink{}), open = false;
  if (ImGui::Button("Save image (PNG)", item)) commands.push_back(SavePicture{}), open = false;
  if (ImGui::Button("Print", item)) commands.push_back(SavePicture{true}), open = false;
  ImGui::TextDisabled("The link opens this view: the map,");
  ImGui::TextDisabled("what is selected, filters and time.");
  if (!open) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  if (!open) return std::nullopt;
  return drawn;
}

void share_toast(const std::string& text, Layout& layout) {
  const Rect area = layout.map_area();
  const float pad = layout.px(12);
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 p0(area.x + (area.width - size.x) / 2 - pad, area.y + layout.px(72));
  const ImVec2 p1(p0.x + size.x + 2 * pad, p0.y + size.y + pad);
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(p0, p1, IM_COL32(31, 38, 46, 240), layout.px(6));
  draw->AddText(ImVec2(p0.x + pad, p0.y + pad / 2), IM_COL32(255, 255, 255, 255), text.c_str());
}

CardLayout picture_card(const PictureCard& card, float width, const Layout& layout, const FontSet& fonts,
                        ImDrawList* draw) {
  const float pad = layout.px(16), gap = layout.px(4), mark = layout.px(14), mark_gap = layout.px(8);
  const float wrap = std::max(layout.px(80), width - 2 * pad);
  ImFont* heading = fonts.heading ? fonts.heading : ImGui::GetFont();
  ImFont* body = fonts.body ? fonts.body : ImGui::GetFont();
  const float scale = ImGui::GetIO().FontGlobalScale;
  const float heading_size = heading->FontSize * scale, body_size = body->FontSize * scale;

  struct Row {
    ImFont* font;
    float size;
    ImU32 ink;
    const LegendLine* mark;
    const std::string* text;
    float space_before;
  };
  std::vector<Row> rows;
  rows.push_back({heading, heading_size, kPanelInk, nullptr, &card.title, 0});
  rows.push_back({body, body_size, kNote, nullptr, &card.subtitle, 0});
  for (const LegendLine& l : card.legend) {
    using K = LegendLine::Kind;
    const bool marked = l.kind == K::Symbol;
    rows.push_back({l.kind == K::Heading ? heading : body, l.kind == K::Heading ? heading_size : body_size,
                    l.kind == K::Warning ? kWarning
                    : l.kind == K::Note  ? kNote
                                         : kPanelInk,
                    marked ? &l : nullptr, &l.text, l.kind == K::Heading ? layout.px(10) : 0.0f});
  }
  CardLayout out;
  float y = pad;
  for (const Row& r : rows) {
    y += r.space_before;
    const float indent = r.mark ? mark + mark_gap : 0;
    const ImVec2 extent = r.font->CalcTextSizeA(r.size, FLT_MAX, wrap - indent, r.text->c_str());
    const float row_h = std::max(extent.y, r.mark ? mark : 0.0f);
    const float x = pad;
    if (r.mark) {
      out.symbols.push_back(
          {ImVec2(x + mark / 2, y + row_h / 2), mark * 0.45f, static_cast<std::size_t>(r.mark - card.legend.data())});
      if (draw)
        draw_legend_symbol(*draw, out.symbols.back().centre, out.symbols.back().radius, r.mark->symbol, layout.px(1));
    }
    if (draw)
      draw->AddText(r.font, r.size, ImVec2(x + indent, y + (row_h - extent.y) / 2), r.ink, r.text->c_str(), nullptr,
                    wrap - indent);
    y += row_h + gap;
  }
  out.size = ImVec2(width, y - gap + pad);
  return out;
}

}  // namespace ccap::ui
