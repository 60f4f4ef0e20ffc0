#pragma once
// The peer benchmark's calls into the app (wasm exports; app/bench_app.h): the harness's
// window.__bench.setCamera and describe (web/peer_bench.js). Every CCAP_EXPORT line is an export.
#include "app/export.h"

namespace ccap {
class BenchApp;
void set_bench_api_target(BenchApp* app);  // set by main() in bench mode
}  // namespace ccap

extern "C" {
// Moves the camera (degrees; zoom in the 512 px convention); the next frame shows it. 0, or -1
// when the page is not in bench mode.
CCAP_EXPORT int ccap_bench_set_camera(double lon, double lat, double zoom);
// What the scene holds and how long it took to make, as JSON ("{}" when not in bench mode);
// valid until the next call.
CCAP_EXPORT const char* ccap_bench_describe();
}
