#pragma once
// What the user is told about the app itself: a file that did not load, a layer that cannot be
// drawn. Notices persist for the session (the welcome card lists them) and do not pile up.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ccap {

struct Notice {
  enum class Level { Info, Warning, Error };
  Level level = Level::Info;
  std::string text;
  std::vector<std::string> details;  // every problem behind a summary notice, in file order
  std::size_t serial = 0;            // 1, 2, ... in the order added (Notices::revision)
};
const char* to_string(Notice::Level level);

// At most this many notices are kept (the oldest goes first) and this many details each (then
// "… and N more"): an app left running for days with a source that keeps failing stays bounded.
inline constexpr std::size_t kMaxNotices = 24, kMaxNoticeDetails = 100;

class Notices {
 public:
  // Adds a notice unless the same text is already shown.
  void add(Notice::Level level, std::string text);
  // The problems found reading `file`: one notice that counts them and keeps every one as a
  // detail (a single problem is the notice itself). Nothing is added for none.
  void add_problems(Notice::Level level, const std::string& file, std::vector<std::string> problems);
  // Removes the notices about `file` (its summary, or its one problem, which starts "<file>:"):
  // what an earlier link said is wrong no longer holds once another link is opened.
  void remove_about(const std::string& file);
  const std::vector<Notice>& all() const { return notices_; }
  // The serial of the last notice added (0: none yet), and how many kept notices came after
  // `revision`: what a reader who last looked at `revision` has not seen.
  std::size_t revision() const { return revision_; }
  std::size_t newer_than(std::size_t revision) const;
  nlohmann::json to_json() const;

 private:
  void push(Notice notice);
  std::vector<Notice> notices_;
  std::size_t revision_ = 0;
};

}  // namespace ccap
