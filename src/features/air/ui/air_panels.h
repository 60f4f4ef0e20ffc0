#pragma once
// The air-quality overlay's panels and map text (Dear ImGui): the air panel (what is shown, the
// time, the scale and its legend), the badge at the top of the map, the counts on clusters, the
// station panel, and the measured means in a city's panel. Free functions over the model.
#include "features/air/model/air_overlay.h"
#include "features/panel_context.h"

namespace ccap::ui {

// The air panel while its data is still on its way (the page fetches it after the map is drawn):
// how much has come, in bytes on the wire (total 0: not known yet).
void air_loading_panel(double loaded_bytes, double total_bytes, PanelContext& ctx);
// The air panel (its layout slot, folded at first); changes `settings` and returns whether it
// changed. `download`: the visitor asked for the stations in view as a table.
bool air_panel(const AirOverlay& air, AirSettings& settings, PanelContext& ctx, bool& download);
// What the colours show, in the badge slot at the top of the map, always visible while the
// overlay is drawn.
void air_badge(const AirOverlay& air, Layout& layout);
// The station under the mouse: its name, who runs it, and its value now (or "synthetic").
void station_tooltip(const AirOverlay& air, std::optional<StationId> hover, std::optional<StationId> selected);
// Counts on the clusters, drawn on the background under the panels, except where a mark of a
// layer above covers them (the cluster is under that mark). Returns how many were drawn.
std::size_t cluster_counts(const AirMarkerLayer& markers, const ScreenMarks& above);
// The selected station's panel; emits SelectStation{} when it is closed.
void station_panel(const AirOverlay& air, StationId station, PanelContext& ctx);
// In a city's panel: annual means measured by the city's loaded stations.
void measured_means(const AirOverlay& air, const CityRef& city);

}  // namespace ccap::ui
