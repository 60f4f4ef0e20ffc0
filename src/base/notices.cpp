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

void Notices::push(Notice notice) {
  if (notice.details.size() > kMaxNoticeDetails) {
    const std::size_t more = notice.details.size() - kMaxNoticeDetails;
    notice.details.resize(kMaxNoticeDetails);
    notice.details.push_back("… and " + std::to_string(more) + " more");
  }
  if (notices_.size() >= kMaxNotices) notices_.erase(notices_.begin());  // the oldest goes
  notice.serial = ++revision_;
  notices_.push_back(std::move(notice));
}

void Notices::remove_about(const std::string& file) {
  const std::string prefix = file + ":";
  std::erase_if(notices_, [&](const Notice& n) { return n.text.rfind(prefix, 0) == 0; });
}

std::size_t Notices::newer_than(std::size_t revision) const {
  std::size_t n = 0;
  for (const Notice& notice : notices_) n += notice.serial > revision;
  return n;
}

void Notices::add(Notice::Level level, std::string text) {
  for (const Notice& n : notices_)
    if (n.text == text) return;
  push({level, std::move(text), {}, 0});
}

void Notices::add_problems(Notice::Level level, const std::string& file, std::vector<std::string> problems) {
  if (problems.empty()) return;
  if (problems.size() == 1) return add(level, std::move(problems.front()));
  std::string text = file + ": " + std::to_string(problems.size()) + " problems; what each names was left out";
  for (Notice& n : notices_)
    if (n.text == text) return;
  push({level, std::move(text), std::move(problems), 0});
}

nlohmann::json Notices::to_json() const {
  nlohmann::json out = nlohmann::json::array();
  for (const Notice& n : notices_) {
    out.push_back({{"level", to_string(n.level)}, {"text", n.text}});
    if (!n.details.empty()) out.back()["details"] = n.details;
  }
  return out;
}

}  // namespace ccap
