#include "app/test_api.h"

#include <cmath>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "app/atlas_app.h"
#include "app/page_api.h"
#include "base/json_reader.h"

namespace ccap {
namespace {
AtlasApp* g_app = nullptr;
void wake_app() {
  if (g_app) g_app->wake();
}
std::string g_json;

// Reads one named option of ccap_set_air: true when present and valid, false when absent; a
// present but unusable value makes `ok` false.
template <class T>
bool option(const nlohmann::json& o, const char* name, T& out, bool& ok) {
  const auto it = o.find(name);
  if (it == o.end()) return false;
  if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) return ok = false;
    out = it->get<bool>();
  } else if constexpr (std::is_same_v<T, std::size_t>) {
    if (!it->is_number_unsigned()) return ok = false;
    out = it->get<std::size_t>();
  } else {
    if (!it->is_string()) return ok = false;
    out = it->get<std::string>();
  }
  return true;
}

// Applies the named options to `s`; false (and `s` unusable) when any is wrong.
bool apply_air_options(const nlohmann::json& o, AirSettings& s) {
  if (!o.is_object()) return false;
  bool ok = true;
  std::string text;
  if (option(o, "pollutant", text, ok)) {
    bool known = false;
    for (Pollutant p : {Pollutant::Pm25, Pollutant::Pm10, Pollutant::No2, Pollutant::O3, Pollutant::So2, Pollutant::Co})
      if (text == pollutant_name(p)) s.pollutant = p, known = true;
    ok = ok && known;
  }
  if (option(o, "period", text, ok)) {
    const auto period = parse_period(text);
    if (period) s.period = *period;
    ok = ok && period.has_value();
  }
  if (option(o, "scale", text, ok)) {
    if (text == "who")
      s.scale = AirScaleKind::Who;
    else if (text == "aqi")
      s.scale = AirScaleKind::Aqi;
    else
      ok = false;
  }
  option(o, "step", s.step, ok);
  option(o, "colourBlindSafe", s.colour_blind_safe, ok);
  option(o, "stations", s.stations, ok);
  option(o, "surface", s.surface, ok);
  option(o, "playing", s.playing, ok);
  return ok;
}

}  // namespace
void set_test_api_target(AtlasApp* app) { g_app = app; }
}  // namespace ccap

extern "C" {

const char* ccap_state_json() {
  ccap::wake_app();  // what the page asks may change the screen: draw
  ccap::g_json = ccap::g_app ? ccap::g_app->state_json() : std::string("null");
  return ccap::g_json.c_str();
}

const char* ccap_accessible_json() {
  ccap::wake_app();  // what the page asks may change the screen: draw
  ccap::g_json = ccap::g_app ? ccap::g_app->accessible_json() : std::string("null");
  return ccap::g_json.c_str();
}

int ccap_request_probe(float x, float y) { return ccap::g_app ? ccap::g_app->request_probe(x, y) : -1; }

const char* ccap_project(double lng, double lat) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return "null";
  const glm::dvec2 p = ccap::g_app->camera().lnglat_to_screen({lng, lat});
  ccap::g_json = "[" + std::to_string(p.x) + "," + std::to_string(p.y) + "]";
  return ccap::g_json.c_str();
}

int ccap_fly_to(double lng, double lat, double zoom, int animate) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  if (animate) {
    ccap::g_app->fly_to({lng, lat}, zoom);
  } else {
    ccap::g_app->jump_to({lng, lat}, zoom);
  }
  return 0;
}

int ccap_set_layers(int cities, int arcs, int labels, int flow) {
  ccap::wake_app();                                         // what the page asks may change the screen: draw
  return ccap_page_set_layers(cities, arcs, labels, flow);  // the same, for the tests
}

int ccap_load_partnership(const char* json_text) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !json_text) return -1;
  return static_cast<int>(ccap::g_app->partnership().load_text(json_text, "(loaded content)", ccap::g_app->notices()));
}

int ccap_set_air(const char* options_json) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  if (!options_json) return -2;
  ccap::AirSettings s = ccap::g_app->air().overlay().settings();
  ccap::JsonProblems problems("ccap_set_air");
  const auto options = ccap::parse_json(options_json, problems);
  if (!options || !ccap::apply_air_options(*options, s)) return -2;
  ccap::g_app->air().set_settings(s);
  return static_cast<int>(ccap::g_app->air().overlay().settings().step);
}

int ccap_select_city(const char* id) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !id) return -1;
  return ccap::g_app->partnership().select_city(id) ? 0 : 1;
}

int ccap_select_station(const char* id) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !id) return -1;
  return ccap::g_app->air().select_station(id) ? 0 : 1;
}

int ccap_load_air(const unsigned char* bytes, int length) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !bytes || length < 0) return -1;
  const std::string problem = ccap::g_app->air().load_bytes(std::span(bytes, static_cast<std::size_t>(length)),
                                                            "(loaded air-quality data)", ccap::g_app->notices());
  return problem.empty() ? 0 : 1;
}

int ccap_advance_clock(double seconds) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !std::isfinite(seconds) || seconds < 0) return -1;
  ccap::g_app->advance_clock(seconds);
  return 0;
}

int ccap_hold_clock() {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app) return -1;
  ccap::g_app->hold_clock();
  return 0;
}

int ccap_find_peers(const char* city_id) {
  ccap::wake_app();  // what the page asks may change the screen: draw
  if (!ccap::g_app || !city_id) return -1;
  return ccap::g_app->knowledge().find_peers(city_id) ? 0 : 1;
}
}
