# ccap_warnings(<target>): our own code builds clean with -Wall -Wextra (and errors on warnings).
function(ccap_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wpedantic)
  # GCC 12 reports false -Warray-bounds positives inside libstdc++'s std::map (_Rb_tree) whenever
  # nlohmann::json is inlined at -O2; clang (emscripten) and other GCC versions keep the check.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # Likewise -Wmaybe-uninitialized on std::variant's storage when a variant holding a string or a
    # vector is pushed into a vector (GCC bug 105562).
    target_compile_options(${target} PRIVATE -Wno-array-bounds -Wno-maybe-uninitialized)
  endif()
  if(CCAP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# The tiers of a feature (docs/architecture.md), each its own library so that the build enforces
# which way dependencies point:
#   ccap_model_library(<target> <sources>...)  model tier: plain C++ and header-only libraries;
#       no GL (map/gl/gl.h refuses to compile here), no ImGui, SDL or browser (their include paths
#       are never given to a model; tests/build/ proves that a model including them fails to build).
#   ccap_gl_library(<target> <sources>...)     OpenGL ES 3 / WebGL2 tier, with the embedded shaders
#   ccap_ui_library(<target> <sources>...)     Dear ImGui tier
function(ccap_model_library target)
  add_library(${target} STATIC ${ARGN})
  target_compile_definitions(${target} PRIVATE CCAP_MODEL_TIER=1)
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${target} PUBLIC ccap_headers)
  ccap_warnings(${target})
endfunction()

function(ccap_gl_library target)
  add_library(${target} STATIC ${ARGN})
  target_link_libraries(${target} PUBLIC ccap_gles3 PRIVATE ccap_shaders)
  ccap_warnings(${target})
endfunction()

function(ccap_ui_library target)
  add_library(${target} STATIC ${ARGN})
  target_link_libraries(${target} PUBLIC ccap_imgui)
  ccap_warnings(${target})
endfunction()
