#pragma once
// The one detail panel's pages: a city, a station, the Knowledge Platform. The top page is shown,
// the rest wait below it, so "Back" returns to what was open before (a city -> one of its
// practices -> back to the city). Features open pages when the user chooses something and read
// the stack to know what is still open: a feature's selection is its topmost page, so closing the
// panel (or Escape) and Back need no message to the feature. Pure data.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace ccap {

// Tour: a kiosk's tour caption; Link: a link a kiosk shows as a QR code instead of opening it.
enum class PageKind : std::uint8_t { City, Station, Knowledge, Tour, Link, Import };

struct Page {
  PageKind kind = PageKind::City;
  std::uint32_t id = 0;  // the owner's: a city or station index; 0 for the Knowledge Platform
  friend bool operator==(const Page&, const Page&) = default;
};

class DockStack {
 public:
  static constexpr std::size_t kMaxDepth = 16;  // the oldest page is dropped beyond this

  // Puts `page` on top (nothing changes when it is on top already).
  void show(Page page);
  // Puts `page` just under the top one: chosen, but what is open stays in view (Back shows it).
  // With no page open, the same as show().
  void show_behind(Page page);
  void back();   // the top page closes; the one below shows again
  void close();  // every page closes
  // Moves `page` to the top (nothing happens when it is not open).
  void raise(Page page);
  // Drops every page of `kind` (its content was replaced).
  void remove(PageKind kind);

  std::optional<Page> top() const;
  std::optional<Page> topmost(PageKind kind) const;          // the highest page of that kind, shown or not
  const std::vector<Page>& pages() const { return pages_; }  // bottom first
  bool empty() const { return pages_.empty(); }
  std::size_t size() const { return pages_.size(); }
  // Counts every change, so that a reader can tell its pages moved since it last looked.
  std::uint64_t revision() const { return revision_; }

 private:
  std::vector<Page> pages_;  // bottom first
  std::uint64_t revision_ = 0;
};

// A page's kind as links name it ("city", "station", "knowledge", "tour", "link"), and back.
const char* page_kind_key(PageKind kind);
std::optional<PageKind> page_kind_named(std::string_view key);

// The page of a typed id (a CityId, a StationId).
template <class IdType>
Page page_of(PageKind kind, IdType id) {
  return {kind, static_cast<std::uint32_t>(id.index())};
}

// A feature's selection changed: its page on top, or, for none, every page of its kind closed.
template <class IdType>
void show_selection(DockStack& dock, PageKind kind, std::optional<IdType> id) {
  if (id)
    dock.show(page_of(kind, *id));
  else
    dock.remove(kind);
}

// The selection a feature's topmost page of `kind` stands for: an id into a table of `count`
// entries (nullopt when there is no such page, or it names no entry of the table).
template <class IdType>
std::optional<IdType> selection_in(const DockStack& dock, PageKind kind, std::size_t count,
                                   std::uint32_t generation = 0) {
  const std::optional<Page> page = dock.topmost(kind);
  if (!page || page->id >= count) return std::nullopt;
  return IdType(page->id, generation);
}

}  // namespace ccap
