# cmake -DWEB_OUT=<dir> -P WriteManifest.cmake
# Writes <dir>/manifest.json: every file the page loader downloads (the app's script and wasm, and
# data/**) with its size, so the loading screen can show true progress; the page's own files; and
# a version, the hash of all of them, which names a kiosk's offline cache (web/sw.js). Written to a
# temporary file and renamed, so a reader never sees half a manifest.
if(NOT WEB_OUT OR NOT EXISTS "${WEB_OUT}/ccap.wasm")
  message(FATAL_ERROR "WriteManifest: ${WEB_OUT}/ccap.wasm does not exist")
endif()
file(GLOB_RECURSE data_files RELATIVE "${WEB_OUT}" "${WEB_OUT}/data/*")
list(SORT data_files)
set(page_files index.html loader.js kiosk.js a11y.js style.css)
set(entries "")
set(hashes "")
foreach(path ccap.js ccap.wasm ${data_files})
  file(SIZE "${WEB_OUT}/${path}" bytes)
  list(APPEND entries "    {\"path\": \"${path}\", \"bytes\": ${bytes}}")
endforeach()
foreach(path ccap.js ccap.wasm ${data_files} ${page_files})
  file(SHA256 "${WEB_OUT}/${path}" hash)
  string(APPEND hashes "${path}:${hash}\n")
endforeach()
string(SHA256 version "${hashes}")
string(SUBSTRING "${version}" 0 16 version)
list(JOIN entries ",\n" body)
set(page_list "")
foreach(path ${page_files})
  list(APPEND page_list "\"${path}\"")
endforeach()
list(JOIN page_list ", " page_body)
file(WRITE "${WEB_OUT}/manifest.json.tmp"
  "{\n  \"version\": \"${version}\",\n  \"script\": \"ccap.js\",\n  \"wasm\": \"ccap.wasm\",\n"
  "  \"page\": [\"./\", ${page_body}],\n  \"files\": [\n${body}\n  ]\n}\n")
file(RENAME "${WEB_OUT}/manifest.json.tmp" "${WEB_OUT}/manifest.json")
