# cmake -DWEB_OUT=<dir> -P WriteManifest.cmake
# Writes <dir>/manifest.json: every file the page loader downloads (the app's script and wasm, and
# data/**), with
# its size, so the loading screen can show true progress. Written to a temporary file and renamed,
# so a reader never sees half a manifest.
if(NOT WEB_OUT OR NOT EXISTS "${WEB_OUT}/ccap.wasm")
  message(FATAL_ERROR "WriteManifest: ${WEB_OUT}/ccap.wasm does not exist")
endif()
file(GLOB_RECURSE data_files RELATIVE "${WEB_OUT}" "${WEB_OUT}/data/*")
list(SORT data_files)
set(entries "")
foreach(path ccap.js ccap.wasm ${data_files})
  file(SIZE "${WEB_OUT}/${path}" bytes)
  list(APPEND entries "    {\"path\": \"${path}\", \"bytes\": ${bytes}}")
endforeach()
list(JOIN entries ",\n" body)
file(WRITE "${WEB_OUT}/manifest.json.tmp"
  "{\n  \"script\": \"ccap.js\",\n  \"wasm\": \"ccap.wasm\",\n  \"files\": [\n${body}\n  ]\n}\n")
file(RENAME "${WEB_OUT}/manifest.json.tmp" "${WEB_OUT}/manifest.json")
