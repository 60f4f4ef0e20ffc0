#pragma once
// Small text widgets the panels share, in the app's own style.
#include <string>

#include "base/app_state.h"

namespace ccap::ui {

// A section heading inside a panel (the app's teal), with a little space above.
void heading(const char* text);
// Wrapped text in the muted colour.
void disabled_wrapped(const std::string& text);
// A bullet whose text wraps (ImGui's BulletText does not).
void bullet_wrapped(const std::string& text);

// Places the next window as a detail panel: top-right, 380 px wide (less on a phone), reaching
// down to just above the layers panel when that sits below it (from `state`'s window rectangles),
// at most `max_height` tall. Applies when the window appears; the user may move it after.
void place_detail_panel(const AppState& state, float max_height = 1e9f);

}  // namespace ccap::ui
