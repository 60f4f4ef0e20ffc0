#pragma once
// The platform layer's whole interface, Tracy-sized: open a window with a GL ES 3 / WebGL2
// context, drive an Application's four callbacks, report what went wrong. One implementation per
// platform: run_native.cpp (SDL2 + Mesa, also headless) and run_web.cpp (SDL2 + Emscripten).
#include <cstdint>
#include <string>

#include "host/application.h"

namespace ccap::platform {

struct RunOptions {
  std::string title = "Clean Air Atlas";
  int width = 1280, height = 800;  // native window size (the browser uses the canvas' CSS size)
  long max_frames = 0;             // native: stop after this many frames (0 = until closed)
};

// The peer benchmark (app/bench_app.h, web/peer_bench.js): the first frame holding the whole scene
// has been issued (the page fences it and stamps firstFrameMs); the scene cannot be drawn.
void bench_scene_drawn();
void bench_failed(const std::string& why);

// Render on demand: the app changed outside the platform's events (a call from the page); the
// next display frame draws it. In the browser the main loop stops while the app has nothing to
// draw (Application::next_frame_at) and this starts it again; natively the loop polls anyway.
void request_frame();

// Runs the app until the user closes it (native) or forever (browser). Returns a process exit code.
int run(Application& app, const RunOptions& options);

// Opens a web address for the user: a new browser tab that cannot reach back into the app
// (noopener, noreferrer); natively, it is printed. Only web addresses (http, https) are opened:
// never javascript: or data: (base/text_format.h, is_web_address).
void open_url(const std::string& url);

// Kiosk mode (?kiosk=1 in the browser): the operator leaves it (the page loads again without it);
// the kiosk reset itself between visitors (the page may switch to a new deployment now).
// Natively they only say so.
void exit_kiosk();
void kiosk_reset();

// A data file the app wants now (a dataset's series): in the browser the page fetches it (checked
// against the manifest) and hands it over through ccap_page_data_arrived. Natively unset: the
// data folder has every file.
void fetch_data(const std::string& name, std::uint64_t bytes);
// Stops fetching it (a city tile that left the view): it does not arrive. Natively nothing.
void cancel_data(const std::string& name);
// Asks for a live data file again (the air index): the page fetches it past the HTTP cache with its
// ETag and hands it over only when it changed. Natively unset: the app reads the folder again.
void poll_data(const std::string& name);

// Your own data (issue 29): the page's file picker for air-quality files, and the last files read
// again (web/own_files.js hands them to the app through app/page_api.h). Browser only: natively
// they come with --open.
void pick_data_files();
void read_files_again();
// The link that reproduces the screen changed: the page's URL hash is replaced, or a new history
// entry pushed (Back returns to the one before). Natively nothing happens.
void link_changed(const std::string& hash, bool push);

// Sharing. Each returns what it did, in words for the user ("Link copied").
// The link (the page's address with `hash`): the browser's share sheet where it has one, else the
// clipboard (the outcome of either arrives later through Application::shared); natively printed.
std::string share_link(const std::string& hash, const std::string& title);
bool has_web_share();
// A file for the user: a download in the browser; natively written to $CCAP_EXPORT_DIR (default:
// the current folder), whole or not at all.
std::string save_file(const std::string& name, const std::string& mime, const std::string& bytes);
// The map's picture printed beside the open panel's text (the page's print layout); natively saved.
std::string print_picture(const std::string& png);

// The page's accessible companion has a new document (JSON; web/a11y.js shows it). Natively nothing.
void accessible_changed(const std::string& json);

}  // namespace ccap::platform
