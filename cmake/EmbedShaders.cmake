# cmake -DSHADER_DIR=<dir> -DOUT=<header> -P EmbedShaders.cmake
# Turns shaders/*.vert|frag|glsl into one C++ header of string constants, so the native and the
# wasm app carry their shaders with no file I/O. "#include"-free GLSL: the program builder
# prepends the version line and map_common.glsl where asked.
file(GLOB shader_files "${SHADER_DIR}/*.vert" "${SHADER_DIR}/*.frag" "${SHADER_DIR}/*.glsl")
list(SORT shader_files)
set(body "// Generated from shaders/ by cmake/EmbedShaders.cmake: do not edit.\n#pragma once\n\nnamespace ccap::shaders {\n")
foreach(f ${shader_files})
  get_filename_component(name "${f}" NAME)
  string(MAKE_C_IDENTIFIER "${name}" id)
  file(READ "${f}" text)
  string(APPEND body "inline constexpr const char* ${id} = R\"GLSL(${text})GLSL\";\n")
endforeach()
string(APPEND body "}  // namespace ccap::shaders\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")
