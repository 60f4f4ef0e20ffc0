#include "base/ui/panel.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <string>

namespace ccap::ui {

namespace {
constexpr ImGuiWindowFlags kPanelFlags =
    ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

// Draws `text` for the item just added, from `at` (screen px) within `width`, ending in "…" when it
// does not fit; then the whole shows as a tooltip while the item is hovered or held.
void ellipsis_for_item(const char* text, ImVec2 at, float width) {
  if (ImGui::CalcTextSize(text).x > width && (ImGui::IsItemHovered() || ImGui::IsItemActive()))
    ImGui::SetTooltip("%s", text);
  const ImVec2 end(at.x + width, at.y + ImGui::GetTextLineHeight());
  ImGui::RenderTextEllipsis(ImGui::GetWindowDrawList(), at, end, end.x, end.x, text, nullptr, nullptr);
}
}  // namespace

void text_ellipsis(const char* text, float width) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(width, ImGui::GetTextLineHeight()));
  ellipsis_for_item(text, p, width);
}

bool selectable_ellipsis(const std::string& text) {
  const float width = ImGui::GetContentRegionAvail().x, h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::PushID(text.c_str());
  const bool chosen = ImGui::Selectable("##item", false, ImGuiSelectableFlags_None, ImVec2(width, h));
  ellipsis_for_item(text.c_str(), p, width);
  ImGui::PopID();
  return chosen;
}

bool checkbox_ellipsis(const std::string& label, bool* on) {
  ImGui::PushID(label.c_str());
  bool changed = ImGui::Checkbox("##box", on);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  const float width = std::max(1.0f, ImGui::GetContentRegionAvail().x), h = ImGui::GetFrameHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  if (ImGui::InvisibleButton("##label", ImVec2(width, h))) {
    *on = !*on;
    changed = true;
  }
  ellipsis_for_item(label.c_str(), ImVec2(p.x, p.y + (h - ImGui::GetTextLineHeight()) / 2), width);
  ImGui::PopID();
  return changed;
}

bool link_button(Layout& layout, const char* label, const std::string& url) {
  ImGui::PushID(url.c_str());
  const bool pressed = ImGui::Button(layout.links_open() ? label : "Show the link as a QR code");
  ImGui::PopID();
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  layout.record_link(url, {a.x, a.y, b.x - a.x, b.y - a.y});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", url.c_str());
  return pressed;
}

PanelState begin_panel(Layout& layout, Slot slot, const char* title, const PanelOptions& options) {
  if (!layout.shown(slot)) return {};
  const Rect r = layout.place(slot);
  ImGui::SetNextWindowPos(ImVec2(r.x, r.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(r.width, r.height), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(1.0f);  // opaque: text never mixes with what is behind
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::Begin(title, nullptr, kPanelFlags);
  ImGui::PopStyleVar();
  const std::string full(title);
  const std::size_t id_at = full.find("###");
  const std::string shown = full.substr(0, id_at);
  layout.record(slot, id_at == std::string::npos ? title : full.c_str() + id_at + 3);

  PanelState state;
  state.shown = true;
  const ImGuiStyle& style = ImGui::GetStyle();
  const float h = layout.header_height(), pad = style.WindowPadding.x;
  const bool folded = options.foldable && layout.folded(slot);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  draw->AddRectFilled(p0, ImVec2(p0.x + r.width, p0.y + h), ImGui::GetColorU32(ImGuiCol_TitleBg), style.WindowRounding,
                      folded ? ImDrawFlags_RoundCornersAll : ImDrawFlags_RoundCornersTop);

  // Buttons on the right, a square tap target each; the rest of the header is one button.
  const float close_w = options.closable ? h : 0;
  const float back_w = options.back ? ImGui::CalcTextSize("< Back").x + 2 * pad : 0;
  const bool share = options.share && layout.can_share();
  const float share_w = share ? ImGui::CalcTextSize("Share").x + 2 * pad : 0;
  const float title_w = std::max(h, r.width - close_w - back_w - share_w);
  ImGui::PushID("header");
  const bool tapped = ImGui::InvisibleButton("##header", ImVec2(title_w, h));
  const bool dragged = ImGui::IsMouseDragPastThreshold(ImGuiMouseButton_Left);
  if (options.sheet && ImGui::IsItemActive() && dragged) layout.drag_sheet(ImGui::GetIO().MouseDelta.y);
  if (options.sheet && ImGui::IsItemDeactivated() && dragged) layout.release_sheet();
  if (tapped && !dragged) {
    if (options.foldable) layout.set_folded(slot, !folded);
    if (options.sheet)  // a tap: half <-> full (and a peek opens to half)
      layout.set_sheet(layout.sheet() == Layout::Sheet::Half ? Layout::Sheet::Full : Layout::Sheet::Half);
  }
  const bool hovered = ImGui::IsItemHovered();
  float x = p0.x + pad;
  const float text_y = p0.y + (h - ImGui::GetTextLineHeight()) / 2;
  if (options.foldable) {
    ImGui::RenderArrow(draw, ImVec2(x, text_y), ImGui::GetColorU32(ImGuiCol_Text),
                       folded ? ImGuiDir_Right : ImGuiDir_Down);
    x += ImGui::GetTextLineHeight() + style.ItemInnerSpacing.x;
  }
  const float text_end = p0.x + title_w - pad;
  ImGui::RenderTextEllipsis(draw, ImVec2(x, text_y), ImVec2(text_end, text_y + ImGui::GetTextLineHeight()), text_end,
                            text_end, shown.c_str(), nullptr, nullptr);
  if (hovered && ImGui::CalcTextSize(shown.c_str()).x > text_end - x) ImGui::SetTooltip("%s", shown.c_str());
  if (share) {
    ImGui::SameLine(0, 0);
    const ImVec2 at = ImGui::GetCursorScreenPos();
    if (ImGui::Button("Share", ImVec2(share_w, h))) layout.request_share_menu({at.x, at.y, share_w, h});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Share a link to this view, save it as a picture, or print it");
  }
  if (options.back) {
    ImGui::SameLine(0, 0);
    if (ImGui::Button("< Back", ImVec2(back_w, h))) state.went_back = true;
  }
  if (options.closable) {
    ImGui::SameLine(0, 0);
    if (ImGui::Button("\xC3\x97", ImVec2(close_w, h))) state.close = true;  // ×
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close (Esc)");
  }
  ImGui::PopID();

  state.body = !folded;
  if (state.body) {
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, style.WindowPadding);
    ImGui::BeginChild("body", ImVec2(0, 0), false, ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
  }
  return state;
}

PanelState begin_dock_panel(Layout& layout, DockStack& dock, const char* title) {
  PanelOptions options;
  options.closable = true;
  options.back = dock.size() > 1;
  options.share = true;
  options.sheet = layout.phone();
  const PanelState state = begin_panel(layout, Slot::Dock, title, options);
  if (state.close) dock.close();
  if (state.went_back) dock.back();
  return state;
}

void end_panel(Layout& layout, Slot slot, const PanelState& state) {
  if (!state.shown) return;
  if (state.body) {
    const float content = ImGui::GetCursorPosY() + ImGui::GetStyle().WindowPadding.y;
    layout.record_scroll(slot, ImGui::GetScrollY(), ImGui::GetScrollMaxY());
    ImGui::EndChild();
    layout.report_content(slot, layout.place(slot).width, layout.header_height() + content);
  }
  ImGui::End();
}

}  // namespace ccap::ui
