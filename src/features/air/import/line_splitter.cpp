#include "features/air/import/line_splitter.h"

#include <algorithm>

namespace ccap {

void LineSplitter::feed(std::string_view bytes, const OnLine& on_line) {
  while (!bytes.empty()) {
    const std::size_t nl = bytes.find('\n');
    const std::size_t n = nl == std::string_view::npos ? bytes.size() : nl;
    if (line_.size() < max_line_ + 1)  // one byte over, to know a "\r" before the break is not cut off
      line_.append(bytes.data(), std::min(n, max_line_ + 1 - line_.size()));
    length_ += n;
    started_ = true;
    if (nl == std::string_view::npos) return;
    emit(on_line);
    bytes.remove_prefix(nl + 1);
  }
}

void LineSplitter::finish(const OnLine& on_line) {
  if (started_ && length_ > 0) emit(on_line);
}

void LineSplitter::emit(const OnLine& on_line) {
  std::size_t length = length_;
  if (length > 0 && line_.size() == length && line_.back() == '\r') {
    line_.pop_back();
    --length;
  } else if (length > max_line_ && line_.size() > max_line_) {
    line_.resize(max_line_);  // cut: its "\r", if any, is part of the length
  }
  on_line({line_, length, ++number_});
  line_.clear();
  length_ = 0;
  started_ = false;
}

}  // namespace ccap
