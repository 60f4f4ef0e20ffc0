#pragma once
// Small text widgets the panels share, in the app's own style.
#include <string>

namespace ccap::ui {

// A section heading inside a panel (the app's teal), with a little space above.
void heading(const char* text);
// Wrapped text in the muted colour.
void disabled_wrapped(const std::string& text);
// A bullet whose text wraps (ImGui's BulletText does not).
void bullet_wrapped(const std::string& text);

}  // namespace ccap::ui
