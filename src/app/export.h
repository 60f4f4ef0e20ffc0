#pragma once
// CCAP_EXPORT marks a C function the browser calls (a wasm export). The build reads the headers that
// declare them (app/test_api.h, platform/browser_exports.h) for lines starting with CCAP_EXPORT and
// makes Emscripten's EXPORTED_FUNCTIONS from them: declaring a function is all it takes.
#ifdef __EMSCRIPTEN__
#include <emscripten/emscripten.h>
#define CCAP_EXPORT EMSCRIPTEN_KEEPALIVE
#else
#define CCAP_EXPORT
#endif
