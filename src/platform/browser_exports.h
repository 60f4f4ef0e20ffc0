#pragma once
// What the page (web/loader.js) calls in the platform layer: the hidden text field of touch
// screens feeds the app. Each CCAP_EXPORT line is an export (see app/export.h).
#include "app/export.h"

extern "C" {
// Text typed into the hidden field, as UTF-8: to the app's text input.
CCAP_EXPORT void ccap_text_input(const char* utf8);
// A deletion in the hidden field: a Backspace press and release (the release reaches ImGui a frame
// later, see SameFrameKeyUps).
CCAP_EXPORT void ccap_text_backspace();
// The page saw webglcontextrestored: the app makes its GPU resources again before the next frame.
CCAP_EXPORT void ccap_gpu_restored();
// The page's hash changed under the app (Back, Forward, typed): the app opens it as a link.
CCAP_EXPORT void ccap_open_link(const char* hash);
// What became of a share (web share sheet, clipboard), in words: the app shows it.
CCAP_EXPORT void ccap_shared(const char* outcome);
// Main-loop callbacks so far (one a display frame, drawn or not): the kiosk's watchdog reloads the
// page when this stops moving.
CCAP_EXPORT double ccap_frames_drawn();
// How many of them drew a frame (render on demand: an idle map draws none). Asking does not wake
// the app, unlike the test API.
CCAP_EXPORT double ccap_frames_rendered();
// Something happened on the page (input): wake the main loop if it sleeps (render on demand).
CCAP_EXPORT void ccap_request_frame();
}
