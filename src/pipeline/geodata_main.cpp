// ccap_geodata: the offline geodata pipeline.
//
//   ccap_geodata basemap --out FILE --level ZOOM --land SRC --countries SRC [--level ...]
//
// SRC is a vector file GDAL reads, optionally with "#layer". Every problem is listed with file,
// feature and reason, and then nothing is written; on success FILE is replaced atomically.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/basemap_format.h"
#include "pipeline/atomic_file.h"
#include "pipeline/airquality/json_importers.h"
#include "pipeline/airquality/openaq_csv.h"
#include "pipeline/airquality/series_builder.h"
#include "pipeline/basemap_builder.h"
#include "core/air_series.h"
#include "core/file_bytes.h"

namespace {

int usage(const char* why) {
  if (why) std::fprintf(stderr, "ccap_geodata: %s\n", why);
  std::fprintf(stderr,
               "usage: ccap_geodata basemap --out FILE --level ZOOM --land SRC --countries SRC [--level ...]\n"
               "       ccap_geodata airquality --out FILE [--openaq CSV] [--moenv JSON] [--air4thai JSON] ...\n"
               "  SRC: a vector file GDAL reads, optionally FILE#LAYER\n");
  return 2;
}

int basemap(int argc, char** argv) {
  std::string out;
  std::vector<ccap::pipeline::LevelSpec> levels;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    if (arg == "--out") {
      out = value;
    } else if (arg == "--level") {
      char* end = nullptr;
      const float zoom = std::strtof(value.c_str(), &end);
      if (end == value.c_str() || *end) return usage(("--level wants a zoom number, not '" + value + "'").c_str());
      levels.push_back({zoom, {}, {}});
    } else if ((arg == "--land" || arg == "--countries") && !levels.empty()) {
      (arg == "--land" ? levels.back().land : levels.back().countries) = ccap::pipeline::SourceRef::parse(value);
    } else {
      return usage(("unexpected argument " + arg).c_str());
    }
  }
  if (out.empty()) return usage("--out is required");
  for (const auto& l : levels)
    if (l.land.path.empty() || l.countries.path.empty()) return usage("every --level needs --land and --countries");

  const auto start = std::chrono::steady_clock::now();
  const auto result = ccap::pipeline::build_basemap(levels);
  if (!result.map) {
    for (const auto& e : result.errors) std::fprintf(stderr, "error: %s\n", e.c_str());
    std::fprintf(stderr, "ccap_geodata: %zu problem(s); %s was not written\n", result.errors.size(), out.c_str());
    return 1;
  }
  const auto bytes = ccap::encode_basemap(*result.map);
  if (auto why = ccap::pipeline::write_file_atomically(out, bytes); !why.empty()) {
    std::fprintf(stderr, "error: %s\n", why.c_str());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::size_t i = 0; i < result.stats.size(); ++i) {
    const auto& s = result.stats[i];
    std::printf("level %zu (zoom >= %g): %zu land features (%zu polygons repaired) -> %zu triangles; "
                "%zu countries -> %zu coast + %zu border segments\n",
                i, static_cast<double>(levels[i].min_zoom), s.land_features, s.repaired_polygons, s.triangles, s.countries,
                s.coast_segments, s.border_segments);
  }
  std::printf("wrote %s: %zu bytes in %.2f s\n", out.c_str(), bytes.size(), seconds);
  return 0;
}

// Imports every given file, reports what was rejected and why, and writes hourly series, unless a
// file could not be read at all (then nothing is written).
int airquality(int argc, char** argv) {
  using namespace ccap::airquality;
  std::string out;
  std::vector<SourcedReadings> inputs;
  bool failed = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    if (arg == "--out") {
      out = value;
      continue;
    }
    const char* source = arg == "--openaq" ? "OpenAQ" : arg == "--moenv" ? "MOENV" : arg == "--air4thai" ? "air4thai" : nullptr;
    if (!source) return usage(("unexpected argument " + arg).c_str());
    const ccap::FileBytes file = ccap::read_file_bytes(value, 512u << 20);
    if (!file.bytes) {
      std::fprintf(stderr, "error: %s\n", file.error.c_str());
      failed = true;
      continue;
    }
    const std::string_view text(reinterpret_cast<const char*>(file.bytes->data()), file.bytes->size());
    ImportResult r = arg == "--openaq" ? import_openaq_csv(text, value)
                     : arg == "--moenv" ? import_moenv_json(text, value)
                                        : import_air4thai_json(text, value);
    if (!r.fatal.empty()) {
      std::fprintf(stderr, "error: %s\n", r.fatal.c_str());
      failed = true;
      continue;
    }
    std::printf("%s: %zu readings, %zu records rejected\n", value.c_str(), r.readings.size(), r.rejected_total());
    for (std::size_t k = 0; k < r.rejected.size(); ++k)
      if (r.rejected[k]) std::printf("  %zu x %s\n", r.rejected[k], reject_name(static_cast<Reject>(k)));
    for (const std::string& e : r.examples) std::printf("    e.g. %s\n", e.c_str());
    inputs.push_back({source, std::move(r.readings)});
  }
  if (out.empty()) return usage("--out is required");
  if (failed) {
    std::fprintf(stderr, "ccap_geodata: %s was not written\n", out.c_str());
    return 1;
  }
  const ccap::AirQualityData data = build_series(inputs);
  const auto bytes = ccap::encode_air_quality(data);
  if (auto why = ccap::pipeline::write_file_atomically(out, bytes); !why.empty()) {
    std::fprintf(stderr, "error: %s\n", why.c_str());
    return 1;
  }
  std::printf("wrote %s: %zu stations, %zu series, %u hours, %zu bytes\n", out.c_str(), data.stations.size(),
              data.series.size(), data.hours, bytes.size());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage(nullptr);
  const std::string command = argv[1];
  if (command == "basemap") return basemap(argc, argv);
  if (command == "airquality") return airquality(argc, argv);
  if (command == "--help" || command == "-h") return usage(nullptr), 0;
  return usage(("unknown command " + command).c_str());
}
