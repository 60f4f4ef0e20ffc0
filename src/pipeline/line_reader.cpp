#include "pipeline/line_reader.h"

#include <algorithm>
#include <cstring>

namespace ccap::pipeline {

LineReader::LineReader(ReadChunk read, std::size_t max_line, std::size_t chunk)
    : read_(std::move(read)), max_line_(max_line), chunk_(std::max<std::size_t>(chunk, 1)) {}

LineReader LineReader::of_text(std::string_view text, std::size_t max_line) {
  return LineReader(
      [text](char* into, std::size_t max, std::string&) mutable {
        const std::size_t n = std::min(max, text.size());
        std::memcpy(into, text.data(), n);
        text.remove_prefix(n);
        return n;
      },
      max_line, std::min(text.size() + 1, kDefaultChunk));  // (a short text: no 1 MB buffer)
}

LineReader LineReader::of_file(const std::string& path, std::size_t max_line) {
  return LineReader(file_stream(path), max_line);
}

// Called when every byte read so far has been taken (a line longer than the buffer is gathered
// in `line_`, so the buffer never has to hold one).
bool LineReader::fill() {
  if (eof_) return false;
  if (!buffer_) buffer_.reset(new char[chunk_]);  // uninitialised: the reads fill it
  pos_ = 0;
  end_ = read_(buffer_.get(), chunk_, error_);
  if (end_ == 0) eof_ = true;
  return end_ > 0;
}

std::optional<LineReader::Line> LineReader::next() {
  line_.clear();
  std::size_t length = 0;
  bool any = false;
  while (true) {
    if (pos_ == end_ && !fill()) break;
    any = true;
    const char* start = buffer_.get() + pos_;
    const auto* nl = static_cast<const char*>(std::memchr(start, '\n', end_ - pos_));
    const std::size_t n = nl ? static_cast<std::size_t>(nl - start) : end_ - pos_;
    if (line_.size() < max_line_ + 1)  // one byte over, to know a "\r" before the break is not cut off
      line_.append(start, std::min(n, max_line_ + 1 - line_.size()));
    length += n;
    pos_ += n;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!error_.empty() || (!any && length == 0)) return std::nullopt;
  if (length > 0 && line_.size() == length && line_.back() == '\r') {
    line_.pop_back();
    --length;
  } else if (length > max_line_ && line_.size() > max_line_) {
    line_.resize(max_line_);  // cut: its "\r", if any, is part of the length
  }
  return Line{line_, length, ++number_};
}

}  // namespace ccap::pipeline
