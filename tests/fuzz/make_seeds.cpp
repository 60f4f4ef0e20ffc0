// Writes the binary seeds of the fuzz targets: a small valid basemap and air-quality file, made by
// the same encoders the pipeline uses (text seeds are kept in tests/fuzz/corpus/ as they are).
//   make_seeds <dir>   writes <dir>/basemap/small.ccapmap and <dir>/airquality/small.ccapaq
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
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
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds <corpus dir>\n");
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
  write(dir / "basemap" / "small.ccapmap", ccap::encode_basemap(map));

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
