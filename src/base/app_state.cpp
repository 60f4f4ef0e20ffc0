#include "base/app_state.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace ccap {

const char* to_string(Notice::Level level) {
  switch (level) {
    case Notice::Level::Info: return "info";
    case Notice::Level::Warning: return "warning";
    case Notice::Level::Error: return "error";
  }
  return "?";
}

void add_notice(AppState& state, Notice notice) {
  for (const Notice& n : state.notices)
    if (n.text == notice.text) return;
  state.notices.push_back(std::move(notice));
}

std::string to_json(const AppState& s, const std::vector<PixelProbe>& probes) {
  using nlohmann::json;
  const FrameInfo& f = s.frame_info;
  json j = json::object();
  j["version"] = s.version;
  j["frame"] = s.frame;
  j["canvas"]["width"] = f.canvas_width;
  j["canvas"]["height"] = f.canvas_height;
  j["canvas"]["pixelRatio"] = f.pixel_ratio;
  j["framebuffer"]["width"] = f.framebuffer_width;
  j["framebuffer"]["height"] = f.framebuffer_height;
  j["clearColor"] = to_hex(s.clear_color);
  j["frameMsAverage"] = s.frame_ms_average;
  j["reducedMotion"] = f.reduced_motion;
  json& map = j["map"];
  map["center"] = std::vector<double>{s.map.center_lng, s.map.center_lat};
  map["zoom"] = s.map.zoom;
  map["metersPerPixel"] = s.map.meters_per_pixel;
  map["basemapLoaded"] = s.map.basemap_loaded;
  map["basemapLevels"] = s.map.basemap_levels;
  map["moving"] = s.map.moving;
  map["gestures"] = s.map.gestures;

  json& sel = j["selection"];
  sel["city"] = s.selection.city.empty() ? json(nullptr) : json(s.selection.city);
  sel["name"] = s.selection.name;
  sel["partners"] = s.selection.partners;
  sel["hover"] = s.selection.hover.empty() ? json(nullptr) : json(s.selection.hover);
  json& layers = j["layers"];
  layers["partnershipLoaded"] = s.layers.partnership_loaded;
  layers["cities"] = s.layers.cities;
  layers["pairs"] = s.layers.pairs;
  layers["markers"] = s.layers.markers;
  layers["arcSegments"] = s.layers.arc_segments;
  layers["citiesOn"] = s.layers.cities_on;
  layers["arcsOn"] = s.layers.arcs_on;
  layers["labelsOn"] = s.layers.labels_on;
  layers["flowOn"] = s.layers.flow_on;
  json& air = j["air"];
  air["loaded"] = s.air.loaded;
  air["synthetic"] = s.air.synthetic;
  air["stations"] = s.air.stations;
  air["series"] = s.air.series;
  air["hours"] = s.air.hours;
  air["pollutant"] = s.air.pollutant;
  air["period"] = s.air.period;
  air["scale"] = s.air.scale;
  air["timeLabel"] = s.air.time_label;
  air["step"] = s.air.step;
  air["steps"] = s.air.steps;
  air["playing"] = s.air.playing;
  air["stationsOn"] = s.air.stations_on;
  air["surfaceOn"] = s.air.surface_on;
  air["colourBlindSafe"] = s.air.colour_blind_safe;
  air["markers"] = s.air.markers;
  air["clusters"] = s.air.clusters;
  air["level"] = s.air.level;
  air["surfaceSamples"] = s.air.surface_samples;
  air["selectedStation"] = s.air.selected_station.empty() ? json(nullptr) : json(s.air.selected_station);
  air["selectedValue"] = std::isfinite(s.air.selected_value) ? json(s.air.selected_value) : json(nullptr);
  air["selectedColor"] = s.air.selected_color;
  air["selectedLng"] = s.air.selected_lng;
  air["selectedLat"] = s.air.selected_lat;
  json& k = j["knowledge"];
  k["loaded"] = s.knowledge.loaded;
  k["open"] = s.knowledge.open;
  k["typing"] = s.knowledge.typing;
  k["practices"] = s.knowledge.practices;
  k["experts"] = s.knowledge.experts;
  k["trainings"] = s.knowledge.trainings;
  k["query"] = s.knowledge.query;
  k["results"] = s.knowledge.results;
  json& facets = k["facets"] = json::array();
  for (const FacetStatus& fc : s.knowledge.facets) facets.push_back({{"facet", fc.facet}, {"value", fc.value}, {"count", fc.count}});
  k["selected"] = s.knowledge.selected_id.empty()
                      ? json(nullptr)
                      : json{{"kind", s.knowledge.selected_kind}, {"id", s.knowledge.selected_id}, {"title", s.knowledge.selected_title}};
  k["highlighted"] = s.knowledge.highlighted;
  k["peers"] = s.knowledge.peers;
  k["candidateArcs"] = s.knowledge.candidate_arcs;
  j["labelsPlaced"] = s.labels_placed;

  json& windows = j["uiWindows"] = json::array();
  for (const auto& w : s.ui_windows) {
    json e = json::object();
    e["name"] = w.name;
    e["x"] = w.x;
    e["y"] = w.y;
    e["width"] = w.width;
    e["height"] = w.height;
    windows.push_back(std::move(e));
  }
  json& notices = j["notices"] = json::array();
  for (const auto& n : s.notices) {
    json e = json::object();
    e["level"] = to_string(n.level);
    e["text"] = n.text;
    notices.push_back(std::move(e));
  }
  json& jp = j["probes"] = json::array();
  for (const auto& p : probes) {
    json e = json::object();
    e["id"] = p.id;
    e["x"] = p.x;
    e["y"] = p.y;
    e["done"] = p.done;
    if (p.done) {
      e["frame"] = p.frame;
      e["inside"] = p.inside;
      if (p.inside) e["rgba"] = std::vector<int>{p.color.r, p.color.g, p.color.b, p.color.a};
    }
    jp.push_back(std::move(e));
  }
  return j.dump();
}

}  // namespace ccap
