#include "base/ui/layout.h"

#include <imgui.h>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace ccap::ui {

void Layout::begin_frame(float width, float height) {
  width_ = width;
  height_ = height;
  last_frame_ = std::move(windows_);
  windows_.clear();
}

void Layout::record(Slot slot, const char* name) {
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  windows_.push_back({slot, name, {pos.x, pos.y, size.x, size.y}});
}

std::optional<Rect> Layout::rect(Slot slot) const {
  for (const Window& w : windows_)
    if (w.slot == slot) return w.rect;
  for (const Window& w : last_frame_)
    if (w.slot == slot) return w.rect;
  return std::nullopt;
}

void Layout::place_detail_panel(float max_height) const {
  const float width = std::min(380.0f, width_ - 2 * kMargin);
  float bottom = height_ - kMargin;
  if (const auto layers = rect(Slot::LayersPanel);
      layers && layers->right() > width_ - width - kMargin && layers->y > 200)
    bottom = layers->y - 8;
  ImGui::SetNextWindowPos(ImVec2(width_ - kMargin, kMargin), ImGuiCond_Appearing, ImVec2(1, 0));
  ImGui::SetNextWindowSize(ImVec2(width, std::clamp(bottom - kMargin, 200.0f, std::max(200.0f, max_height))),
                           ImGuiCond_Appearing);
}

nlohmann::json Layout::windows_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const Window& w : windows_)
    out.push_back(
        {{"name", w.name}, {"x", w.rect.x}, {"y", w.rect.y}, {"width", w.rect.width}, {"height", w.rect.height}});
  return out;
}

bool wants_pointer() { return ImGui::GetIO().WantCaptureMouse; }
bool wants_keyboard() { return ImGui::GetIO().WantCaptureKeyboard; }
bool wants_text_input() { return ImGui::GetIO().WantTextInput; }

}  // namespace ccap::ui
