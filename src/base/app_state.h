#pragma once
// A snapshot of what the app is showing, for the test API and for diagnostics. Plain data: the
// layers above fill it in each frame; to_json() is what `ccap_state_json()` returns to the browser.
#include <cstdint>
#include <string>
#include <vector>

#include "base/color.h"
#include "base/frame_info.h"
#include "base/pixel_probe.h"

namespace ccap {

struct UiWindowRect {  // an ImGui window on screen, logical px
  std::string name;
  float x = 0, y = 0, width = 0, height = 0;
};

struct Notice {  // something the user is told: a load failure, a warning
  enum class Level { Info, Warning, Error };
  Level level = Level::Info;
  std::string text;
};

struct MapStatus {
  double center_lng = 0, center_lat = 0, zoom = 0;
  double meters_per_pixel = 0;
  bool basemap_loaded = false;
  int basemap_levels = 0;
  bool moving = false;   // a flight, zoom ease, inertia or a finger down
  int gestures = 0;      // drags and pinches completed
};

struct SelectionStatus {
  std::string city;                   // id; empty: none
  std::string name;
  std::vector<std::string> partners;  // ids of its C3 partners
  std::string hover;                  // id of the city under the pointer; empty: none
};

struct LayerStatus {
  bool partnership_loaded = false;
  int cities = 0, pairs = 0;  // in the content
  int markers = 0, arc_segments = 0;  // drawn with the current filters
  bool cities_on = true, arcs_on = true, labels_on = true, flow_on = true;
};

struct AirStatus {
  bool loaded = false, synthetic = false;
  int stations = 0, series = 0, hours = 0;
  std::string pollutant, period, scale, time_label;  // "PM2.5", "daily mean", "WHO 2021, 24-hour PM2.5", ...
  int step = 0, steps = 0;
  bool playing = false, stations_on = true, surface_on = true, colour_blind_safe = false;
  int markers = 0, clusters = 0, level = 0;  // drawn this frame
  int surface_samples = 0;                   // covered surface samples this frame
  std::string selected_station;              // id; empty: none
  double selected_value = 0;                 // NaN: no reading
  std::string selected_color;                // "#rrggbbaa" the station is drawn in
  double selected_lng = 0, selected_lat = 0;
};

struct FacetStatus {
  std::string facet, value;
  int count = 0;
};

struct KnowledgeStatus {
  bool loaded = false, open = false;
  bool typing = false;  // the search box has the keyboard
  int practices = 0, experts = 0, trainings = 0;
  std::string query;
  int results = 0;
  std::vector<FacetStatus> facets;    // live counts for the current query and filters
  std::string selected_kind, selected_id, selected_title;  // the entry shown; empty: none
  std::vector<std::string> highlighted;  // city ids marked on the map
  std::vector<std::string> peers;        // the peer finder's ranking (city ids), best first
  int candidate_arcs = 0;                // candidate twinnings drawn
};

struct AppState {
  std::string version;
  std::uint64_t frame = 0;
  FrameInfo frame_info;
  Rgba8 clear_color;
  double frame_ms_average = 0;  // CPU time of the app's frame callback, smoothed
  MapStatus map;
  SelectionStatus selection;
  LayerStatus layers;
  AirStatus air;
  KnowledgeStatus knowledge;
  int labels_placed = 0;
  std::vector<UiWindowRect> ui_windows;
  std::vector<Notice> notices;
};

std::string to_json(const AppState& state, const std::vector<PixelProbe>& probes);
// Adds `notice` unless the same text is already shown: notices persist, they do not pile up.
void add_notice(AppState& state, Notice notice);
const char* to_string(Notice::Level level);

}  // namespace ccap
