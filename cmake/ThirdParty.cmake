# Third-party libraries, all from Debian packages (binary or source) installed by scripts/setup.sh.
# Their headers are SYSTEM includes so that our warning flags do not apply to them.

# --- header-only: glm, nlohmann/json ----------------------------------------------------------
# Never put /usr/include on emcc's path (it would shadow the wasm sysroot): link just the two
# folders into a private include dir and use that for both targets.
set(CCAP_SYSINC "${CMAKE_BINARY_DIR}/sysinc")
foreach(lib glm nlohmann)
  if(NOT EXISTS "/usr/include/${lib}")
    message(FATAL_ERROR "/usr/include/${lib} is missing: run scripts/setup.sh")
  endif()
  file(MAKE_DIRECTORY "${CCAP_SYSINC}")
  if(NOT EXISTS "${CCAP_SYSINC}/${lib}")
    file(CREATE_LINK "/usr/include/${lib}" "${CCAP_SYSINC}/${lib}" SYMBOLIC)
  endif()
endforeach()
add_library(ccap_headers INTERFACE)
target_include_directories(ccap_headers SYSTEM INTERFACE "${CCAP_SYSINC}")
# JSON_DIAGNOSTICS (each value knows its parent, for exception texts) only where a debugger reads
# them: the app never lets an exception out (toolchain.md), and in the release builds it costs memory.
target_compile_definitions(ccap_headers INTERFACE GLM_FORCE_XYZW_ONLY $<$<CONFIG:Debug>:JSON_DIAGNOSTICS=1>)

# --- SDL2 --------------------------------------------------------------------------------------
add_library(ccap_sdl2 INTERFACE)
if(CCAP_WASM)
  set(CCAP_SDL2_PREFIX "${CCAP_DEPS_DIR}/sdl2-wasm-2.26.5")
  if(NOT EXISTS "${CCAP_SDL2_PREFIX}/lib/libSDL2.a")
    message(FATAL_ERROR "SDL2 for wasm is not built in ${CCAP_SDL2_PREFIX}: run scripts/setup.sh")
  endif()
  # The SDL2 subfolder first: plain <SDL.h> would otherwise find emscripten's SDL 1.2 headers.
  target_include_directories(ccap_sdl2 SYSTEM INTERFACE "${CCAP_SDL2_PREFIX}/include/SDL2")
  target_link_libraries(ccap_sdl2 INTERFACE "${CCAP_SDL2_PREFIX}/lib/libSDL2.a")
else()
  find_package(SDL2 REQUIRED)
  target_link_libraries(ccap_sdl2 INTERFACE SDL2::SDL2)
endif()

# --- OpenGL ES 3 / WebGL2 ----------------------------------------------------------------------
add_library(ccap_gles3 INTERFACE)
if(NOT CCAP_WASM)
  find_library(CCAP_GLESV2_LIBRARY GLESv2 REQUIRED)
  target_link_libraries(ccap_gles3 INTERFACE ${CCAP_GLESV2_LIBRARY})
endif()

# --- Dear ImGui 1.86, compiled from Debian's source package for both targets -----------------
set(CCAP_IMGUI_DIR "${CCAP_DEPS_DIR}/imgui-1.86")
if(NOT EXISTS "${CCAP_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources are missing in ${CCAP_IMGUI_DIR}: run scripts/setup.sh")
endif()
add_library(ccap_imgui STATIC
  ${CCAP_IMGUI_DIR}/imgui.cpp ${CCAP_IMGUI_DIR}/imgui_draw.cpp ${CCAP_IMGUI_DIR}/imgui_tables.cpp
  ${CCAP_IMGUI_DIR}/imgui_widgets.cpp)
target_include_directories(ccap_imgui SYSTEM PUBLIC ${CCAP_IMGUI_DIR})
target_compile_definitions(ccap_imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS)
# Third-party code: its warnings are upstream's business, not ours.
target_compile_options(ccap_imgui PRIVATE -w)

# The two ImGui backends, as in Dear ImGui's own split: platform (SDL2) and renderer (GLES3).
add_library(ccap_imgui_sdl2 STATIC ${CCAP_IMGUI_DIR}/backends/imgui_impl_sdl.cpp)
target_include_directories(ccap_imgui_sdl2 SYSTEM PUBLIC ${CCAP_IMGUI_DIR}/backends)
target_compile_options(ccap_imgui_sdl2 PRIVATE -w)
target_link_libraries(ccap_imgui_sdl2 PUBLIC ccap_imgui ccap_sdl2)

add_library(ccap_imgui_gles3 STATIC ${CCAP_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
target_include_directories(ccap_imgui_gles3 SYSTEM PUBLIC ${CCAP_IMGUI_DIR}/backends)
target_compile_definitions(ccap_imgui_gles3 PUBLIC IMGUI_IMPL_OPENGL_ES3)
# Its backup of the GL state answers from GL's initial state, not from synchronous reads of WebGL:
# see the header for why and for the contract the app's renderers keep.
target_compile_options(ccap_imgui_gles3 PRIVATE -w
  -include ${CMAKE_SOURCE_DIR}/src/map/gl/imgui_backend_state.h)
target_link_libraries(ccap_imgui_gles3 PUBLIC ccap_imgui ccap_gles3)

# --- utf8proc 2.8 (Unicode normalisation and case folding for search), from Debian's source ---
set(CCAP_UTF8PROC_DIR "${CCAP_DEPS_DIR}/utf8proc-2.8.0")
if(NOT EXISTS "${CCAP_UTF8PROC_DIR}/utf8proc.c")
  message(FATAL_ERROR "utf8proc sources are missing in ${CCAP_UTF8PROC_DIR}: run scripts/setup.sh")
endif()
add_library(ccap_utf8proc STATIC "${CCAP_UTF8PROC_DIR}/utf8proc.c")
target_include_directories(ccap_utf8proc SYSTEM PUBLIC "${CCAP_UTF8PROC_DIR}")
target_compile_definitions(ccap_utf8proc PUBLIC UTF8PROC_STATIC)
target_compile_options(ccap_utf8proc PRIVATE -w)
if(CCAP_SANITIZE)
  # utf8proc_map_custom's first pass measures with a null buffer and forms `buffer + wpos`
  # (utf8proc.c:554, an offset of zero to a null pointer): UB upstream, harmless in practice and not
  # ours to patch (the sources come from Debian). Every other check stays on for it.
  target_compile_options(ccap_utf8proc PRIVATE -fno-sanitize=pointer-overflow)
endif()

# --- Nayuki's QR Code generator 1.8 (source links shown as QR codes on a kiosk), from Debian's
# source (qr-code-generator; libqrcodegencpp-dev is the same code, but not built for wasm) ---
set(CCAP_QRCODEGEN_DIR "${CCAP_DEPS_DIR}/qrcodegen-1.8.0")
if(NOT EXISTS "${CCAP_QRCODEGEN_DIR}/cpp/qrcodegen.cpp")
  message(FATAL_ERROR "qrcodegen sources are missing in ${CCAP_QRCODEGEN_DIR}: run scripts/setup.sh")
endif()
add_library(ccap_qrcodegen STATIC "${CCAP_QRCODEGEN_DIR}/cpp/qrcodegen.cpp")
target_include_directories(ccap_qrcodegen SYSTEM PUBLIC "${CCAP_QRCODEGEN_DIR}/cpp")
target_compile_options(ccap_qrcodegen PRIVATE -w)

# --- native-only: tests, benchmarks ----------------------------------------------------------
if(NOT CCAP_WASM)
  find_package(GTest REQUIRED)
  find_package(benchmark QUIET)
endif()
