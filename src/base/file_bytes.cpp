#include "base/file_bytes.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <sys/stat.h>

namespace ccap {

std::string not_a_regular_file(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISREG(st.st_mode)) return {};
  return S_ISDIR(st.st_mode) ? "is a directory" : "is not a regular file (a device or a pipe)";
}

FileBytes read_file_bytes(const std::string& path, std::size_t max_bytes) {
  if (std::string why = not_a_regular_file(path); !why.empty()) return {std::nullopt, path + ": " + why};
  struct Closer {
    void operator()(std::FILE* f) const { std::fclose(f); }
  };
  std::unique_ptr<std::FILE, Closer> f(std::fopen(path.c_str(), "rb"));
  if (!f) return {std::nullopt, path + ": cannot be opened: " + std::strerror(errno)};
  if (std::fseek(f.get(), 0, SEEK_END) != 0) return {std::nullopt, path + ": cannot be read"};
  const long size = std::ftell(f.get());
  if (size < 0) return {std::nullopt, path + ": cannot be read"};
  if (static_cast<unsigned long>(size) > max_bytes)
    return {std::nullopt,
            path + ": is " + std::to_string(size) + " bytes, more than the " + std::to_string(max_bytes) + " allowed"};
  std::rewind(f.get());
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (!bytes.empty() && std::fread(bytes.data(), 1, bytes.size(), f.get()) != bytes.size())
    return {std::nullopt, path + ": read failed"};
  return {std::move(bytes), {}};
}

}  // namespace ccap
