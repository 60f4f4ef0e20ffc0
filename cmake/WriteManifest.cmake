# cmake -DWEB_OUT=<dir> -P WriteManifest.cmake
# Writes <dir>/manifest.json: every file the page loader downloads (the app's script and wasm, and
# data/**, but for the live air data in data/air/, which its own index lists: the refresh job
# publishes it apart, ccap_geodata refresh) with its size, so the loading screen can show true
# progress, and its SHA-256, which the loader checks before it hands a file on (web/loader.js);
# the page's own files; and a version, the hash of all of them, which names a kiosk's offline cache (web/sw.js). Written to a
# temporary file and renamed, so a reader never sees half a manifest.
# A file with compressed forms (scripts/compress_web.mjs) also has their sizes, "br" and "gz", so
# that the loader can count the bytes that really cross the network; a form older than its file
# (not yet made again) is left out. The .br/.gz files themselves are not listed.
if(NOT WEB_OUT OR NOT EXISTS "${WEB_OUT}/ccap.wasm")
  message(FATAL_ERROR "WriteManifest: ${WEB_OUT}/ccap.wasm does not exist")
endif()
file(GLOB_RECURSE found RELATIVE "${WEB_OUT}" "${WEB_OUT}/data/*")
set(data_files "")
foreach(path ${found})
  if(path MATCHES "^(.*)\\.(br|gz)$" AND EXISTS "${WEB_OUT}/${CMAKE_MATCH_1}")
    continue()  # a compressed form of another file
  endif()
  if(path MATCHES "\\.tmp(-[0-9]+)?$")
    continue()  # a file being written
  endif()
  if(path MATCHES "^data/air/")
    continue()  # live data: the refresh job publishes it apart; air/index.json is its own manifest
  endif()
  list(APPEND data_files "${path}")
endforeach()
list(SORT data_files)
set(page_files index.html loader.js kiosk.js a11y.js peer_bench.js own_files.js style.css)
set(entries "")
set(hashes "")
foreach(path ccap.js ccap.wasm ${data_files})
  file(SIZE "${WEB_OUT}/${path}" bytes)
  file(SHA256 "${WEB_OUT}/${path}" sha256)
  set(entry "    {\"path\": \"${path}\", \"bytes\": ${bytes}, \"sha256\": \"${sha256}\"")
  foreach(encoding br gz)
    set(packed "${WEB_OUT}/${path}.${encoding}")
    if(EXISTS "${packed}" AND "${packed}" IS_NEWER_THAN "${WEB_OUT}/${path}")  # newer or as old
      file(SIZE "${packed}" packed_bytes)
      string(APPEND entry ", \"${encoding}\": ${packed_bytes}")
    endif()
  endforeach()
  list(APPEND entries "${entry}}")
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
