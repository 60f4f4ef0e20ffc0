#pragma once
// A small C API over the running app, for the browser tests (wasm exports). The native render
// tests call the AtlasApp methods it wraps. Answers are JSON, so the two kinds of test read alike.
// This header is the one list of exports: every line that starts with CCAP_EXPORT declares one, and
// the wasm link's EXPORTED_FUNCTIONS is made from these lines (src/platform/CMakeLists.txt).
#include "app/export.h"

namespace ccap {
class AtlasApp;
// The app the API speaks to (nullptr to detach). Set by main().
void set_test_api_target(AtlasApp* app);
}  // namespace ccap

extern "C" {
// The app's state as JSON: the app's own part and each feature's (write_status); valid until the
// next call.
CCAP_EXPORT const char* ccap_state_json();
// The page's accessible companion's document (feature.h, write_accessible); valid until the next call.
CCAP_EXPORT const char* ccap_accessible_json();
// Asks for the colour of the canvas pixel at (x, y) in CSS px; it is read at the end of the next
// frame and appears in the state's "probes" under the returned id (-1: no app).
CCAP_EXPORT int ccap_request_probe(float x, float y);
// Where longitude/latitude is on the canvas now (nearest world copy), as "[x, y]" in CSS px.
CCAP_EXPORT const char* ccap_project(double lng, double lat);
// Flies the map to a place (reduced motion, or animate == 0: jumps). Returns 0, or -1 with no app.
CCAP_EXPORT int ccap_fly_to(double lng, double lat, double zoom, int animate);
// Replaces the partnership content (benchmarks load synthetic content this way). Returns the
// number of problems found (0: all of it loaded), or -1 with no app.
CCAP_EXPORT int ccap_load_partnership(const char* json_text);
// Shows or hides the partnership layers (1/0 each; the filters are kept). Returns 0, or -1 with no app.
CCAP_EXPORT int ccap_set_layers(int cities, int arcs, int labels, int flow);
// Air-quality settings as a JSON object of named options, each optional (left out: kept):
//   {"pollutant": "PM2.5"|"PM10"|"NO2"|"O3"|"SO2"|"CO", "period": "hour"|"day"|"year",
//    "step": n, "scale": "who"|"aqi", "colourBlindSafe": b, "stations": b, "surface": b,
//    "playing": b}
// Returns the step shown after, -1 with no app, -2 when the options are not such an object (then
// nothing changes).
CCAP_EXPORT int ccap_set_air(const char* options_json);
// Selects a partner city by its content id ("taipei"; "" for none): its page opens in the detail
// panel. Returns 0, 1 for no such city, -1 with no app.
CCAP_EXPORT int ccap_select_city(const char* id);
// Selects a monitoring station by id ("" for none). Returns 0, 1 for no such station, -1 with no app.
CCAP_EXPORT int ccap_select_station(const char* id);
// Replaces the air-quality data with a .ccapaq file's bytes (copied). Returns 0, or 1 when it was
// refused (the data loaded before stays, and a notice names the problem).
CCAP_EXPORT int ccap_load_air(const unsigned char* bytes, int length);
// Opens the peer finder for a partner city (its candidates are drawn as arcs). 0, or 1: no such city.
CCAP_EXPORT int ccap_find_peers(const char* city_id);
// Moves the app's clock on by `seconds` (a kiosk's idle times in a test, without waiting for them;
// flights under way finish). Returns 0, or -1 with no app or a negative or non-finite time.
CCAP_EXPORT int ccap_advance_clock(double seconds);
// Holds the app's clock: from now on it moves only by ccap_advance_clock, never by itself, so that
// a test's checks of durations do not depend on how fast the machine runs the test. For the page's
// life (app/app_clock.h). Returns 0, or -1 with no app.
CCAP_EXPORT int ccap_hold_clock();
}
