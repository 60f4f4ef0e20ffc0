#include "pipeline/airquality/dataset_build.h"

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "features/air/import/series_builder.h"
#include "pipeline/airquality/csv_importer.h"
#include "pipeline/airquality/json_importers.h"
#include "pipeline/airquality/station_points.h"
#include "pipeline/atomic_file.h"

namespace ccap::airquality {

namespace {

std::string report_line(const std::string& file, const ImportReport& r) {
  std::string line = file + ": " + std::to_string(r.accepted) + " readings, " + std::to_string(r.rejected_total()) +
                     " records rejected";
  if (r.repeated) line += " (and " + std::to_string(r.repeated) + " sent again with the same value: one reading each)";
  for (std::size_t k = 0; k < r.rejected.size(); ++k)
    if (r.rejected[k]) line += "\n  " + std::to_string(r.rejected[k]) + " x " + reject_name(static_cast<Reject>(k));
  for (const std::string& e : r.examples) line += "\n    e.g. " + e;
  return line;
}

// Names and partner cities from the metadata file, for the stations with the same id.
void add_metadata(const DatasetSpec& spec, AirQualityData& data, std::vector<std::string>& errors) {
  std::vector<AirStation> meta;
  if (!spec.stations.empty()) {
    StationPoints points = read_station_points(spec.stations, "");
    if (!points.fatal.empty()) errors.push_back(points.fatal);
    for (const std::string& p : points.problems) errors.push_back(p);
    meta = std::move(points.stations);
  }
  for (AirStation& s : data.stations) {
    s.source = spec.title;
    s.operator_name = spec.publisher;
    s.licence = spec.licence;
    s.url = spec.url;
    s.city = spec.city;
    for (const AirStation& m : meta)
      if (m.id == s.id) {
        if (!m.name.empty()) s.name = m.name;  // (English names: the feed's are in the local script)
        if (!m.city.empty()) s.city = m.city;
        if (!m.url.empty()) s.url = m.url;
      }
  }
}

}  // namespace

void describe_series(const AirQualityData& data, AirDataset& entry) {
  entry.first_hour = data.first_hour;
  entry.hours = data.hours;
  entry.stations = static_cast<std::uint32_t>(data.stations.size());
  entry.pollutants.clear();
  for (const AirSeries& s : data.series)
    if (std::any_of(s.values.begin(), s.values.end(), [](float v) { return std::isfinite(v); }) &&
        std::find(entry.pollutants.begin(), entry.pollutants.end(), s.pollutant) == entry.pollutants.end())
      entry.pollutants.push_back(s.pollutant);
  if (data.recipe) entry.pollutants = data.recipe->pollutants;
  std::sort(entry.pollutants.begin(), entry.pollutants.end());
  entry.cities.clear();
  for (const AirStation& s : data.stations) {
    if (s.city.empty()) continue;
    auto it = std::find_if(entry.cities.begin(), entry.cities.end(), [&](const auto& c) { return c.id == s.city; });
    if (it == entry.cities.end()) it = entry.cities.insert(entry.cities.end(), {s.city, 0});
    ++it->stations;
  }
  if (data.stations.empty()) return;
  entry.west = entry.east = data.stations[0].where.lng;
  entry.south = entry.north = data.stations[0].where.lat;
  for (const AirStation& s : data.stations) {
    entry.west = std::min(entry.west, s.where.lng), entry.east = std::max(entry.east, s.where.lng);
    entry.south = std::min(entry.south, s.where.lat), entry.north = std::max(entry.north, s.where.lat);
  }
}

DatasetBuild build_dataset(const DatasetSpec& spec, std::uint32_t max_hours) {
  DatasetBuild out;
  SeriesBuilder builder(max_hours);
  builder.begin_source(spec.title);
  for (const std::string& file : spec.import.files) {
    const ImportReport r = spec.import.kind == DatasetImport::Kind::Moenv
                               ? import_moenv_file(file, builder)
                               : import_csv_file(file, spec.import.csv, builder);
    if (!r.fatal.empty()) {
      out.errors.push_back(r.fatal);
      continue;
    }
    out.log.push_back(report_line(file, r));
  }
  SeriesBuild build = builder.finish();
  if (!build.error.empty()) out.errors.push_back(spec.id + ": " + build.error);
  out.data = std::move(build.data);
  add_metadata(spec, out.data, out.errors);
  for (const std::string& p : air_quality_problems(out.data)) out.errors.push_back(spec.id + ": " + p);
  const bool any_reading = std::any_of(out.data.series.begin(), out.data.series.end(), [](const AirSeries& s) {
    return std::any_of(s.values.begin(), s.values.end(), [](float v) { return std::isfinite(v); });
  });
  if (out.errors.empty() && !any_reading) out.errors.push_back(spec.id + ": no reading (every record was rejected)");
  AirDataset& e = out.entry;
  e.id = spec.id, e.title = spec.title, e.publisher = spec.publisher, e.licence = spec.licence;
  e.credit = spec.credit, e.attribution = spec.attribution, e.url = spec.url, e.status = spec.status,
  e.time_zone = spec.time_zone;
  describe_series(out.data, e);
  if (spec.import.format == "airnow-embassy" || spec.import.format == "datagovsg-regional") {
    e.files_format = spec.import.format;  // someone opening the agency's own files in the app reads them so
    e.files_utc_offset_minutes = spec.import.csv.utc_offset_minutes;
    for (const auto& [key, place] : spec.import.csv.places)
      e.file_places.push_back({key, place.id.empty() ? key : place.id, place.name, place.where});
  }
  out.data.description = dataset_caption(e);  // "<title>, <status>, <period>": the file says whose it is
  return out;
}

std::string write_dataset_set(const std::string& dir, const std::string& dir_in_data, std::vector<DatasetBuild>& builds,
                              DatasetBuild* demo) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return dir + ": cannot be made: " + ec.message();
  AirIndex index;
  const auto write = [&](DatasetBuild& b) -> std::string {
    const auto bytes = encode_air_quality(b.data);
    b.entry.file = dir_in_data + "/" + b.entry.id + ".ccapaq";
    b.entry.bytes = bytes.size();
    return pipeline::write_file_atomically(dir + "/" + b.entry.id + ".ccapaq", bytes);
  };
  for (DatasetBuild& b : builds) {
    if (std::string why = write(b); !why.empty()) return why;
    index.datasets.push_back(b.entry);
  }
  if (demo) {
    if (std::string why = write(*demo); !why.empty()) return why;
    index.demo = demo->entry;
  }
  const std::string text = write_air_index(index);
  return pipeline::write_file_atomically(dir + "/index.json",
                                         std::span(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}

}  // namespace ccap::airquality
