#pragma once
// What the user is told about the app itself: a file that did not load, a layer that cannot be
// drawn. Notices persist for the session (the welcome card lists them) and do not pile up.
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ccap {

struct Notice {
  enum class Level { Info, Warning, Error };
  Level level = Level::Info;
  std::string text;
};
const char* to_string(Notice::Level level);

class Notices {
 public:
  // Adds a notice unless the same text is already shown.
  void add(Notice::Level level, std::string text);
  const std::vector<Notice>& all() const { return notices_; }
  nlohmann::json to_json() const;

 private:
  std::vector<Notice> notices_;
};

}  // namespace ccap
