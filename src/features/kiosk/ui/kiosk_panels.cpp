#include "features/kiosk/ui/kiosk_panels.h"

#include <imgui.h>

#include <algorithm>

#include "base/ui/panel.h"
#include "base/ui/widgets.h"

namespace ccap::ui {

void qr_code(const QrMatrix& qr, float side) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(side, side));
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const int modules = qr.size + 2 * kQrQuietZone;
  // Whole device pixels per module keep the edges sharp for a phone's camera.
  const float scale = ImGui::GetIO().DisplayFramebufferScale.x > 0 ? ImGui::GetIO().DisplayFramebufferScale.x : 1;
  const float cell = std::max(1.0f, std::floor(side * scale / static_cast<float>(modules))) / scale;
  const float used = cell * static_cast<float>(modules);
  const ImVec2 o(std::round((p.x + (side - used) / 2) * scale) / scale,
                 std::round((p.y + (side - used) / 2) * scale) / scale);
  draw->AddRectFilled(p, ImVec2(p.x + side, p.y + side), IM_COL32_WHITE);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x) {
      if (!qr.at(x, y)) continue;
      const ImVec2 a(o.x + static_cast<float>(x + kQrQuietZone) * cell,
                     o.y + static_cast<float>(y + kQrQuietZone) * cell);
      draw->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
    }
}

namespace {

// The QR code as wide as the panel allows (at most `share` of the panel's height), then the
// address as text.
void qr_with_address(const QrMatrix* qr, const std::string& url, const Layout& layout) {
  if (qr) {
    const float side = std::min(ImGui::GetContentRegionAvail().x, std::max(layout.px(120), layout.height() * 0.3f));
    qr_code(*qr, side);
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", url.c_str());
  ImGui::PopStyleColor();
}

}  // namespace

void tour_caption(const TourStop& stop, std::size_t index, std::size_t count, const QrMatrix* qr, PanelContext& ctx) {
  const std::string title = "Tour " + std::to_string(index + 1) + " of " + std::to_string(count) + "###Tour";
  const PanelState panel = begin_dock_panel(ctx.layout, ctx.dock, title.c_str());
  if (panel.body) {
    ImGui::PushFont(ctx.fonts.heading);
    ImGui::TextWrapped("%s", stop.title.c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s", stop.detail.c_str());
    if (!stop.practice.empty()) {
      heading("One of their practices");
      ImGui::TextWrapped("%s", stop.practice.c_str());
    }
    if (!stop.source.url.empty()) {
      heading("Source (scan with your phone)");
      if (!stop.source.title.empty()) ImGui::TextWrapped("%s", stop.source.title.c_str());
      qr_with_address(qr, stop.source.url, ctx.layout);
    }
    ImGui::Spacing();
    ImGui::TextWrapped("Touch the map to explore it yourself.");
  }
  end_panel(ctx.layout, Slot::Dock, panel);
}

void link_card(const std::string& title, const std::string& url, const QrMatrix* qr, PanelContext& ctx) {
  const PanelState panel = begin_dock_panel(ctx.layout, ctx.dock, "Open on your phone###KioskLink");
  if (panel.body) {
    ImGui::TextWrapped("This screen does not open links. Scan the code with your phone's camera to read:");
    if (!title.empty()) {
      ImGui::PushFont(ctx.fonts.heading);
      ImGui::TextWrapped("%s", title.c_str());
      ImGui::PopFont();
    }
    qr_with_address(qr, url, ctx.layout);
  }
  end_panel(ctx.layout, Slot::Dock, panel);
}

std::optional<std::string> pin_pad(PinPad& pad, Layout& layout) {
  if (!pad.open) return std::nullopt;
  const float key = layout.px(kTouchTarget) * 1.2f, gap = layout.px(8);
  const float width = 3 * key + 2 * gap + 2 * ImGui::GetStyle().WindowPadding.x;
  ImGui::SetNextWindowPos(ImVec2(layout.width() / 2, layout.height() / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);
  std::optional<std::string> done;
  if (ImGui::Begin("Operator PIN", nullptr,
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize)) {
    ImGui::TextUnformatted("Leave kiosk mode");
    ImGui::TextUnformatted(pad.entered.empty() ? " " : std::string(pad.entered.size(), '*').c_str());
    if (!pad.message.empty()) ImGui::TextColored(kWarningInk, "%s", pad.message.c_str());
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(gap, gap));
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "Cancel", "0", "OK"};
    pad.keys.clear();
    for (int i = 0; i < 12; ++i) {
      if (i % 3) ImGui::SameLine();
      const bool pressed = ImGui::Button(keys[i], ImVec2(key, key));
      const ImVec2 a = ImGui::GetItemRectMin();
      pad.keys.emplace_back(keys[i], Rect{a.x, a.y, key, key});
      if (pressed) {
        const std::string k = keys[i];
        if (k == "Cancel") {
          pad = {};
        } else if (k == "OK") {
          done = pad.entered;
          pad.entered.clear();
        } else if (pad.entered.size() < 8) {
          pad.entered += k;
        }
      }
    }
    ImGui::PopStyleVar();
  }
  ImGui::End();
  return done;
}

}  // namespace ccap::ui
