#pragma once
// Text cut into lines as its bytes arrive, in pieces of any size: the browser hands a file over a
// chunk at a time (Blob.stream(), one chunk a frame, so that the map keeps drawing), and the lines
// come out exactly as pipeline::LineReader reads them from a whole file. The same rules: a line
// ends at "\n" (a "\r" before it is dropped); a line longer than `max_line` bytes is not kept whole
// (its first `max_line` bytes come with its full length, the rest is skipped); lines are numbered
// from 1; a last line without a line break counts. Memory: at most one line (`max_line` + 1 bytes),
// whatever the chunks' sizes and the file's.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace ccap {

class LineSplitter {
 public:
  struct Line {
    std::string_view text;  // without the line break; valid during the call
    std::size_t length;     // the whole line's length: more than text.size() when it was cut
    std::size_t number;     // from 1
    bool cut() const { return length > text.size(); }
  };
  using OnLine = std::function<void(const Line&)>;

  explicit LineSplitter(std::size_t max_line) : max_line_(max_line) {}
  // The next bytes of the text: every line they complete goes to `on_line`, in order.
  void feed(std::string_view bytes, const OnLine& on_line);
  // The end of the text: its last line, if it had no line break.
  void finish(const OnLine& on_line);
  std::size_t lines() const { return number_; }

 private:
  void emit(const OnLine& on_line);
  std::size_t max_line_;
  std::string line_;        // the line so far, at most max_line_ + 1 bytes
  std::size_t length_ = 0;  // its whole length so far
  bool started_ = false;    // bytes of a line not yet emitted
  std::size_t number_ = 0;
};

}  // namespace ccap
