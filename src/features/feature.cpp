#include "features/feature.h"

#include <algorithm>

#include "base/file_bytes.h"

namespace ccap {

std::optional<std::vector<std::uint8_t>> InitContext::read(const DataFile& file) {
  std::string why;
  auto bytes = read_quietly(file, why);
  if (!bytes) not_loaded(file, why);
  return bytes;
}

std::optional<std::vector<std::uint8_t>> InitContext::read_quietly(const DataFile& file, std::string& why) const {
  if (std::find(missing.begin(), missing.end(), file.name) != missing.end()) {
    why = std::string(file.name) + " could not be downloaded (tried 5 times)";
    return std::nullopt;
  }
  FileBytes read = read_file_bytes(path(file), file.max_bytes);
  if (!read.bytes) why = read.error;
  return std::move(read.bytes);
}

bool InitContext::comes_later(const DataFile& file) const {
  return std::find(later.begin(), later.end(), file.name) != later.end();
}

void tell_not_loaded(Notices& notices, const DataFile& file, const std::string& why) {
  notices.add(file.level, std::string(file.what) + " not loaded (" + why + ")" + file.consequence + ".");
}

bool InitContext::drawable(const char* what, const std::string& error) {
  if (!error.empty()) notices.add(Notice::Level::Error, std::string(what) + " cannot be drawn: " + error);
  return error.empty();
}

}  // namespace ccap
