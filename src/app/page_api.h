#pragma once
// What the page's accessible companion (web/a11y.js) asks of the app: the same things the canvas'
// panels do, for a screen reader or a keyboard in the DOM. Each is carried out after the next frame,
// like a tap. Like app/test_api.h, every CCAP_EXPORT line is a wasm export.
#include "app/export.h"

namespace ccap {
class AtlasApp;
void set_page_api_target(AtlasApp* app);  // set by main()
}  // namespace ccap

extern "C" {
// Opens a partner city's page and flies there ("bangkok"). 0, 1: no such city, -1: no app.
CCAP_EXPORT int ccap_page_open_city(const char* id);
// Shows an air-quality dataset ("moenv-taiwan", data/air/index.json) and flies to it: 0, or -1: no
// app (an unknown id changes nothing).
CCAP_EXPORT int ccap_page_show_dataset(const char* id);
// Opens the Knowledge Platform searching for `text` ("" lists everything). 0, or -1: no app.
CCAP_EXPORT int ccap_page_search(const char* text);
// Opens a Knowledge Platform entry ("practice:<id>", "expert:<id>", "training:<id>"). 0, 1: none.
CCAP_EXPORT int ccap_page_open_entry(const char* key);
// Closes the open panel (as Escape does). 0, or -1: no app.
CCAP_EXPORT int ccap_page_back();
// 0: share the link; 1: save a picture; 2: print; 3: download the stations in view (CSV). 0, 1: no
// such action (or not on a kiosk), -1: no app.
CCAP_EXPORT int ccap_page_share(int what);
// The air overlay: pollutant ("pm25", ...), averaging ("hour", "day", "year"), scale ("who",
// "aqi"), each "" to keep, and the time step (-1 to keep). 0, 1: a value it does not know.
CCAP_EXPORT int ccap_page_set_air(const char* pollutant, const char* avg, const char* scale, int step);
// A data file the page fetches after the map is drawn (web/loader.js; "airquality.ccapaq"): how
// much of it has come, in bytes on the wire; then that it is in the data folder (ok 1) or could not
// be downloaded (ok 0). 0, or -1: no app.
CCAP_EXPORT int ccap_page_data_progress(const char* name, double loaded, double total);
CCAP_EXPORT int ccap_page_data_arrived(const char* name, int ok);
// The partnership's layers, 1/0 each (the filters are kept). 0, or -1: no app.
CCAP_EXPORT int ccap_page_set_layers(int cities, int arcs, int labels, int flow);
}
