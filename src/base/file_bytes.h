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

}  // namespace ccap
