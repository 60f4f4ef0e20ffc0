// The app's state for the test API (app/test_api.h) and the render tests: the frame, the map,
// every feature's part, the panels' windows, memory, notices and pixel probes, as JSON.
#include <malloc.h>

#include <nlohmann/json.hpp>

#include "app/atlas_app.h"
#include "base/version.h"
#include "map/palette.h"

namespace ccap {

// What the allocator holds: in use, and in all (the wasm heap only grows). For the kiosk's soak.
nlohmann::json AtlasApp::memory_json() {
#ifdef __EMSCRIPTEN__
  const struct mallinfo m = mallinfo();
  return {{"mallocUsedBytes", m.uordblks}, {"mallocArenaBytes", m.arena}};
#else
  const struct mallinfo2 m = mallinfo2();
  return {{"mallocUsedBytes", m.uordblks}, {"mallocArenaBytes", m.arena}};
#endif
}

std::string AtlasApp::state_json() const {
  using nlohmann::json;
  const FrameInfo& f = frame_info_;
  const LngLat c = camera_.center_lnglat();
  json j = {{"version", kVersion},
            {"frame", frame_count_},
            {"canvas", {{"width", f.canvas_width}, {"height", f.canvas_height}, {"pixelRatio", f.pixel_ratio}}},
            {"framebuffer", {{"width", f.framebuffer_width}, {"height", f.framebuffer_height}}},
            {"clearColor", to_hex(palette::kOcean)},
            {"frameMsAverage", frame_ms_average_},
            {"reducedMotion", f.reduced_motion},
            {"map",
             {{"center", {c.lng, c.lat}},
              {"zoom", camera_.zoom()},
              {"metersPerPixel", camera_.meters_per_pixel()},
              {"moving", navigator_.is_moving()},
              {"gestures", navigator_.gesture_count()}}}};
  for (const Feature* feature : features_) feature->write_status(j);
  j["uiWindows"] = imgui_.layout().windows_json();
  j["uiLinks"] = imgui_.layout().links_json();
  j["ui"] = imgui_.metrics_json();
  j["memory"] = memory_json();
  j["notices"] = notices_.to_json();
  j["probes"] = probes_.to_json();
  // Texts from files reach the state (notices, names): never let a bad byte stop it being written.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace ccap
