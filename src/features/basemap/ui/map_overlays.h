#pragma once
// What sits on the map itself (Dear ImGui): the zoom and Home buttons, the scale bar and the
// data's credit.
#include "base/ui/layout.h"
#include "features/commands.h"

namespace ccap::ui {

// Zoom in / out / Home, thumb-sized for touch screens, at the bottom-right.
void map_controls(Layout& layout, Commands& commands);
// A scale bar at the bottom-left and the data's credit at the bottom-right, on the background.
void scale_bar_and_attribution(double meters_per_pixel, Layout& layout);

}  // namespace ccap::ui
