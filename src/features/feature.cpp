#include "features/feature.h"

#include "base/file_bytes.h"

namespace ccap {

std::optional<std::vector<std::uint8_t>> InitContext::read(const DataFile& file) {
  FileBytes read = read_file_bytes(path(file), file.max_bytes);
  if (!read.bytes) not_loaded(file, read.error);
  return std::move(read.bytes);
}

void tell_not_loaded(Notices& notices, const DataFile& file, const std::string& why) {
  notices.add(file.level, std::string(file.what) + " not loaded (" + why + ")" + file.consequence + ".");
}

bool InitContext::drawable(const char* what, const std::string& error) {
  if (!error.empty()) notices.add(Notice::Level::Error, std::string(what) + " cannot be drawn: " + error);
  return error.empty();
}

}  // namespace ccap
