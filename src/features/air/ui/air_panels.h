#pragma once
// The air-quality overlay's panels and map text (Dear ImGui): the air panel (what is shown, the
// time, the scale and its legend), the badge at the top of the map, the counts on clusters, the
// station panel, and the measured means in a city's panel. Free functions over the model.
#include <optional>
#include <string>

#include "features/air/import/csv_import.h"
#include "features/air/import/data_import.h"
#include "features/air/model/air_overlay.h"
#include "features/air/model/dataset_picker.h"
#include "features/panel_context.h"

namespace ccap::ui {

// What the visitor asked of their own data this frame (issue 29).
struct OwnDataWish {
  bool open = false;         // "Open data…": the page's file picker
  bool cancel = false;       // the import running
  bool remove = false;       // back to the built-in data
  bool report = false;       // the last import's report, again
  std::optional<bool> join;  // join the built-in set (true) or replace it
  bool export_series = false, export_csv = false;
  // Columns chosen for a file whose header did not say (the mapping dialog): read the files again.
  std::optional<std::pair<std::string, airquality::CsvFormat>> columns;  // (file name, format)
};

// What the visitor asked of the datasets this frame: one to show, the demo set on or off.
struct AirWish {
  std::optional<std::string> dataset;  // its id
  std::optional<bool> demo;
  OwnDataWish own;
};

// Someone's own data as the panels show it: an import running (its counts), the last import's
// outcome, and whether its data is on the map, joined to the built-in set or instead of it.
struct OwnDataView {
  bool allowed = true;  // not on a kiosk
  bool importing = false;
  std::string file;  // being read
  std::size_t file_index = 0, files = 0;
  std::uint64_t bytes = 0, total = 0;  // read, announced (all files)
  std::size_t accepted = 0, rejected = 0;
  const airquality::ImportOutcome* outcome = nullptr;  // the last import's
  const AirDataset* shown = nullptr;                   // your data on the map (its description)
  bool join = false;
  const AirDataset* joinable = nullptr;  // the built-in set it would join (none: replace only)
};

// The air panel while its data is still on its way (the page fetches it after the map is drawn):
// how much has come, in bytes on the wire (total 0: not known yet).
void air_loading_panel(double loaded_bytes, double total_bytes, PanelContext& ctx);
// The air panel (its layout slot, folded at first); changes `settings` and returns whether it
// changed. `download`: the visitor asked for the stations in view as a table.
bool air_panel(const AirOverlay& air, AirSettings& settings, PanelContext& ctx, bool& download,
               const DatasetPicker& picker, const OwnDataView& own, AirWish& wish);
// The air panel while no dataset is shown: what the measured datasets are, each with its period
// and a Show button, and the demo switch. `loading`: a dataset's bytes so far and in all.
void datasets_panel(const DatasetPicker& picker, std::optional<std::pair<double, double>> loading,
                    const OwnDataView& own, PanelContext& ctx, AirWish& wish);
// Every dataset with its publisher, status and period, a Show button each, and the demo switch;
// then your own data (own_data_section).
void dataset_list(const DatasetPicker& picker, const OwnDataView& own, PanelContext& ctx, AirWish& wish);
// "Your data": Open data… (or the import's progress and Cancel); when it is on the map, join or
// replace, the report, export, Remove; and that nothing leaves the device.
void own_data_section(const OwnDataView& own, PanelContext& ctx, AirWish& wish);
// The import's page in the dock: while it runs, its progress (bytes, readings, rejects) and
// Cancel; then the report of every file (rows, readings by pollutant, rejects by reason with the
// first examples, stations, period), the stations matched to partner cities, and for a CSV whose
// columns could not be told, a choice of its columns.
void import_page(const OwnDataView& own, PanelContext& ctx, AirWish& wish);
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
