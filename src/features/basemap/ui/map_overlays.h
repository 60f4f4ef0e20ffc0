#pragma once
// What sits on the map itself (Dear ImGui): the zoom and Home buttons, the scale bar and the
// data's credit.
#include <string>
#include <vector>

#include "base/ui/layout.h"
#include "features/commands.h"
#include "map/credits.h"

namespace ccap::ui {

// Zoom in / out / Home, thumb-sized for touch screens, at the bottom-right.
void map_controls(Layout& layout, Commands& commands);
// A scale bar at the bottom-left and the data's credit at the bottom-right, on the background.
// `credits`: of the other data drawn (the air overlay's dataset, the city tiles), after the
// basemap's; shortened, and on more lines, where one line does not fit (map/credits.h). Returns
// whether the credit's lines changed: the layout makes room from the next frame, which must come.
bool scale_bar_and_attribution(double meters_per_pixel, Layout& layout, const std::vector<Credit>& credits = {});

}  // namespace ccap::ui
