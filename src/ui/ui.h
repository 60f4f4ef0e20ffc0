#pragma once
// The UI layer: Dear ImGui panels over the map. Owns the ImGui renderer backend (GLES3); the
// platform layer owns the ImGui context and the platform backend (SDL2), as in ImGui's examples.
#include <string>

#include <optional>

#include <glm/vec2.hpp>

#include "core/air_overlay.h"
#include "core/app_state.h"
#include "core/partnership.h"
#include "core/partnership_layers.h"
#include "ui/fonts.h"

namespace ccap::ui {

// A city that may get a label this frame (on screen, shown by the filters).
struct CityLabel {
  std::size_t city = 0;
  glm::dvec2 anchor;  // marker centre, logical px
  float radius = 4;
  double priority = 0;
};

// What the panels show: the app's state, read-only.
struct UiModel {
  const Partnership* partnership = nullptr;
  const LayerSettings* layers = nullptr;
  long selected = -1, hover = -1;  // city indices, -1: none
  std::vector<CityLabel> labels;
  const AirOverlay* air = nullptr;              // loaded air-quality data, or null
  const AirMarkerLayer* air_markers = nullptr;  // stations and clusters drawn this frame
  long selected_station = -1;
};

// What the user asked for through the panels this frame; the app carries it out.
struct UiActions {
  double zoom_delta = 0;
  bool go_home = false;
  std::optional<long> select;               // a city index, or -1 to close the city panel
  std::optional<std::size_t> fly_to_city;
  std::optional<LayerSettings> layers;      // changed layer settings
  std::string open_url;                     // a source link to open (in a new tab)
  std::optional<AirSettings> air;           // changed air-quality settings
  std::optional<long> select_station;       // a station index, or -1 to close the station panel
  std::optional<std::size_t> fly_to_station;
};

class Ui {
 public:
  explicit Ui(std::string data_dir);
  bool init();  // GL context must be current
  void shutdown();

  // Starts an ImGui frame (fonts follow the pixel ratio) and builds every panel. Records the
  // panels' rectangles and notices into `state`.
  UiActions build(AppState& state, const UiModel& model);
  // Draws what build() laid out, over whatever the map drew.
  void render();

  bool wants_pointer() const;
  bool wants_keyboard() const;

 private:
  void welcome_panel(AppState& state);
  void map_controls(AppState& state, UiActions& actions);
  void city_panel(AppState& state, const UiModel& model, UiActions& actions);
  void layers_panel(AppState& state, const UiModel& model, UiActions& actions);
  void air_panel(AppState& state, const AirOverlay& air, UiActions& actions);
  void station_panel(AppState& state, const UiModel& model, UiActions& actions);
  void cluster_counts(const UiModel& model);
  void air_badge(const AirOverlay& air);
  void measured_means(const UiModel& model, std::size_t city);
  int city_labels(const UiModel& model);
  void city_tooltip(const UiModel& model);
  void scale_bar_and_attribution(const AppState& state);
  void record_window(AppState& state, const char* name);

  std::string data_dir_;
  Fonts fonts_;
  float air_panel_content_height_ = 0;  // last frame's, to size the panel to its content
  bool initialised_ = false;
};

}  // namespace ccap::ui
