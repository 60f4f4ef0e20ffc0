#pragma once
// Text read a line at a time from a file or from memory, holding at most one line: an importer's
// memory does not grow with the file. A line longer than `max_line` bytes is not kept whole: its
// first `max_line` bytes come with its full length, and the rest is skipped.
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "pipeline/byte_stream.h"

namespace ccap::pipeline {

class LineReader {
 public:
  using ReadChunk = pipeline::ReadChunk;  // byte_stream.h

  struct Line {
    std::string_view text;  // without the line break ("\n" or "\r\n")
    std::size_t length;     // the whole line's length: more than text.size() when it was cut
    std::size_t number;     // from 1
    bool cut() const { return length > text.size(); }
  };

  static constexpr std::size_t kDefaultChunk = 1 << 20;  // bytes asked of `read` at a time

  LineReader(ReadChunk read, std::size_t max_line, std::size_t chunk = kDefaultChunk);
  static LineReader of_text(std::string_view text, std::size_t max_line);  // `text` must outlive it
  // The file at `path`, gunzipped when it is gzip (byte_stream.h); `error()` says why when it
  // cannot be opened or read.
  static LineReader of_file(const std::string& path, std::size_t max_line);

  // The next line, valid until the next call; nullopt at the end or on a read error.
  std::optional<Line> next();
  const std::string& error() const { return error_; }  // "<why>" when reading failed

 private:
  bool fill();  // the next bytes, once the last were all taken; false at the end

  ReadChunk read_;
  std::size_t max_line_;
  std::size_t chunk_;
  std::unique_ptr<char[]> buffer_;
  std::size_t pos_ = 0, end_ = 0;
  std::string line_;
  std::size_t number_ = 0;
  bool eof_ = false;
  std::string error_;
};

}  // namespace ccap::pipeline
