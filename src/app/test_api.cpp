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

}
