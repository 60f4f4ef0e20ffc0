#pragma once
// The air-quality overlay's panels and map text (Dear ImGui): the air panel (what is shown, the
// time, the scale and its legend), the badge at the top of the map, the counts on clusters, the
// station panel, and the measured means in a city's panel. Free functions over the model.
#include <optional>
#include <string>

#include "features/air/model/air_overlay.h"
#include "features/air/model/dataset_picker.h"
#include "features/panel_context.h"

namespace ccap::ui {

// What the visitor asked of the datasets this frame: one to show, the demo set on or off.
struct AirWish {
  std::optional<std::string> dataset;  // its id
  std::optional<bool> demo;
};

// The air panel while its data is still on its way (the page fetches it after the map is drawn):
// how much has come, in bytes on the wire (total 0: not known yet).
void air_loading_panel(double loaded_bytes, double total_bytes, PanelContext& ctx);
// The air panel (its layout slot, folded at first); changes `settings` and returns whether it
// changed. `download`: the visitor asked for the stations in view as a table.
bool air_panel(const AirOverlay& air, AirSettings& settings, PanelContext& ctx, bool& download,
               const DatasetPicker& picker, AirWish& wish);
// The air panel while no dataset is shown: what the measured datasets are, each with its period
// and a Show button, and the demo switch. `loading`: a dataset's bytes so far and in all.
void datasets_panel(const DatasetPicker& picker, std::optional<std::pair<double, double>> loading, PanelContext& ctx,
                    AirWish& wish);
// Every dataset with its publisher, status and period, a Show button each, and the demo switch.
void dataset_list(const DatasetPicker& picker, PanelContext& ctx, AirWish& wish);
// What the colours show, in the badge slot at the top of the map, always visible while the
// overlay is drawn.
// `shown`: the dataset drawn (its caption says whose values, how sure, which period).
void air_badge(const AirOverlay& air, const AirDataset* shown, const std::string& age, Layout& layout);
// The station under the mouse: its name, who runs it, and its value now (or "synthetic").
void station_tooltip(const AirOverlay& air, std::optional<StationId> hover, std::optional<StationId> selected);
// Counts on the clusters, drawn on the background under the panels, except where a mark of a
// layer above covers them (the cluster is under that mark). Returns how many were drawn.
std::size_t cluster_counts(const AirMarkerLayer& markers, const ScreenMarks& above);
// The selected station's panel; emits SelectStation{} when it is closed.
void station_panel(const AirOverlay& air, const AirDataset* shown, StationId station, PanelContext& ctx);
// In a city's panel: what the city's stations measured over the shown dataset's period, with its
// coverage and caption; or that its dataset is on its way; or that the atlas has none for it.
void measured_means(const AirOverlay& air, const DatasetPicker& picker, const CityRef& city);

}  // namespace ccap::ui
