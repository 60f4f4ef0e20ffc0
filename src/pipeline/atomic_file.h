#pragma once
// Writing output so that it is either all there or not there at all: the bytes go to a temporary
// file beside the target, "<target>.tmp-<pid>", which is renamed over it only when complete. A run
// that was killed mid-write (kill -9, a power cut) leaves its temporary file; the next write of
// the same target removes every such file whose process no longer runs.
#include <cstdint>
#include <span>
#include <string>

namespace ccap::pipeline {

// Returns an empty string on success, else what went wrong (and no file is left behind).
std::string write_file_atomically(const std::string& path, std::span<const std::uint8_t> bytes);

// Removes "<path>.tmp-<pid>" files left by processes that no longer run; returns how many.
int remove_stale_temporaries(const std::string& path);

}  // namespace ccap::pipeline
