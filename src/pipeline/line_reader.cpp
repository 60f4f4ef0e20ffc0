#include "pipeline/line_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace ccap::pipeline {

namespace {
constexpr std::size_t kChunk = 1 << 20;  // bytes read at a time
}  // namespace

LineReader::LineReader(ReadChunk read, std::size_t max_line) : read_(std::move(read)), max_line_(max_line) {}

LineReader LineReader::of_text(std::string_view text, std::size_t max_line) {
  return LineReader(
      [text](char* into, std::size_t max, std::string&) mutable {
        const std::size_t n = std::min(max, text.size());
        std::memcpy(into, text.data(), n);
        text.remove_prefix(n);
        return n;
      },
      max_line);
}

LineReader LineReader::of_file(const std::string& path, std::size_t max_line) {
  std::shared_ptr<std::FILE> file(std::fopen(path.c_str(), "rb"), [](std::FILE* f) {
    if (f) std::fclose(f);
  });
  const std::string opened = file ? std::string() : std::string("cannot be opened: ") + std::strerror(errno);
  LineReader reader(
      [file, opened](char* into, std::size_t max, std::string& error) {
        if (!file) {
          error = opened;
          return std::size_t{0};
        }
        const std::size_t n = std::fread(into, 1, max, file.get());
        if (n == 0 && std::ferror(file.get())) error = std::string("read failed: ") + std::strerror(errno);
        return n;
      },
      max_line);
  reader.file_ = file;
  return reader;
}

bool LineReader::fill() {
  if (eof_) return false;
  if (pos_ == end_) pos_ = end_ = 0;
  if (buffer_.size() < kChunk) buffer_.resize(kChunk);
  if (pos_ > 0 && end_ == buffer_.size()) {  // room at the back: move what is left to the front
    std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
    end_ -= pos_;
    pos_ = 0;
  }
  const std::size_t n = read_(buffer_.data() + end_, buffer_.size() - end_, error_);
  if (n == 0) eof_ = true;
  end_ += n;
  return n > 0;
}

std::optional<LineReader::Line> LineReader::next() {
  line_.clear();
  std::size_t length = 0;
  bool any = false;
  while (true) {
    if (pos_ == end_ && !fill()) break;
    any = true;
    const char* start = buffer_.data() + pos_;
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
