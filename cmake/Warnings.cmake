# ccap_warnings(<target>): our own code builds clean with -Wall -Wextra (and errors on warnings).
function(ccap_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow -Wnon-virtual-dtor -Wpedantic)
  # GCC 12 reports false -Warray-bounds positives inside libstdc++'s std::map (_Rb_tree) whenever
  # nlohmann::json is inlined at -O2; clang (emscripten) and other GCC versions keep the check.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
     AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(${target} PRIVATE -Wno-array-bounds)
  endif()
  if(CCAP_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
