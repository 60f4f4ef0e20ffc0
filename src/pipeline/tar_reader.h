#pragma once
// The members of a tar archive (POSIX ustar and GNU tar, as Debian's tar writes them), one at a
// time from a stream (byte_stream.h: a .tar.gz is gunzipped on the way), each regular file's
// bytes whole: an archive of snapshots is read without unpacking it, and its size does not
// bound anything but the time taken.
//
// A header block is 512 bytes: name (100), mode, uid, gid, size (12 octal digits, or GNU's
// base-256 with the top bit set), mtime, checksum (the sum of the header's bytes with the
// checksum field as spaces), type flag, ..., "ustar" magic at 257, prefix (155) at 345. The data
// follow, padded to 512; two zero blocks end the archive. GNU long names (type 'L') and pax
// headers (type 'x', 'g') are read for the name and otherwise skipped.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/byte_stream.h"

namespace ccap::pipeline {

class TarReader {
 public:
  struct Member {
    std::string name;
    std::vector<std::uint8_t> bytes;
    bool too_large = false;  // more than max_member bytes: skipped, `bytes` empty
  };

  TarReader(ReadChunk stream, std::size_t max_member) : stream_(std::move(stream)), max_member_(max_member) {}

  // The next regular file, or nullopt at the end of the archive or on an error (`error()` then
  // says what: "member 12 ('x.json'): the archive ends inside it", "a header's checksum is wrong").
  std::optional<Member> next();
  const std::string& error() const { return error_; }

 private:
  bool read_exact(std::uint8_t* into, std::size_t n);  // false at the end (error_ set if mid-way)
  bool skip(std::uint64_t n);

  ReadChunk stream_;
  std::size_t max_member_;
  std::size_t members_ = 0;
  std::string error_;
};

}  // namespace ccap::pipeline
