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
// Your own data (issue 29; web/own_files.js): files the visitor opened or dropped, handed over as
// they are read. import_begin: 0, or 1: refused (a kiosk; an import running), -1: no app. Then per
// file import_file, its bytes (unpacked) in chunks through import_chunk (1: more wanted; 0: this file
// needs no more; -1: cancelled, read no more of any), import_file_end (error: "" or why it could not
// be read to the end: a cut gzip); then import_end, also after a cancel.
CCAP_EXPORT int ccap_page_import_begin(int files);
CCAP_EXPORT int ccap_page_import_file(const char* name, double size);
CCAP_EXPORT int ccap_page_import_chunk(const unsigned char* bytes, int length);
CCAP_EXPORT int ccap_page_import_file_end(const char* error);
CCAP_EXPORT int ccap_page_import_end();
// What the air panel's "Your data" buttons do: 0 cancel the import, 1 remove (the built-in data
// again), 2 join the built-in data, 3 replace it, 4 the report, 5 save as .ccapaq, 6 save as CSV.
// 0, 1: no such action, -1: no app.
CCAP_EXPORT int ccap_page_own_data(int action);
// The columns of a CSV of the last import whose header did not say (as the report's dialog chooses
// them), as JSON: {"file", "time", "station", "latitude", "longitude", "value", "pollutant"}, each a
// column of the file's header (pollutant: "pm25", "no2", ...); the files are then read again. 0, 1:
// not JSON of that shape (a file or column it does not have changes nothing), -1: no app.
CCAP_EXPORT int ccap_page_own_columns(const char* json);
// The partnership's layers, 1/0 each (the filters are kept). 0, or -1: no app.
CCAP_EXPORT int ccap_page_set_layers(int cities, int arcs, int labels, int flow);
}
