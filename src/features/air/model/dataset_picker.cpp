#include "features/air/model/dataset_picker.h"

#include <algorithm>

namespace ccap {

const AirDataset* DatasetPicker::find(std::string_view id) const {
  if (id.empty()) return nullptr;
  if (index_.demo && id == index_.demo->id) return &*index_.demo;
  const auto it =
      std::find_if(index_.datasets.begin(), index_.datasets.end(), [&](const auto& d) { return d.id == id; });
  return it == index_.datasets.end() ? nullptr : &*it;
}

const AirDataset* DatasetPicker::serving(std::string_view city) const {
  const auto it =
      std::find_if(index_.datasets.begin(), index_.datasets.end(), [&](const auto& d) { return d.serves(city); });
  return it == index_.datasets.end() ? nullptr : &*it;
}

const AirDataset* DatasetPicker::fetch(const AirDataset* d) {
  if (!d || d->id == shown_ || d->id == coming_) return nullptr;
  coming_ = d->id;
  return d;
}

const AirDataset* DatasetPicker::want(std::string_view id) {
  const AirDataset* d = find(id);
  if (d && d->synthetic != demo_) return nullptr;  // never a measured set in demo mode, nor the demo outside it
  return fetch(d);
}

const AirDataset* DatasetPicker::want_city(std::string_view city) { return demo_ ? nullptr : fetch(serving(city)); }

namespace {
// `at` within the set's stations (a little beyond), on any copy of the world.
bool near(const AirDataset& d, LngLat at) {
  constexpr double kMargin = 0.3;  // degrees: a city's edge beyond its outermost station
  for (double shift : {-360.0, 0.0, 360.0})
    if (at.lng + shift >= d.west - kMargin && at.lng + shift <= d.east + kMargin && at.lat >= d.south - kMargin &&
        at.lat <= d.north + kMargin)
      return true;
  return false;
}
}  // namespace

const AirDataset* DatasetPicker::want_at(LngLat at) {
  if (demo_ || !coming_.empty()) return nullptr;
  if (const AirDataset* s = shown(); s && near(*s, at)) return nullptr;
  const auto it =
      std::find_if(index_.datasets.begin(), index_.datasets.end(), [&](const auto& d) { return near(d, at); });
  return it == index_.datasets.end() ? nullptr : fetch(&*it);
}

const AirDataset* DatasetPicker::want_view(double west, double south, double east, double north, double zoom) {
  if (zoom < kViewZoom) return nullptr;
  return want_at({(west + east) / 2, (south + north) / 2});
}

const AirDataset* DatasetPicker::again() {
  const AirDataset* d = shown();
  if (!d || !coming_.empty()) return nullptr;
  coming_ = d->id;
  return d;
}

void DatasetPicker::arrived(std::string_view id, bool ok) {
  if (id != coming_) return;  // a wish given up since
  if (ok) shown_ = coming_;
  coming_.clear();
}

}  // namespace ccap
