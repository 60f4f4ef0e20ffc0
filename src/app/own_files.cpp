// Your own data's way into the app (issue 29): the page's import calls (app/page_api.h) and, natively,
// `--open FILE...`, both handing files to the air feature a chunk at a time. The partner cities come
// from the partnership feature here, where the app composes the two (a feature never calls another).
#include <algorithm>
#include <cstdio>

#include "app/atlas_app.h"

#ifndef __EMSCRIPTEN__
#include <zlib.h>
#endif

namespace ccap {

bool AtlasApp::import_begin(std::size_t files) {
  wake();
  return !config_.kiosk && air_.import_begin(files);
}

void AtlasApp::import_file(const std::string& name, std::uint64_t size) { air_.import_file(name, size); }

int AtlasApp::import_chunk(std::span<const std::uint8_t> bytes) {
  wake();  // the progress bar moves
  return air_.import_chunk(bytes);
}

void AtlasApp::import_file_end(const std::string& error) { air_.import_file_end(error); }

void AtlasApp::import_end() {
  std::vector<airquality::PartnerPlace> cities;
  if (const Partnership* p = partnership_.partnership())
    for (const City& c : p->cities) cities.push_back({c.id, c.name, c.where});
  air_.import_end(cities, notices_, commands_);  // (the map flies to them after the next frame)
  wake();
}

void AtlasApp::import_paths(const std::vector<std::string>& paths) {
#ifdef __EMSCRIPTEN__
  (void)paths;  // the page reads the files (web/loader.js)
#else
  if (paths.empty() || !import_begin(paths.size())) return;
  std::vector<std::uint8_t> chunk(1u << 20);
  for (const std::string& path : paths) {
    std::string error;
    std::uint64_t size = 0;
    if (std::FILE* f = std::fopen(path.c_str(), "rb")) {
      if (std::fseek(f, 0, SEEK_END) == 0) size = static_cast<std::uint64_t>(std::max(0L, std::ftell(f)));
      std::fclose(f);
    }
    const std::string name = path.substr(path.find_last_of('/') + 1);
    import_file(name, size);
    gzFile in = gzopen(path.c_str(), "rb");  // reads a file that is not gzipped as it is
    if (!in) {
      import_file_end("cannot be opened");
      continue;
    }
    bool wanted = true;
    int n = 0;
    while (wanted && (n = gzread(in, chunk.data(), static_cast<unsigned>(chunk.size()))) > 0)
      wanted = import_chunk({chunk.data(), static_cast<std::size_t>(n)}) == 1;
    // A gzip cut short reads as far as it goes, then says Z_BUF_ERROR; a damaged one, Z_DATA_ERROR.
    int code = Z_OK;
    const char* why = gzerror(in, &code);
    if (wanted && code == Z_BUF_ERROR)
      error = "the gzip data is cut short";
    else if (wanted && (n < 0 || (code != Z_OK && code != Z_STREAM_END)))
      error = why && *why ? why : "a read error";
    gzclose(in);
    import_file_end(error);
  }
  import_end();
#endif
}

}  // namespace ccap
