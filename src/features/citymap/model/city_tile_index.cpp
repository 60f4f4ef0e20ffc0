#include "features/citymap/model/city_tile_index.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "base/json_reader.h"

namespace ccap {

double CityTileEntry::world_size() const { return std::ldexp(1.0, -z); }

double CityTileEntry::min_zoom() const { return z - kTileFadeZooms; }
double CityTileEntry::world_west() const { return x * world_size(); }
double CityTileEntry::world_north() const { return y * world_size(); }

namespace {

constexpr int kMaxZoom = 16;
constexpr std::uint64_t kMaxTileBytes = 16u << 20;

bool is_tile_file(const std::string& f) {  // a plain name beside index.json, never a path
  if (f.empty() || f.size() > 64 || f.find('/') != std::string::npos || f.find('\\') != std::string::npos ||
      f.find("..") != std::string::npos)
    return false;
  return f.size() > 8 && f.compare(f.size() - 8, 8, ".ccapmap") == 0;
}

}  // namespace

CityTileIndex read_city_tile_index(std::string_view json_text, const std::string& file_name) {
  CityTileIndex out;
  JsonProblems problems(file_name);
  const auto doc = parse_json(json_text, problems);
  if (doc) {
    JsonObject root(*doc, "", problems);
    const int format = root.integer("format", 0, 1000);
    if (root.ok() && format != kCityTileIndexFormat) {
      problems.add("/format", "is " + std::to_string(format) + "; this build reads format " +
                                  std::to_string(kCityTileIndexFormat));
    } else if (root.ok()) {
      out.attribution = root.text("attribution");
      out.places_file = root.text("places", Presence::Optional);
      if (!out.places_file.empty() &&
          (out.places_file.find('/') != std::string::npos || out.places_file.find("..") != std::string::npos)) {
        problems.add("/places", "is not a plain file name");
        out.places_file.clear();
      }
      const nlohmann::json& tiles = array_at(*doc, "", "tiles", Presence::Required, problems);
      for (std::size_t i = 0; i < tiles.size(); ++i) {
        JsonObject t(tiles[i], json_pointer("/tiles", i), problems);
        CityTileEntry e;
        e.z = t.integer("z", 0, kMaxZoom);
        const int side = 1 << e.z;
        e.x = t.integer("x", 0, side - 1);
        e.y = t.integer("y", 0, side - 1);
        e.file = t.text("file");
        e.bytes = static_cast<std::uint64_t>(t.number("bytes", 1, static_cast<double>(kMaxTileBytes)));
        const std::string sum = t.text("fnv1a64");
        if (!t.ok()) continue;
        if (!is_tile_file(e.file)) {
          problems.add(t.pointer("file"), "\"" + e.file + "\" is not a plain .ccapmap file name");
          continue;
        }
        const bool hex = sum.size() == 16 && std::all_of(sum.begin(), sum.end(), [](char c) {
                           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
                         });
        e.fnv1a64 = hex ? std::strtoull(sum.c_str(), nullptr, 16) : 0;
        if (!hex) {
          problems.add(t.pointer("fnv1a64"), "is not 16 hexadecimal digits");
          continue;
        }
        out.tiles.push_back(std::move(e));
      }
    }
  }
  out.problems = problems.take();
  return out;
}

}  // namespace ccap
