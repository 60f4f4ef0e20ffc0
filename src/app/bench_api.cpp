#include "app/bench_api.h"

#include <string>

#include "app/bench_app.h"

namespace ccap {
namespace {
BenchApp* g_bench = nullptr;
std::string g_describe;
}  // namespace

void set_bench_api_target(BenchApp* app) { g_bench = app; }

}  // namespace ccap

extern "C" {
int ccap_bench_set_camera(double lon, double lat, double zoom) {
  if (!ccap::g_bench) return -1;
  ccap::g_bench->set_camera(lon, lat, zoom);
  return 0;
}
const char* ccap_bench_describe() {
  ccap::g_describe = ccap::g_bench ? ccap::g_bench->describe_json() : "{}";
  return ccap::g_describe.c_str();
}
}
