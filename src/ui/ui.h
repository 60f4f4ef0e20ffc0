#pragma once
// The UI layer: Dear ImGui panels over the map. Owns the ImGui renderer backend (GLES3); the
// platform layer owns the ImGui context and the platform backend (SDL2), as in ImGui's examples.
#include <string>

#include <optional>

#include <glm/vec2.hpp>

#include "features/air/model/air_overlay.h"
#include "base/app_state.h"
#include "features/knowledge/model/knowledge.h"
#include "features/knowledge/model/knowledge_search.h"
#include "features/knowledge/model/peer_finder.h"
#include "features/partnership/model/partnership.h"
#include "features/partnership/model/partnership_layers.h"
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
  const Knowledge* knowledge = nullptr;  // the Knowledge Platform's content, or null
  const KnowledgeSearch* search = nullptr;
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
  std::optional<std::vector<std::size_t>> highlight;  // cities to mark on the map (empty: none)
  // Candidate twinning arcs of the peer finder: (your city, peer) pairs (empty: none).
  std::optional<std::vector<std::pair<std::size_t, std::size_t>>> candidates;
};

// The Knowledge Platform panel's own state: what is typed and chosen, kept between frames.
struct KnowledgeUiState {
  bool open = false, focus_search = false;
  bool awaiting_focus = false;  // "/" pressed, the search box not active yet: keep what is typed
  std::string pending;           // ... here, until the box takes it
  std::string query;
  KnowledgeQuery last;  // what `results` answer
  KnowledgeResults results;
  bool searched = false;
  std::optional<EntryRef> selected;
  // Find a peer: a partner city (peer_city >= 0) or a described one.
  int peer_city = -1;
  bool describe = false;
  CityProfile described;
  std::vector<PeerMatch> peers;
  bool peers_dirty = true, show_candidates = true;
  std::size_t peers_for = static_cast<std::size_t>(-1);
  int compare[3] = {-1, -1, -1};  // city indices
  int select_tab = -1;            // 0 search, 1 find a peer, 2 compare: brought to the front once
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
  const KnowledgeUiState& knowledge() const { return knowledge_; }
  // Opens the Knowledge Platform panel with `text` in its search box (the test API and links).
  void search_knowledge(const std::string& text);
  // Opens "Find a peer" for a partner city (the test API and the city panel).
  void find_peers(std::size_t city);
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
  void knowledge_panel(AppState& state, const UiModel& model, UiActions& actions);
  void knowledge_search_tab(AppState& state, const UiModel& model, UiActions& actions);
  void knowledge_entry(const UiModel& model, UiActions& actions);
  void peer_tab(const UiModel& model, UiActions& actions);
  void compare_tab(const UiModel& model, UiActions& actions);
  void city_knowledge(const UiModel& model, std::size_t city, UiActions& actions);
  void measured_means(const UiModel& model, std::size_t city);
  int city_labels(const UiModel& model);
  void city_tooltip(const UiModel& model);
  void scale_bar_and_attribution(const AppState& state);
  void record_window(AppState& state, const char* name);

  std::string data_dir_;
  Fonts fonts_;
  float air_panel_content_height_ = 0;  // last frame's, to size the panel to its content
  KnowledgeUiState knowledge_;
  bool initialised_ = false;
};

}  // namespace ccap::ui
