#pragma once
// Whole-file reads with a size limit and a message that names the file.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ccap {

struct FileBytes {
  std::optional<std::vector<std::uint8_t>> bytes;
  std::string error;  // "<path>: <why>" when !bytes
};

FileBytes read_file_bytes(const std::string& path, std::size_t max_bytes);

// Why `path` is not a file to read whole ("is a directory", "is not a regular file (a device or a
// pipe)"), or "" when it is one or does not exist (the open says so). A directory once read as
// 9.2e18 bytes, and /dev/zero was read for ever.
std::string not_a_regular_file(const std::string& path);

}  // namespace ccap
