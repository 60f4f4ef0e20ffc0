#include "base/notices.h"

#include <nlohmann/json.hpp>

namespace ccap {

const char* to_string(Notice::Level level) {
  switch (level) {
    case Notice::Level::Info: return "info";
    case Notice::Level::Warning: return "warning";
    case Notice::Level::Error: return "error";
  }
  return "?";
}

void Notices::add(Notice::Level level, std::string text) {
  for (const Notice& n : notices_)
    if (n.text == text) return;
  notices_.push_back({level, std::move(text)});
}

nlohmann::json Notices::to_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const Notice& n : notices_) out.push_back({{"level", to_string(n.level)}, {"text", n.text}});
  return out;
}

}  // namespace ccap
