// Writes the binary seeds of the fuzz targets: a small valid basemap and air-quality file, made by
// the same encoders the pipeline uses (text seeds are kept in tests/fuzz/corpus/ as they are).
//   make_seeds <dir> [basemap.ccapmap]
// writes <dir>/basemap/{small,islands}.ccapmap and <dir>/airquality/small.ccapaq; given the built
// basemap, also its first level alone (Natural Earth 1:110m, ~40 KB: within the fuzzers' -max_len)
// as <dir>/basemap/natural_earth_110m.ccapmap.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "features/air/model/air_series.h"
#include "map/basemap_format.h"

namespace {
void write(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary)
      .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::fprintf(stderr, "usage: make_seeds <corpus dir> [basemap.ccapmap]\n");
    return 2;
  }
  const std::filesystem::path dir = argv[1];
  ccap::Basemap map;
  map.bounds = {100, 0, 140, 30};
  for (float zoom : {0.0f, 4.0f}) {
    ccap::BasemapLevel level;
    level.min_zoom = zoom;
    level.land_vertices = {{0.1f, 0.2f}, {0.3f, 0.2f}, {0.2f, 0.4f}, {0.35f, 0.45f}};
    level.land_indices = {0, 1, 2, 1, 3, 2};
    level.coastlines = {{{0.1f, 0.2f}, {0.3f, 0.2f}}, {{0.3f, 0.2f}, {0.2f, 0.4f}}};
    level.borders = {{{0.2f, 0.2f}, {0.2f, 0.4f}}};
    map.levels.push_back(level);
  }
  write(dir / "basemap" / "small.ccapmap", ccap::encode_basemap(map).bytes);

  // Islands in the shape of the real data: rings of vertices in order (each with a lake joined to
  // it by a strip), coastlines along them (forwards and backwards, some a world to the west, as
  // Natural Earth has the coast east of 180°), borders of new points, an empty level.
  ccap::Basemap islands;
  islands.bounds = {170, -20, -170, 20};
  for (float zoom : {0.0f, 2.0f, 3.0f}) {
    ccap::BasemapLevel level;
    level.min_zoom = zoom;
    if (zoom == 2.0f) {
      islands.levels.push_back(level);
      continue;
    }
    const int rings = zoom == 0 ? 3 : 6, n = zoom == 0 ? 12 : 40;
    for (int r = 0; r < rings; ++r) {
      const auto first = static_cast<std::uint32_t>(level.land_vertices.size());
      const float cx = 0.97f + 0.012f * static_cast<float>(r), cy = 0.5f;
      for (int k = 0; k < n; ++k) {  // the shore, wobbly, counter-clockwise
        const double a = 2 * M_PI * k / n, radius = 0.004 * (1 + 0.3 * std::sin(5.0 * a + r));
        level.land_vertices.push_back(
            {cx + static_cast<float>(radius * std::cos(a)), cy + static_cast<float>(radius * std::sin(a))});
      }
      for (int k = 0; k < 4; ++k) {  // a lake
        const double a = M_PI / 2 * k;
        level.land_vertices.push_back(
            {cx + static_cast<float>(0.001 * std::cos(a)), cy + static_cast<float>(0.001 * std::sin(a))});
      }
      const std::uint32_t lake = first + static_cast<std::uint32_t>(n);
      for (std::uint32_t k = 1; k + 1 < static_cast<std::uint32_t>(n) / 2; ++k)  // a fan on one side
        level.land_indices.insert(level.land_indices.end(), {first, first + k, first + k + 1});
      for (std::uint32_t k = 0; k < 4; ++k)  // a strip around the lake
        level.land_indices.insert(level.land_indices.end(),
                                  {lake + k, first + static_cast<std::uint32_t>(n) / 2 + k, lake + (k + 1) % 4});
      const bool west = r % 2 == 1, backwards = r % 3 == 2;
      for (int k = 0; k < n; ++k) {
        ccap::Vec2f a = level.land_vertices[first + static_cast<std::uint32_t>(k)],
                    b = level.land_vertices[first + static_cast<std::uint32_t>((k + 1) % n)];
        if (backwards) std::swap(a, b);
        if (west) a.x -= 1, b.x -= 1;
        level.coastlines.push_back({a, b});
      }
      if (backwards) std::reverse(level.coastlines.end() - n, level.coastlines.end());
      ccap::Vec2f at = level.land_vertices[first];
      for (int k = 0; k < 6; ++k) {  // a border inland, ending on the lake's shore
        const ccap::Vec2f next =
            k == 5 ? level.land_vertices[lake] : ccap::Vec2f{at.x - 0.0005f, at.y + (k % 2 ? 0.0007f : -0.0003f)};
        level.borders.push_back({at, next});
        at = next;
      }
    }
    islands.levels.push_back(level);
  }
  write(dir / "basemap" / "islands.ccapmap", ccap::encode_basemap(islands).bytes);
  if (argc == 3) {
    std::ifstream in(argv[2], std::ios::binary);
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), {});
    auto real = ccap::decode_basemap(bytes);
    if (real.map) {
      real.map->levels.resize(1);
      write(dir / "basemap" / "natural_earth_110m.ccapmap", ccap::encode_basemap(*real.map).bytes);
    } else {  // the fuzzing goes on with the other seeds; the unit tests catch a bad built file
      std::fprintf(stderr, "make_seeds: no seed from %s: %s\n", argv[2], real.error.c_str());
    }
  }

  ccap::AirQualityData air;
  air.description = "fuzz seed";
  air.first_hour = 1735689600;  // 2025-01-01 UTC
  air.hours = 48;
  for (std::uint32_t s = 0; s < 3; ++s) {
    ccap::AirStation st;
    st.id = "s" + std::to_string(s);
    st.name = "Station " + std::to_string(s);
    st.source = "synthetic demo data";
    st.city = s == 0 ? "taipei" : "";
    st.where = {121.5 + 0.1 * s, 25.0};
    st.synthetic = true;
    air.stations.push_back(st);
    std::vector<float> values(48);
    for (std::size_t h = 0; h < values.size(); ++h) values[h] = h % 7 == 3 ? NAN : 10.0f + static_cast<float>(h + s);
    air.series.push_back({s, s == 2 ? ccap::Pollutant::No2 : ccap::Pollutant::Pm25, values});
  }
  write(dir / "airquality" / "small.ccapaq", ccap::encode_air_quality(air));
  return 0;
}
