// ccap_geodata: the offline geodata pipeline.
//
//   ccap_geodata basemap --out FILE --level ZOOM --land SRC --countries SRC [--level ...]
//
// SRC is a vector file GDAL reads, optionally with "#layer". Every problem is listed with file,
// feature and reason, and then nothing is written; on success FILE is replaced atomically.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include "base/binary_io.h"
#include "base/file_bytes.h"
#include "base/text_format.h"
#include "features/air/import/series_builder.h"
#include "features/air/model/air_series.h"
#include "features/air/model/air_timeline.h"
#include "features/air/model/synthetic_readings.h"
#include "features/partnership/model/partnership.h"
#include "map/basemap_format.h"
#include "pipeline/airquality/dataset_build.h"
#include "pipeline/airquality/json_importers.h"
#include "pipeline/airquality/openaq_csv.h"
#include "pipeline/airquality/station_points.h"
#include "pipeline/atomic_file.h"
#include "pipeline/basemap_builder.h"
#include "pipeline/city_places.h"
#include "pipeline/city_tiles.h"
#include "pipeline/refresh/http_fetch.h"
#include "pipeline/refresh/refresh_job.h"

namespace {

int usage(const char* why) {
  if (why) std::fprintf(stderr, "ccap_geodata: %s\n", why);
  std::fprintf(
      stderr,
      "usage: ccap_geodata basemap --out FILE --level ZOOM --land SRC --countries SRC [--level ...]\n"
      "       ccap_geodata airquality --out FILE [--stations SRC] [--openaq CSV] [--moenv JSON] [--air4thai JSON] ...\n"
      "                               [--max-hours N]  (the longest time span written; at most 96,624, eleven years)\n"
      "                               [--allow-empty]  (write a file with no station or no reading; else refused)\n"
      "       ccap_geodata airquality --out FILE --synthetic YEAR (--stations SRC | --random-stations N)\n"
      "                               [--hours N] [--seed N] [--pollutants pm25,pm10,no2,o3]\n"
      "       ccap_geodata airquality-datasets --config datasets.json --out-dir DIR [--data-path air]\n"
      "                               [--demo-stations SRC --demo-year YEAR]  (synthetic demo readings, apart)\n"
      "       ccap_geodata city-tiles --partnership partnership.json --land SRC --lakes SRC --rivers SRC\n"
      "                               --countries SRC --places SRC --out-dir DIR [--radius-km 60]\n"
      "                               [--regional-land SRC]  (zoom-5 tiles within 300 km: land, borders)\n"
      "       ccap_geodata refresh --sources data-sources.json --out-dir DIR [--datasets datasets.json]\n"
      "                               [--data-path air]  (DIR: the served data/air folder, with its index.json)\n"
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
  const auto encoded = ccap::encode_basemap(*result.map);
  if (!encoded.error.empty()) {
    std::fprintf(stderr, "error: %s\nccap_geodata: %s was not written\n", encoded.error.c_str(), out.c_str());
    return 1;
  }
  const auto& bytes = encoded.bytes;
  if (auto why = ccap::pipeline::write_file_atomically(out, bytes); !why.empty()) {
    std::fprintf(stderr, "error: %s\n", why.c_str());
    return 1;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  for (std::size_t i = 0; i < result.stats.size(); ++i) {
    const auto& s = result.stats[i];
    std::printf(
        "level %zu (zoom >= %g): %zu land features (%zu polygons repaired) -> %zu triangles; "
        "%zu countries -> %zu coast + %zu border segments\n",
        i, static_cast<double>(levels[i].min_zoom), s.land_features, s.repaired_polygons, s.triangles, s.countries,
        s.coast_segments, s.border_segments);
  }
  std::printf("wrote %s: %zu bytes in %.2f s\n", out.c_str(), bytes.size(), seconds);
  return 0;
}

// Imports every given file, reports what was rejected and why, and writes hourly series, unless a
// file could not be read at all (then nothing is written). With --synthetic, makes synthetic demo
// readings for the --stations (or --random-stations) instead of importing.
int airquality(int argc, char** argv) {
  using namespace ccap::airquality;
  std::string out, stations_path;
  std::vector<std::pair<std::string, std::string>> imports;  // (--openaq/--moenv/--air4thai, file)
  std::uint32_t max_hours = ccap::kMaxAirSeriesHours;
  std::optional<int> synthetic_year;
  std::size_t random_stations = 0;
  SyntheticSpec spec;
  bool failed = false;
  const auto number = [](const std::string& v, long long& n) {
    char* end = nullptr;
    n = std::strtoll(v.c_str(), &end, 10);
    return end != v.c_str() && !*end && n >= 0;
  };
  bool allow_empty = false;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--allow-empty") {
      allow_empty = true;
      continue;
    }
    if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    long long n = 0;
    if (arg == "--out") {
      out = value;
    } else if (arg == "--stations") {
      stations_path = value;
    } else if (arg == "--synthetic" || arg == "--random-stations" || arg == "--hours" || arg == "--seed" ||
               arg == "--max-hours") {
      if (!number(value, n)) return usage((arg + " wants a whole number, not '" + value + "'").c_str());
      if (arg == "--synthetic") synthetic_year = static_cast<int>(n);
      if (arg == "--random-stations") random_stations = static_cast<std::size_t>(n);
      if (arg == "--hours") spec.hours = static_cast<std::uint32_t>(std::min<long long>(n, ccap::kMaxAirSeriesHours));
      if (arg == "--seed") spec.seed = static_cast<std::uint64_t>(n);
      if (arg == "--max-hours")
        max_hours = static_cast<std::uint32_t>(std::min<long long>(n, ccap::kMaxAirSeriesHours));
    } else if (arg == "--pollutants") {
      spec.pollutants.clear();
      for (std::size_t at = 0; at <= value.size();) {
        const std::size_t comma = std::min(value.find(',', at), value.size());
        const auto p = ccap::parse_pollutant(value.substr(at, comma - at));
        if (!p) return usage(("unknown pollutant in --pollutants " + value).c_str());
        spec.pollutants.push_back(*p);
        at = comma + 1;
      }
    } else if (arg == "--openaq" || arg == "--moenv" || arg == "--air4thai") {
      imports.emplace_back(arg, value);
    } else {
      return usage(("unexpected argument " + arg).c_str());
    }
  }
  if (out.empty()) return usage("--out is required");
  if (synthetic_year && !imports.empty())
    return usage("--synthetic makes readings: it does not mix with imported files");
  if (synthetic_year && stations_path.empty() && random_stations == 0)
    return usage("--synthetic needs --stations FILE or --random-stations N");

  // Each file's readings go straight into the series (the CSV a line at a time), bounded by
  // --max-hours wherever it was given.
  SeriesBuilder builder(max_hours);
  for (const auto& [arg, value] : imports) {
    builder.begin_source(arg == "--openaq" ? "OpenAQ" : arg == "--moenv" ? "MOENV" : "air4thai");
    ImportReport r;
    if (arg == "--openaq") {
      r = import_openaq_csv_file(value, builder);
    } else if (arg == "--moenv") {
      r = import_moenv_file(value, builder);
    } else {
      const ccap::FileBytes file = ccap::read_file_bytes(value, kMaxFeedJsonBytes);
      if (!file.bytes) {
        std::fprintf(stderr, "error: %s\n", file.error.c_str());
        failed = true;
        continue;
      }
      const std::string_view text(reinterpret_cast<const char*>(file.bytes->data()), file.bytes->size());
      r = import_air4thai_json(text, value, builder);
    }
    if (!r.fatal.empty()) {
      std::fprintf(stderr, "error: %s\n", r.fatal.c_str());
      failed = true;
      continue;
    }
    std::printf("%s: %zu readings, %zu records rejected", value.c_str(), r.accepted, r.rejected_total());
    if (r.repeated) std::printf(" (and %zu sent again with the same value: one reading each)", r.repeated);
    std::printf("\n");
    for (std::size_t k = 0; k < r.rejected.size(); ++k)
      if (r.rejected[k]) std::printf("  %zu x %s\n", r.rejected[k], reject_name(static_cast<Reject>(k)));
    for (const std::string& e : r.examples) std::printf("    e.g. %s\n", e.c_str());
  }

  std::vector<ccap::AirStation> stations;
  if (!stations_path.empty()) {
    StationPoints points = read_station_points(stations_path, "");
    if (!points.fatal.empty()) {
      std::fprintf(stderr, "error: %s\n", points.fatal.c_str());
      failed = true;
    }
    for (const std::string& p : points.problems) std::fprintf(stderr, "error: %s\n", p.c_str());
    failed = failed || !points.problems.empty();
    stations = std::move(points.stations);
  }
  if (failed) {
    std::fprintf(stderr, "ccap_geodata: %s was not written\n", out.c_str());
    return 1;
  }

  ccap::AirQualityData data;
  if (synthetic_year) {
    spec.first_hour = ccap::days_from_civil(*synthetic_year, 1, 1) * 86400;
    if (random_stations > 0) {
      std::vector<ccap::LngLat> centres;
      for (const auto& s : stations) centres.push_back(s.where);
      if (centres.empty()) centres.push_back({110, 15});
      stations = scattered_stations(centres, random_stations, spec.seed);
    }
    data = synthetic_air_quality(std::move(stations), spec);
    data.recipe = ccap::SyntheticRecipe{spec.seed, spec.pollutants};  // the file holds the recipe, not the values
  } else {
    ccap::airquality::SeriesBuild build = builder.finish();
    if (!build.error.empty()) {
      std::fprintf(stderr, "error: %s\nccap_geodata: %s was not written\n", build.error.c_str(), out.c_str());
      return 1;
    }
    data = std::move(build.data);
    data.description = "Imported readings";
    // Metadata from --stations for the imported stations with the same id.
    for (ccap::AirStation& s : data.stations)
      for (const ccap::AirStation& meta : stations)
        if (meta.id == s.id) {
          s.operator_name = meta.operator_name;
          s.licence = meta.licence;
          s.url = meta.url;
          s.city = meta.city;
          if (s.name.empty()) s.name = meta.name;
        }
  }
  // What the app would refuse is not written (air_quality_problems: the rules both sides keep), and
  // nothing replaces a good file with none: no station, or no reading at all, is an error unless
  // asked for.
  std::vector<std::string> problems = ccap::air_quality_problems(data);
  const bool any_reading =
      data.recipe || std::any_of(data.series.begin(), data.series.end(), [](const auto& s) {
        return std::any_of(s.values.begin(), s.values.end(), [](float v) { return std::isfinite(v); });
      });
  if (!allow_empty && data.stations.empty())
    problems.push_back(
        "no station to write (every record was rejected, or nothing was given): --allow-empty writes it");
  else if (!allow_empty && !any_reading)
    problems.push_back("no reading to write (every record was rejected): --allow-empty writes it");
  if (!problems.empty()) {
    for (const std::string& p : problems) std::fprintf(stderr, "error: %s\n", p.c_str());
    std::fprintf(stderr, "ccap_geodata: %s was not written\n", out.c_str());
    return 1;
  }
  const auto bytes = ccap::encode_air_quality(data);
  if (auto why = ccap::pipeline::write_file_atomically(out, bytes); !why.empty()) {
    std::fprintf(stderr, "error: %s\n", why.c_str());
    return 1;
  }
  std::printf("wrote %s: %zu stations, %zu series, %u hours, %zu bytes%s\n", out.c_str(), data.stations.size(),
              data.series.size(), data.hours, bytes.size(), data.any_synthetic() ? " (synthetic demo data)" : "");
  return 0;
}

// The real datasets of a description (dataset_config.h), each imported and reported, then written
// as a set with its index (dataset_build.h), or nothing at all when any dataset failed. With
// --demo-stations, synthetic demo readings for those stations join the set as its demo, apart.
int airquality_datasets(int argc, char** argv) {
  using namespace ccap::airquality;
  std::string config_path, out_dir, data_path = "air", demo_stations;
  int demo_year = 0;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    if (arg == "--config")
      config_path = value;
    else if (arg == "--out-dir")
      out_dir = value;
    else if (arg == "--data-path")
      data_path = value;
    else if (arg == "--demo-stations")
      demo_stations = value;
    else if (arg == "--demo-year")
      demo_year = std::atoi(value.c_str());
    else
      return usage(("unexpected argument " + arg).c_str());
  }
  if (config_path.empty() || out_dir.empty()) return usage("--config and --out-dir are required");
  if (!demo_stations.empty() && (demo_year < ccap::airquality::kFirstReadingYear || demo_year > 2100))
    return usage("--demo-stations needs --demo-year YEAR");
  const auto start = std::chrono::steady_clock::now();
  const ccap::FileBytes file = ccap::read_file_bytes(config_path, 1 << 20);
  if (!file.bytes) {
    std::fprintf(stderr, "error: %s\nccap_geodata: %s was not written\n", file.error.c_str(), out_dir.c_str());
    return 1;
  }
  const DatasetConfig config = read_dataset_config(
      std::string_view(reinterpret_cast<const char*>(file.bytes->data()), file.bytes->size()), config_path);
  std::vector<std::string> errors = config.problems;
  std::vector<DatasetBuild> builds;
  for (const DatasetSpec& spec : config.datasets) {
    const auto t0 = std::chrono::steady_clock::now();
    DatasetBuild b = build_dataset(spec);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("%s (%s): %u stations, %u hours, %s, %.1f s\n", spec.id.c_str(), spec.title.c_str(), b.entry.stations,
                b.entry.hours, ccap::period_label(b.entry.first_hour, b.entry.hours).c_str(), s);
    for (const std::string& line : b.log) std::printf("  %s\n", line.c_str());
    errors.insert(errors.end(), b.errors.begin(), b.errors.end());
    builds.push_back(std::move(b));
  }
  std::optional<DatasetBuild> demo;
  if (!demo_stations.empty()) {
    StationPoints points = read_station_points(demo_stations, "");
    if (!points.fatal.empty()) errors.push_back(points.fatal);
    errors.insert(errors.end(), points.problems.begin(), points.problems.end());
    SyntheticSpec spec;
    spec.first_hour = ccap::days_from_civil(demo_year, 1, 1) * 86400;
    demo.emplace();
    demo->data = synthetic_air_quality(std::move(points.stations), spec);
    demo->data.recipe = ccap::SyntheticRecipe{spec.seed, spec.pollutants};
    for (const std::string& p : ccap::air_quality_problems(demo->data)) errors.push_back("demo: " + p);
    ccap::AirDataset& e = demo->entry;
    e.id = "demo";
    e.title = "Synthetic demo data";
    e.publisher = "Clean Air Atlas (generated, not measured)";
    e.licence = "not applicable: generated";
    e.credit = "Synthetic demo readings at real station locations (each station names its source)";
    e.attribution = "Air: synthetic demo data, not measurements";
    e.status = "synthetic demo data, not measurements";
    e.time_zone = "UTC";
    e.synthetic = true;
    describe_series(demo->data, e);
  }
  if (!errors.empty()) {
    for (const std::string& e : errors) std::fprintf(stderr, "error: %s\n", e.c_str());
    std::fprintf(stderr, "ccap_geodata: nothing in %s was written\n", out_dir.c_str());
    return 1;
  }
  if (const std::string why = write_dataset_set(out_dir, data_path, builds, demo ? &*demo : nullptr); !why.empty()) {
    std::fprintf(stderr, "error: %s\n", why.c_str());
    return 1;
  }
  std::size_t bytes = 0;
  for (const DatasetBuild& b : builds) bytes += b.entry.bytes;
  std::printf("wrote %s: %zu datasets, %zu bytes, and index.json%s in %.1f s\n", out_dir.c_str(), builds.size(), bytes,
              demo ? " (and the demo set apart)" : "",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}

std::string hex64(std::uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

// The city-scale map (city_tiles.h, city_places.h): the tiles within --radius-km of every partner
// city, their places, and index.json, written last; nothing at all when anything failed.
int city_tiles(int argc, char** argv) {
  using namespace ccap::pipeline;
  std::string partnership_path, out_dir;
  CityTileSources sources;
  SourceRef places, regional_land;
  double radius_km = kCityRadiusKm;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    if (arg == "--partnership")
      partnership_path = value;
    else if (arg == "--out-dir")
      out_dir = value;
    else if (arg == "--land")
      sources.land = SourceRef::parse(value);
    else if (arg == "--lakes")
      sources.lakes = SourceRef::parse(value);
    else if (arg == "--rivers")
      sources.rivers = SourceRef::parse(value);
    else if (arg == "--countries")
      sources.countries = SourceRef::parse(value);
    else if (arg == "--places")
      places = SourceRef::parse(value);
    else if (arg == "--regional-land")
      regional_land = SourceRef::parse(value);
    else if (arg == "--radius-km") {
      const auto r = ccap::parse_decimal(value);
      if (!r || *r <= 0 || *r > 500) return usage(("--radius-km wants 0-500 km, not '" + value + "'").c_str());
      radius_km = *r;
    } else
      return usage(("unexpected argument " + arg).c_str());
  }
  if (partnership_path.empty() || out_dir.empty() || sources.land.path.empty() || sources.lakes.path.empty() ||
      sources.rivers.path.empty() || sources.countries.path.empty() || places.path.empty())
    return usage("city-tiles needs --partnership, --land, --lakes, --rivers, --countries, --places and --out-dir");
  const auto start = std::chrono::steady_clock::now();
  const auto fail = [&](const std::vector<std::string>& errors) {
    for (const std::string& e : errors) std::fprintf(stderr, "error: %s\n", e.c_str());
    std::fprintf(stderr, "ccap_geodata: nothing in %s was written\n", out_dir.c_str());
    return 1;
  };
  const ccap::FileBytes file = ccap::read_file_bytes(partnership_path, 16 << 20);
  if (!file.bytes) return fail({partnership_path + ": " + file.error});
  const ccap::PartnershipLoad load = ccap::parse_partnership(
      std::string_view(reinterpret_cast<const char*>(file.bytes->data()), file.bytes->size()), partnership_path);
  if (!load.partnership) return fail(load.problems);
  std::vector<ccap::LngLat> where;
  std::vector<PartnerPlace> partners;
  for (const ccap::City& c : load.partnership->cities) {
    where.push_back(c.where);
    partners.push_back({c.where, c.geonames_id});
  }
  const std::vector<TileKey> keys = tiles_near(where, radius_km, kCityTileZoom);
  CityTilesResult tiles = cut_city_tiles(sources, keys);
  CityPlacesResult named = read_city_places(places, keys, partners);
  std::vector<std::string> errors = tiles.errors;
  if (!regional_land.path.empty()) {  // the regional level: land and borders, before the city tiles
    const std::vector<TileKey> regional_keys = tiles_near(where, kRegionalRadiusKm, kRegionalTileZoom);
    CityTilesResult regional = cut_city_tiles({regional_land, {}, {}, sources.countries}, regional_keys);
    errors.insert(errors.end(), regional.errors.begin(), regional.errors.end());
    tiles.tiles.insert(tiles.tiles.begin(), std::make_move_iterator(regional.tiles.begin()),
                       std::make_move_iterator(regional.tiles.end()));
  }
  errors.insert(errors.end(), named.errors.begin(), named.errors.end());
  if (!errors.empty()) return fail(errors);

  nlohmann::json index = {{"format", 1},
                          {"zoom", kCityTileZoom},
                          {"radius_km", radius_km},
                          {"attribution",
                           "Coast: \u00a9 OpenStreetMap contributors (ODbL) via geo-maps (zoom-8 tiles), "
                           "Natural Earth 1:10m (zoom-5 tiles) \u00b7 rivers, lakes, places: Natural Earth"},
                          {"places", "places.json"},
                          {"tiles", nlohmann::json::array()}};
  std::vector<std::pair<std::string, std::vector<std::uint8_t>>> files;
  std::size_t total = 0;
  for (const CityTile& t : tiles.tiles) {
    auto encoded = ccap::encode_basemap(t.map);
    if (!encoded.error.empty()) return fail({"tile " + t.key.name() + ": " + encoded.error});
    const std::string name = t.key.name() + ".ccapmap";
    index["tiles"].push_back({{"file", name},
                              {"z", t.key.z},
                              {"x", t.key.x},
                              {"y", t.key.y},
                              {"bytes", encoded.bytes.size()},
                              {"fnv1a64", hex64(ccap::fnv1a64(encoded.bytes))}});
    std::printf("tile %s: %zu land pieces -> %zu triangles, %zu coast, %zu border, %zu river segments, %zu bytes\n",
                t.key.name().c_str(), t.stats.land_pieces, t.stats.triangles, t.stats.coast_segments,
                t.stats.border_segments, t.stats.river_segments, encoded.bytes.size());
    total += encoded.bytes.size();
    files.emplace_back(name, std::move(encoded.bytes));
  }
  const std::string places_text = city_places_json(named.places, "Natural Earth 1:10m populated places");
  files.emplace_back("places.json", std::vector<std::uint8_t>(places_text.begin(), places_text.end()));
  const std::string index_text = index.dump(1);
  files.emplace_back("index.json", std::vector<std::uint8_t>(index_text.begin(), index_text.end()));
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  for (const auto& [name, bytes] : files)  // index.json last: a reader never sees an index without its tiles
    if (auto why = write_file_atomically(out_dir + "/" + name, bytes); !why.empty()) return fail({why});
  std::printf("wrote %s: %zu tiles (%zu bytes) around %zu partner cities, %zu places, in %.1f s\n", out_dir.c_str(),
              tiles.tiles.size(), total, where.size(), named.places.size(),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  return 0;
}

}  // namespace

// The live datasets' feeds fetched, merged and published (refresh/refresh_job.h): a line per
// dataset; exit 0 when every dataset was refreshed (or had nothing new), 1 when any was kept as it
// was or nothing could be published, 2 for a wrong command line. CCAP_REFRESH_STEP_PAUSE_MS, for
// the tests that kill the job mid-publish: a pause before each publishing step.
int refresh(int argc, char** argv) {
  ccap::pipeline::RefreshOptions o;
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return usage(("missing value after " + arg).c_str());
    const std::string value = argv[++i];
    if (arg == "--sources")
      o.sources = value;
    else if (arg == "--datasets")
      o.datasets = value;
    else if (arg == "--out-dir")
      o.out_dir = value;
    else if (arg == "--data-path")
      o.data_path = value;
    else
      return usage(("unexpected argument " + arg).c_str());
  }
  if (o.sources.empty() || o.out_dir.empty()) return usage("--sources and --out-dir are required");
  const auto start = std::chrono::steady_clock::now();
  o.fetch = [](const ccap::pipeline::HttpRequest& request) {
    return ccap::pipeline::http_get(
        request, [](double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); },
        [](const std::string& line) { std::fprintf(stderr, "  %s\n", line.c_str()); });
  };
  o.env = [](const std::string& name) {
    const char* v = std::getenv(name.c_str());
    return std::string(v ? v : "");
  };
  if (const char* pause = std::getenv("CCAP_REFRESH_STEP_PAUSE_MS"))
    o.step = [ms = std::atoi(pause)](const std::string&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    };
  const ccap::pipeline::RefreshResult r = ccap::pipeline::run_refresh(o);
  for (const auto& d : r.datasets) std::printf("%s\n", d.line.c_str());
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!r.error.empty()) {
    std::fprintf(stderr, "error: %s\nccap_geodata refresh: the published set in %s is kept as it was\n",
                 r.error.c_str(), o.out_dir.c_str());
    return 1;
  }
  std::size_t changed = 0, failed = 0;
  for (const auto& d : r.datasets) changed += d.changed && d.failure.empty(), failed += !d.failure.empty();
  if (r.published)
    std::printf("published %s/index.json: %zu of %zu datasets changed, %.1f s\n", o.out_dir.c_str(), changed,
                r.datasets.size(), s);
  else
    std::printf("nothing new: %s left as it was, %.1f s\n", o.out_dir.c_str(), s);
  if (failed)
    std::fprintf(stderr, "ccap_geodata refresh: %zu of %zu datasets kept as they were (see above)\n", failed,
                 r.datasets.size());
  std::fflush(stdout);
  return r.ok() ? 0 : 1;
}

int main(int argc, char** argv) {
  if (argc < 2) return usage(nullptr);
  const std::string command = argv[1];
  if (command == "basemap") return basemap(argc, argv);
  if (command == "airquality") return airquality(argc, argv);
  if (command == "airquality-datasets") return airquality_datasets(argc, argv);
  if (command == "city-tiles") return city_tiles(argc, argv);
  if (command == "refresh") return refresh(argc, argv);
  if (command == "--help" || command == "-h") return usage(nullptr), 0;
  return usage(("unknown command " + command).c_str());
}
