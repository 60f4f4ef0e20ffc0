#pragma once
// Which air-quality dataset the overlay shows, and when its file is fetched (air_datasets.h).
// One dataset at a time, so that the time axis is its period and values of different sets are
// never drawn side by side; the synthetic demo set only when asked for, and never beside a
// measured one. A dataset's file is fetched when it is needed, never before the first map frame:
// a city it serves is opened, the map shows its stations closely (zoom >= kViewZoom), or a visitor
// or a link picks it.
#include <optional>
#include <string>
#include <string_view>

#include "features/air/model/air_datasets.h"
#include "map/geo.h"

namespace ccap {

class DatasetPicker {
 public:
  static constexpr double kViewZoom = 6.5;  // the map shows a city's surroundings from here

  // (What is shown and coming stays: a refreshed index names the same sets.)
  void set_index(AirIndex index) { index_ = std::move(index); }
  const AirIndex& index() const { return index_; }
  bool indexed() const { return !index_.datasets.empty() || index_.demo.has_value(); }

  // What to fetch now (the dataset), or nullptr when nothing changes. Each call is a wish; the
  // file comes later (arrived).
  const AirDataset* want(std::string_view id);         // a dataset by id ("demo": the demo set)
  const AirDataset* want_city(std::string_view city);  // a partner city's measured set, if any
  // The view (degrees; west may exceed east across 180°) at `zoom`: the measured set whose
  // stations it shows, when none is shown or coming.
  const AirDataset* want_view(double west, double south, double east, double north, double zoom);
  // A place the map is about to show (a tour's stop, a search result): the set whose stations are
  // there, when none is shown or coming.
  const AirDataset* want_at(LngLat at);
  // The set on screen again, its file having changed (a refresh of the index), unless another is
  // coming: it stays on screen until the new file has arrived.
  const AirDataset* again();
  void set_demo(bool on) { demo_ = on; }
  bool demo() const { return demo_; }

  // The file of `id` arrived (ok) or could not be had: it is shown, or nothing new is.
  void arrived(std::string_view id, bool ok);
  void clear() { shown_.clear(), coming_.clear(); }

  const AirDataset* shown() const { return find(shown_); }
  const AirDataset* coming() const { return find(coming_); }
  const AirDataset* find(std::string_view id) const;
  // The measured set that serves `city` (its stations are the city's), or nullptr.
  const AirDataset* serving(std::string_view city) const;

 private:
  const AirDataset* fetch(const AirDataset* d);

  AirIndex index_;
  std::string shown_, coming_;  // ids; empty: none
  bool demo_ = false;
};

}  // namespace ccap
