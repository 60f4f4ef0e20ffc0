#pragma once
// What sits on the map itself (Dear ImGui): the zoom and Home buttons, the scale bar and the
// data's credit.
#include <string>
#include <vector>

#include "base/ui/layout.h"
#include "features/commands.h"

namespace ccap::ui {

// Zoom in / out / Home, thumb-sized for touch screens, at the bottom-right.
void map_controls(Layout& layout, Commands& commands);
// A scale bar at the bottom-left and the data's credit at the bottom-right, on the background.
// `credits`: of the other data drawn (the air overlay's dataset), after the basemap's; where the
// whole line does not fit, the basemap's short credit, and theirs where they still fit.
void scale_bar_and_attribution(double meters_per_pixel, Layout& layout, const std::vector<std::string>& credits = {});

}  // namespace ccap::ui
