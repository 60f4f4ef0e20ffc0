#include "app/test_api.h"

#include <span>
#include <string>

#include "app/atlas_app.h"

#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define CCAP_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define CCAP_EXPORT
#endif

namespace ccap {
namespace {
AtlasApp* g_app = nullptr;
std::string g_json;
}  // namespace
void set_test_api_target(AtlasApp* app) { g_app = app; }
}  // namespace ccap

extern "C" {

CCAP_EXPORT const char* ccap_state_json() {
  ccap::g_json = ccap::g_app ? ccap::g_app->state_json() : std::string("null");
  return ccap::g_json.c_str();
}

CCAP_EXPORT int ccap_request_probe(float x, float y) {
  return ccap::g_app ? ccap::g_app->request_probe(x, y) : -1;
}

CCAP_EXPORT const char* ccap_project(double lng, double lat) {
  if (!ccap::g_app) return "null";
  const glm::dvec2 p = ccap::g_app->camera().lnglat_to_screen({lng, lat});
  ccap::g_json = "[" + std::to_string(p.x) + "," + std::to_string(p.y) + "]";
  return ccap::g_json.c_str();
}

CCAP_EXPORT int ccap_fly_to(double lng, double lat, double zoom, int animate) {
  if (!ccap::g_app) return -1;
  if (animate) {
    ccap::g_app->fly_to({lng, lat}, zoom);
  } else {
    ccap::g_app->jump_to({lng, lat}, zoom);
  }
  return 0;
}

}

extern "C" CCAP_EXPORT int ccap_set_layers(int cities, int arcs, int labels, int flow) {
  if (!ccap::g_app) return -1;
  ccap::LayerSettings layers;
  layers.cities = cities != 0;
  layers.arcs = arcs != 0;
  layers.labels = labels != 0;
  layers.flow = flow != 0;
  ccap::g_app->set_layers(layers);
  return 0;
}

extern "C" CCAP_EXPORT int ccap_load_partnership(const char* json_text) {
  if (!ccap::g_app || !json_text) return -1;
  return static_cast<int>(ccap::g_app->load_partnership_text(json_text, "(loaded content)"));
}

// Air-quality settings; -1 keeps a setting as it is. pollutant: 0 PM2.5, 1 PM10, 2 NO2, 3 O3, 4 SO2,
// 5 CO; period: 0 hour, 1 day, 2 year; scale: 0 AQI, 1 WHO. Returns the step now shown.
extern "C" CCAP_EXPORT int ccap_set_air(int pollutant, int period, int step, int scale, int colour_blind_safe,
                                        int stations, int surface, int playing) {
  if (!ccap::g_app) return -1;
  ccap::AirSettings s = ccap::g_app->air().settings();
  if (pollutant >= 0 && pollutant <= static_cast<int>(ccap::Pollutant::Co)) s.pollutant = static_cast<ccap::Pollutant>(pollutant);
  if (period >= 0 && period <= 2) s.period = static_cast<ccap::AirPeriod>(period);
  if (step >= 0) s.step = static_cast<std::size_t>(step);
  if (scale >= 0 && scale <= 1) s.scale = static_cast<ccap::AirScaleKind>(scale);
  if (colour_blind_safe >= 0) s.colour_blind_safe = colour_blind_safe != 0;
  if (stations >= 0) s.stations = stations != 0;
  if (surface >= 0) s.surface = surface != 0;
  if (playing >= 0) s.playing = playing != 0;
  ccap::g_app->set_air(s);
  return static_cast<int>(ccap::g_app->air().settings().step);
}

extern "C" CCAP_EXPORT int ccap_select_station(const char* id) {
  if (!ccap::g_app || !id) return -1;
  return ccap::g_app->select_station(id) ? 0 : 1;
}

// Replaces the air-quality data with the bytes of a .ccapaq file (copied); returns 0, or 1 and a
// notice naming the problem.
extern "C" CCAP_EXPORT int ccap_load_air(const unsigned char* bytes, int length) {
  if (!ccap::g_app || !bytes || length < 0) return -1;
  const std::string problem =
      ccap::g_app->load_air_quality_bytes(std::span(bytes, static_cast<std::size_t>(length)), "(loaded air-quality data)");
  return problem.empty() ? 0 : 1;
}

// Opens the Knowledge Platform's peer finder for a partner city. Returns 0, 1 for no such city.
extern "C" CCAP_EXPORT int ccap_find_peers(const char* city_id) {
  if (!ccap::g_app || !city_id) return -1;
  return ccap::g_app->find_peers(city_id) ? 0 : 1;
}
