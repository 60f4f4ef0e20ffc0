#pragma once
// Draws a legend's symbol (map/legend_symbol.h) with Dear ImGui: one drawing for every legend.
#include <imgui.h>

#include "map/legend_symbol.h"

namespace ccap {

// `s` centred on `centre`, `radius` px, outlined `stroke` px wide in the panels' ink.
void draw_legend_symbol(ImDrawList& draw, ImVec2 centre, float radius, const LegendSymbol& s, float stroke);

// `s` as an ImGui item `box` px square at the cursor (then SameLine for its label).
void legend_symbol_item(const LegendSymbol& s, float box, float radius, float stroke);

}  // namespace ccap
