#include "base/ui/dock_stack.h"

#include <algorithm>

namespace ccap {

void DockStack::show(Page page) {
  if (!pages_.empty() && pages_.back() == page) return;
  pages_.push_back(page);
  if (pages_.size() > kMaxDepth) pages_.erase(pages_.begin());
  ++revision_;
}

void DockStack::show_behind(Page page) {
  if (pages_.empty() || pages_.back() == page) return show(page);
  if (pages_.size() >= 2 && pages_[pages_.size() - 2] == page) return;
  pages_.insert(pages_.end() - 1, page);
  if (pages_.size() > kMaxDepth) pages_.erase(pages_.begin());
  ++revision_;
}

void DockStack::raise(Page page) {
  const auto it = std::find(pages_.begin(), pages_.end(), page);
  if (it == pages_.end() || it + 1 == pages_.end()) return;
  pages_.erase(it);
  pages_.push_back(page);
  ++revision_;
}

const char* page_kind_key(PageKind kind) {
  switch (kind) {
    case PageKind::City: return "city";
    case PageKind::Station: return "station";
    case PageKind::Knowledge: return "knowledge";
    case PageKind::Tour: return "tour";
    case PageKind::Link: return "link";
    case PageKind::Import: return "import";
  }
  return "?";
}

std::optional<PageKind> page_kind_named(std::string_view key) {
  for (PageKind k : {PageKind::City, PageKind::Station, PageKind::Knowledge})  // the kinds a link opens
    if (key == page_kind_key(k)) return k;
  return std::nullopt;
}

void DockStack::back() {
  if (pages_.empty()) return;
  pages_.pop_back();
  ++revision_;
}

void DockStack::close() {
  if (pages_.empty()) return;
  pages_.clear();
  ++revision_;
}

void DockStack::remove(PageKind kind) {
  const auto end = std::remove_if(pages_.begin(), pages_.end(), [&](const Page& p) { return p.kind == kind; });
  if (end == pages_.end()) return;
  pages_.erase(end, pages_.end());
  ++revision_;
}

std::optional<Page> DockStack::top() const {
  if (pages_.empty()) return std::nullopt;
  return pages_.back();
}

std::optional<Page> DockStack::topmost(PageKind kind) const {
  for (auto it = pages_.rbegin(); it != pages_.rend(); ++it)
    if (it->kind == kind) return *it;
  return std::nullopt;
}

}  // namespace ccap
