// libFuzzer target: the city-scale map's index and places readers (features/citymap/model). Never
// crash, hang or throw; every tile read is within the index's limits (a plain .ccapmap name, x and
// y inside its zoom), and every place has usable coordinates.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "features/citymap/model/city_places.h"
#include "features/citymap/model/city_tile_index.h"
#include "features/citymap/model/tile_picker.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ccap::CityTileIndex index = ccap::read_city_tile_index(text, "tiles/index.json");
  for (const ccap::CityTileEntry& t : index.tiles) {
    if (t.z < 0 || t.z > 16 || t.x < 0 || t.y < 0 || t.x >= (1 << t.z) || t.y >= (1 << t.z)) std::abort();
    if (t.file.find('/') != std::string::npos || t.file.find("..") != std::string::npos) std::abort();
  }
  ccap::TilePicker picker(index);  // and the picker takes whatever the index holds
  const auto plan = picker.update({0, 0, 1, 1}, 9, 1);
  for (ccap::CityTileId id : plan.fetch) picker.arrived(id, true);
  if (picker.coming() > ccap::kMaxInFlight) std::abort();
  const ccap::CityPlaces places = ccap::read_city_places(text, "tiles/places.json");
  for (const ccap::CityPlace& p : places.places)
    if (!std::isfinite(p.where.lng) || std::abs(p.where.lat) > 90 || p.name.empty()) std::abort();
  return 0;
}
