#pragma once
// Small text widgets the panels share, in the app's own style.
#include <string>

#include <imgui.h>

namespace ccap::ui {

// A section heading inside a panel (the app's teal), with a little space above.
void heading(const char* text);
// Wrapped text in the muted colour.
void disabled_wrapped(const std::string& text);
// A bullet whose text wraps (ImGui's BulletText does not).
void bullet_wrapped(const std::string& text);

// The app's shared colours for text (ImGui's own colours are set by the theme).
inline const ImVec4 kHeadingInk(0.16f, 0.40f, 0.52f, 1);  // section headings: teal
inline const ImVec4 kWarningInk(0.62f, 0.22f, 0.0f, 1);   // "synthetic demo data"
inline const ImVec4 kErrorInk(0.70f, 0.10f, 0.10f, 1);    // notices
inline const ImVec4 kNoticeWarningInk(0.60f, 0.38f, 0.00f, 1);
inline const ImVec4 kInfoInk(0.20f, 0.30f, 0.40f, 1);
inline constexpr ImU32 kPanelInk = IM_COL32(31, 38, 46, 255);    // the panels' text (theme.cpp), outlines
inline constexpr ImU32 kMapInk = IM_COL32(60, 72, 84, 255);      // text drawn on the map
inline constexpr ImU32 kMapHalo = IM_COL32(255, 255, 255, 200);  // behind it

}  // namespace ccap::ui
