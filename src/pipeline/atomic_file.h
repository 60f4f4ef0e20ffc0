#pragma once
// Writing output so that it is either all there or not there at all: the bytes go to a temporary
// file beside the target, which is renamed over it only when complete.
#include <cstdint>
#include <span>
#include <string>

namespace ccap::pipeline {

// Returns an empty string on success, else what went wrong (and no file is left behind).
std::string write_file_atomically(const std::string& path, std::span<const std::uint8_t> bytes);

}  // namespace ccap::pipeline
