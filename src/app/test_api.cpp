#include "app/test_api.h"

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
