#pragma once
// The platform layer's whole interface, Tracy-sized: open a window with a GL ES 3 / WebGL2
// context, drive an Application's four callbacks, report what went wrong. One implementation per
// platform: run_native.cpp (SDL2 + Mesa, also headless) and run_web.cpp (SDL2 + Emscripten).
#include <string>

#include "base/application.h"

namespace ccap::platform {

struct RunOptions {
  std::string title = "Clean Air Atlas";
  int width = 1280, height = 800;  // native window size (the browser uses the canvas' CSS size)
  long max_frames = 0;             // native: stop after this many frames (0 = until closed)
};

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

}  // namespace ccap::platform
