#pragma once
// A small C API over the running app, for the browser tests (wasm exports). The native render
// tests call the AtlasApp methods it wraps. Answers are JSON, so the two kinds of test read alike.

namespace ccap {
class AtlasApp;
// The app the API speaks to (nullptr to detach). Set by main().
void set_test_api_target(AtlasApp* app);
}  // namespace ccap

extern "C" {
// The app's state as JSON (see AppState / to_json); valid until the next call.
const char* ccap_state_json();
// Asks for the colour of the canvas pixel at (x, y) in CSS px; it is read at the end of the next
// frame and appears in the state's "probes" under the returned id (-1: no app).
int ccap_request_probe(float x, float y);
// Where longitude/latitude is on the canvas now (nearest world copy), as "[x, y]" in CSS px.
const char* ccap_project(double lng, double lat);
// Flies the map to a place (reduced motion, or animate == 0: jumps). Returns 0, or -1 with no app.
int ccap_fly_to(double lng, double lat, double zoom, int animate);
// Replaces the partnership content (benchmarks load synthetic content this way). Returns the
// number of problems found (0: all of it loaded), or -1 with no app.
int ccap_load_partnership(const char* json_text);
// Shows or hides the partnership layers (1/0 each). Returns 0, or -1 with no app.
int ccap_set_layers(int cities, int arcs, int labels, int flow);
// Air-quality settings (-1 keeps one as it is); returns the step shown. See test_api.cpp.
int ccap_set_air(int pollutant, int period, int step, int scale, int colour_blind_safe, int stations, int surface,
                 int playing);
// Selects a monitoring station by id ("" for none). Returns 0, 1 for no such station, -1 with no app.
int ccap_select_station(const char* id);
// Replaces the air-quality data with a .ccapaq file's bytes. Returns 0, 1 when it was refused.
int ccap_load_air(const unsigned char* bytes, int length);
// Opens the peer finder for a partner city (its candidates are drawn as arcs). 0, or 1: no such city.
int ccap_find_peers(const char* city_id);
}
