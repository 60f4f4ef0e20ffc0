#pragma once
namespace ccap::ui {
// A light, calm ImGui style that matches the map's palette.
void apply_light_theme();
}  // namespace ccap::ui
