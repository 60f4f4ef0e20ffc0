#include "base/ui/layout.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

namespace ccap::ui {

namespace {
constexpr float kWelcomeWidth = 360, kAirWidth = 340, kLayersWidth = 300;  // design px
constexpr float kDockMin = 360, kDockMax = 560, kDockShare = 0.32f;
constexpr float kDockWideMax = 1100, kDockWideShare = 0.62f;
constexpr float kStrip = 30;         // a row of the scale bar and attribution
constexpr float kCreditWidth = 290;  // the short credit, "Natural Earth · GeoNames (CC BY 4.0)"
}  // namespace

void Layout::begin_frame(float width, float height, float scale, bool dock_open) {
  width_ = width;
  height_ = height;
  scale_ = scale;
  header_ = std::max(kTouchTarget * scale, ImGui::GetFrameHeight());
  if (!initialised_) {  // first frame: what starts folded
    initialised_ = true;
    set_folded(Slot::AirPanel, true);
    // Where the screen has under 600 design px of height (a kiosk, its UI scaled up for the
    // distance), the open card would hide a third of the map: it starts folded, a tap opens it.
    set_folded(Slot::WelcomeCard, phone() || height / scale < 600);
    // The legend would cover the Pacific where the screen has under 800 design px of height (a
    // kiosk's UI is scaled up for the distance: 1080 px at scale 2.1 is 508).
    set_folded(Slot::LayersPanel, phone() || height / scale < 800);
  }
  wide_dock_ = std::exchange(wide_dock_next_, false);
  last_frame_ = std::move(windows_);
  windows_.clear();
  links_.clear();
  // The detail panel opens: the legend folds, so that what was chosen is not hidden behind it.
  if (dock_open && !dock_open_) set_folded(Slot::LayersPanel, true);
  dock_open_ = dock_open;
  compute(dock_open);
}

float Layout::sheet_height(Sheet s) const {
  switch (s) {
    case Sheet::Peek: return std::min(height_ * 0.5f, header_ + px(72));
    case Sheet::Half: return std::round(height_ * 0.5f);
    case Sheet::Full: return height_ - px(56);
  }
  return height_ * 0.5f;
}

void Layout::release_sheet() {
  const float now = sheet_height(sheet_) - sheet_drag_;
  Sheet best = Sheet::Half;
  for (Sheet s : {Sheet::Peek, Sheet::Half, Sheet::Full})
    if (std::abs(sheet_height(s) - now) < std::abs(sheet_height(best) - now)) best = s;
  set_sheet(best);
}

Rect Layout::clear_map_area() const {
  Rect r = map_area_;
  const float strip = std::min(place(Slot::Attribution).y, place(Slot::ScaleBar).y);
  r.height = std::max(0.0f, std::min(r.bottom(), strip) - r.y);
  return r;
}

bool Layout::set_credit_lines(int lines) {
  lines = std::clamp(lines, 1, 4);
  return std::exchange(credit_lines_, lines) != lines;
}

void Layout::report_content(Slot slot, float width, float height) {
  content_width_[index(slot)] = width;
  content_height_[index(slot)] = height;
}

void Layout::compute(bool dock_open) {
  const float m = px(kMargin), gap = px(8), W = width_, H = height_;
  const auto content = [&](Slot s, float fallback) {
    return content_height_[index(s)] > 0 ? content_height_[index(s)] : fallback;
  };

  // The dock, and the map area it leaves.
  Rect& dock = places_[index(Slot::Dock)];
  if (!phone()) {
    const float share = wide_dock_ ? kDockWideShare : kDockShare, most = px(wide_dock_ ? kDockWideMax : kDockMax);
    const float w = std::clamp(W * share, std::min(px(kDockMin), W - 2 * m), std::max(most, px(kDockMin)));
    dock = {W - m - w, m, w, std::max(0.0f, H - 2 * m)};
    map_area_ = dock_open ? Rect{0, 0, std::max(0.0f, dock.x - m), H} : Rect{0, 0, W, H};
  } else {
    const float h = std::round(std::clamp(sheet_height(sheet_) - sheet_drag_, header_, H - px(56)));
    dock = {0, H - h, W, h};
    map_area_ = dock_open ? Rect{0, 0, W, dock.y} : Rect{0, 0, W, H};
  }
  const Rect& a = map_area_;

  // The bottom strip: the scale bar left, the attribution right; on a narrow map the attribution
  // takes a row of its own above the scale bar (the credit must be read whole). A sliver of map
  // (a phone's sheet at full height), with no room for two of the buttons above the strip, keeps
  // only the credit, in one row across it: the buttons and the scale bar come back with the map.
  const float row = px(kStrip), bar_w = px(140);
  const float pad = px(6), target = px(kTouchTarget), spacing = ImGui::GetStyle().ItemSpacing.y;
  const auto column_height = [&](int n) { return n * target + (n - 1) * spacing + 2 * pad; };
  const bool sliver = a.height < m + column_height(2) + gap + row;
  const bool two_rows = !sliver && a.width - 2 * m - bar_w - px(10) < px(kCreditWidth);
  // A credit of more lines (set_credit_lines) makes its row taller by a line each.
  const float credit_row = row + static_cast<float>(credit_lines_ - 1) * ImGui::GetTextLineHeight();
  const float strip_top = a.bottom() - (two_rows ? row + credit_row : std::max(row, credit_row));
  places_[index(Slot::ScaleBar)] =
      sliver ? Rect{a.x + m, a.bottom(), 0, 0} : Rect{a.x + m, a.bottom() - row, bar_w, row - px(4)};
  places_[index(Slot::Attribution)] =
      sliver || two_rows ? Rect{a.x + m, strip_top, std::max(0.0f, a.width - 2 * m), credit_row - px(4)}
                         : Rect{a.x + m + bar_w + px(10), strip_top, std::max(0.0f, a.width - 2 * m - bar_w - px(10)),
                                credit_row - px(4)};

  // The buttons, bottom-right: a column of four tap targets (plus padding), or two where four
  // do not fit, or none on a sliver.
  control_buttons_ = sliver ? 0 : column_height(4) <= strip_top - gap - (a.y + m) ? 4 : 2;
  const float cw = target + 2 * pad, ch = control_buttons_ ? column_height(control_buttons_) : 0;
  Rect& controls = places_[index(Slot::MapControls)];
  controls = sliver ? Rect{a.right() - m, a.y + m, 0, 0}
                    : Rect{a.right() - m - cw, std::max(a.y + m, strip_top - gap - ch), cw, ch};
  // Everything else keeps to the left of the buttons' column.
  const float column = std::max(0.0f, controls.x - gap - (a.x + m));
  Rect& welcome = places_[index(Slot::WelcomeCard)];
  Rect& badge = places_[index(Slot::Badge)];
  Rect& air = places_[index(Slot::AirPanel)];
  Rect& layers = places_[index(Slot::LayersPanel)];

  // Top: the badge, beside the welcome card or under it.
  const float badge_w =
      std::min(content_width_[index(Slot::Badge)] > 0 ? content_width_[index(Slot::Badge)] : px(260), column);
  const float badge_h = content(Slot::Badge, px(48));
  const bool sheet_open = phone() && dock_open;
  if (sheet_open) {  // the sheet is what the user looks at: the map keeps its buttons and the badge
    welcome = air = layers = Rect{a.x + m, a.y + m, 0, 0};
    badge = {a.x + m, a.y + m, badge_w, std::min(badge_h, std::max(0.0f, controls.y - gap - (a.y + m)))};
    return;
  }
  const float welcome_w = std::min(px(kWelcomeWidth), column);
  const Rect beside{std::max(a.x + m + welcome_w + gap, a.x + (a.width - badge_w) / 2), a.y + m, badge_w, badge_h};
  const bool badge_beside = beside.right() <= a.right() - m && !beside.overlaps(controls);

  // What the bottom panels need at the least: their headers, side by side or stacked.
  const float air_w = std::min(px(kAirWidth), column), layers_w = std::min(px(kLayersWidth), column);
  const bool side_by_side = air_w + gap + layers_w <= column;
  const float bottom = strip_top - gap;
  const float bottom_need = (side_by_side ? 1 : 2) * (header_ + gap);
  // The welcome card: its content, but never more than leaves the bottom panels their headers.
  const float welcome_room = bottom - bottom_need - (badge_beside ? 0 : badge_h + gap) - (a.y + m);
  const float welcome_natural = folded(Slot::WelcomeCard) ? header_ : content(Slot::WelcomeCard, header_);
  const float welcome_h = std::max(std::min(welcome_natural, std::min(a.height * 0.45f, welcome_room)),
                                   std::min(header_, std::max(0.0f, welcome_room)));
  welcome = {a.x + m, a.y + m, welcome_w, welcome_h};
  badge = badge_beside ? beside : Rect{a.x + m, welcome.bottom() + gap, badge_w, badge_h};
  const float top = std::max(welcome.bottom(), badge.bottom()) + gap;

  // Bottom: the air panel and the layers panel, side by side or stacked, above the strip.
  const float room = std::max(0.0f, bottom - top);
  const float air_natural = folded(Slot::AirPanel) ? header_ : content(Slot::AirPanel, header_);
  const float layers_natural = folded(Slot::LayersPanel) ? header_ : content(Slot::LayersPanel, header_);
  if (side_by_side) {
    const float ah = std::clamp(air_natural, std::min(header_, room), room);
    const float lh = std::clamp(layers_natural, std::min(header_, room), room);
    air = {a.x + m, bottom - ah, air_w, ah};
    layers = {controls.x - gap - layers_w, bottom - lh, layers_w, lh};
  } else {  // stacked on the left: layers at the bottom, air above it
    const float share = std::max(0.0f, room - gap);
    const float least = std::min(header_, share / 2);
    const float lh = std::max(std::min(layers_natural, folded(Slot::AirPanel) ? share - least : share / 2), least);
    const float ah = std::max(std::min(air_natural, share - lh), least);
    layers = {a.x + m, bottom - lh, column, lh};
    air = {a.x + m, layers.y - gap - ah, column, ah};
  }
}

void Layout::record(Slot slot, const char* name) {
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  windows_.push_back({slot, name, {pos.x, pos.y, size.x, size.y}});
}

void Layout::record(Slot slot, const char* name, const Rect& rect) { windows_.push_back({slot, name, rect}); }

void Layout::record_scroll(Slot slot, float scroll_y, float scroll_max_y) {
  for (auto it = windows_.rbegin(); it != windows_.rend(); ++it)
    if (it->slot == slot) {
      it->scroll_y = scroll_y;
      it->scroll_max_y = scroll_max_y;
      return;
    }
}

std::optional<Rect> Layout::rect(Slot slot) const {
  for (const Window& w : windows_)
    if (w.slot == slot) return w.rect;
  for (const Window& w : last_frame_)
    if (w.slot == slot) return w.rect;
  return std::nullopt;
}

nlohmann::json Layout::windows_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const Window& w : windows_) {
    out.push_back(
        {{"name", w.name}, {"x", w.rect.x}, {"y", w.rect.y}, {"width", w.rect.width}, {"height", w.rect.height}});
    if (w.scroll_y >= 0) {
      out.back()["scrollY"] = w.scroll_y;
      out.back()["scrollMaxY"] = w.scroll_max_y;
    }
  }
  return out;
}

std::vector<Rect> Layout::surfaces() const {
  std::vector<Rect> out;
  for (std::size_t i = 0; i < kSlotCount; ++i)
    if (places_[i].height > 0 && places_[i].width > 0 && (static_cast<Slot>(i) != Slot::Dock || dock_open_))
      out.push_back(places_[i]);
  if (const ImGuiContext* g = ImGui::GetCurrentContext())
    for (const ImGuiWindow* w : g->Windows)
      if ((w->WasActive || w->Active) && !w->Hidden && !w->IsFallbackWindow && !(w->Flags & ImGuiWindowFlags_Tooltip))
        out.push_back({w->Pos.x, w->Pos.y, w->Size.x, w->Size.y});
  return out;
}

nlohmann::json Layout::links_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const LinkButton& l : links_)
    out.push_back(
        {{"url", l.url}, {"x", l.rect.x}, {"y", l.rect.y}, {"width", l.rect.width}, {"height", l.rect.height}});
  return out;
}

bool drawn_last_frame(const ImGuiWindow& w) { return w.Active; }

bool panel_at(float x, float y) {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g) return false;
  for (const ImGuiWindow* w : g->Windows) {
    if (!drawn_last_frame(*w) || w->Hidden || (w->Flags & ImGuiWindowFlags_Tooltip) ||
        (w->Flags & ImGuiWindowFlags_NoInputs))
      continue;
    if (w->Rect().Contains(ImVec2(x, y))) return true;
  }
  return false;
}

bool wants_pointer() { return ImGui::GetIO().WantCaptureMouse; }
bool wants_text_input() { return ImGui::GetIO().WantTextInput; }
void release_focus() { ImGui::SetWindowFocus(nullptr); }

}  // namespace ccap::ui
