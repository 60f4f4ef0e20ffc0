#include "base/ui/pointer_router.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <iterator>

#include "base/ui/layout.h"

namespace ccap::ui {

namespace {

// The innermost window under (x, y) that can scroll vertically, in the topmost panel there.
ImGuiID scrollable_at(float x, float y) {
  const ImGuiContext& g = *ImGui::GetCurrentContext();
  const ImVec2 at(x, y);
  ImGuiWindow* root = nullptr;
  for (int i = g.Windows.Size - 1; i >= 0 && !root; --i) {
    ImGuiWindow* w = g.Windows[i];
    if (drawn_last_frame(*w) && !w->Hidden && !(w->Flags & ImGuiWindowFlags_ChildWindow) && w->Rect().Contains(at))
      root = w;
  }
  if (!root) return 0;
  ImGuiWindow* inner = root;
  int inner_depth = 0;
  for (ImGuiWindow* w : g.Windows) {
    if (!drawn_last_frame(*w) || w->RootWindow != root || !w->Rect().Contains(at)) continue;
    int depth = 0;
    for (ImGuiWindow* p = w; p->ParentWindow; p = p->ParentWindow) ++depth;
    if (depth > inner_depth) inner = w, inner_depth = depth;
  }
  for (ImGuiWindow* w = inner; w; w = w->ParentWindow)
    if (w->ScrollMax.y > 0) return w->ID;
  return 0;
}

// Scrolls window `id` by `dy` (content moves with the finger); false at either end.
bool scroll_by(ImGuiID id, float dy) {
  ImGuiWindow* w = ImGui::FindWindowByID(id);
  if (!w) return false;
  const float target = std::clamp(w->Scroll.y - dy, 0.0f, w->ScrollMax.y);
  const bool moved = target != w->Scroll.y;
  ImGui::SetScrollY(w, target);
  return moved;
}

}  // namespace

PointerRouter::Owner PointerRouter::down(const InputEvent& e) {
  const Owner owner = panel_at(e.x, e.y) ? Owner::Panel : Owner::Map;
  owners_.erase(std::remove_if(owners_.begin(), owners_.end(), [&](const auto& p) { return p.first == e.pointer_id; }),
                owners_.end());
  owners_.emplace_back(e.pointer_id, owner);
  touch_mode_ = e.is_touch;
  coast_.reset();  // a finger down stops a coasting panel
  if (e.is_touch && owner == Owner::Panel && !touch_) {
    Touch t;
    t.id = e.pointer_id;
    t.start_x = t.x = e.x;
    t.start_y = t.y = e.y;
    t.scroll_window = scrollable_at(e.x, e.y);
    touch_ = t;
  }
  return owner;
}

PointerRouter::Owner PointerRouter::move(const InputEvent& e) {
  const auto it = std::find_if(owners_.begin(), owners_.end(), [&](const auto& p) { return p.first == e.pointer_id; });
  if (e.is_touch) touch_mode_ = true;
  if (!e.is_touch && it == owners_.end()) touch_mode_ = false;  // a mouse moving on its own
  if (touch_ && touch_->id == e.pointer_id && !touch_->up) {
    Touch& t = *touch_;
    const float dx = e.x - t.start_x, dy = e.y - t.start_y;
    if (t.phase == Phase::Press && std::hypot(dx, dy) > kSlop)
      t.phase = std::abs(dy) >= std::abs(dx) && t.scroll_window ? Phase::Swipe : Phase::Slide;
    if (t.phase == Phase::Swipe) {
      t.pending_dy += e.y - t.y;
      t.samples.push_back({e.time, e.y});
      if (t.samples.size() > 16) t.samples.erase(t.samples.begin());
    }
    t.x = e.x;
    t.y = e.y;
  }
  return it == owners_.end() ? Owner::Map : it->second;
}

PointerRouter::Owner PointerRouter::up(const InputEvent& e) {
  const auto it = std::find_if(owners_.begin(), owners_.end(), [&](const auto& p) { return p.first == e.pointer_id; });
  const Owner owner = it == owners_.end() ? Owner::Map : it->second;
  if (it != owners_.end()) owners_.erase(it);
  if (touch_ && touch_->id == e.pointer_id) {
    touch_->up = true;
    touch_->x = e.x;
    touch_->y = e.y;
    // A swipe that was still moving when lifted coasts (not one that stopped before lifting): its
    // speed over the last 100 ms of moves (or the last two, when they came further apart).
    const auto& samples = touch_->samples;
    if (touch_->phase == Phase::Swipe && samples.size() >= 2 && e.time - samples.back().first <= 0.1) {
      auto first = std::next(samples.rbegin());
      for (auto s = first; s != samples.rend() && samples.back().first - s->first <= 0.1; ++s) first = s;
      const double dt = samples.back().first - first->first;
      const double velocity = dt > 1e-3 ? (samples.back().second - first->second) / dt : 0;
      if (std::abs(velocity) > kCoastStop) coast_ = Coast{touch_->scroll_window, velocity, -1};
    }
  }
  return owner;
}

void PointerRouter::before_imgui_frame(double now) {
  ImGuiIO& io = ImGui::GetIO();
  if (coast_) {
    Coast& c = *coast_;
    const double dt = c.last_time < 0 ? 1.0 / 60 : std::clamp(now - c.last_time, 0.0, 0.1);
    c.last_time = now;
    const bool moved = scroll_by(c.window, static_cast<float>(c.velocity * dt));
    c.velocity *= std::exp(-dt / kCoastTime);
    if (!moved || std::abs(c.velocity) < kCoastStop) coast_.reset();
  }
  if (!touch_mode_) return;  // the mouse: ImGui's backend has set it
  const ImVec2 away(-FLT_MAX, -FLT_MAX);
  if (!touch_) {  // no finger for ImGui: nothing hovered, nothing pressed
    io.MousePos = away;
    io.MouseDown[0] = false;
    return;
  }
  Touch& t = *touch_;
  if (t.phase == Phase::Swipe) {
    if (t.pending_dy != 0) scroll_by(t.scroll_window, t.pending_dy);
    t.pending_dy = 0;
    io.MousePos = away;  // the press is withdrawn: released away from what it was on, no click
    io.MouseDown[0] = false;
    if (t.up) touch_.reset();
    return;
  }
  io.MousePos = ImVec2(t.x, t.y);
  if (!t.press_shown) {  // the press, for one frame at least, even if the finger is already up
    io.MouseDown[0] = true;
    t.press_shown = true;
    return;
  }
  io.MouseDown[0] = !t.up;
  if (t.up) touch_.reset();  // released here: a click; next frame nothing is hovered
}

}  // namespace ccap::ui
