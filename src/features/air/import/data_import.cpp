#include "features/air/import/data_import.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "features/air/import/air_data_merge.h"
#include "features/air/import/csv_formats.h"
#include "features/air/import/csv_guess.h"
#include "features/air/import/csv_import.h"
#include "features/air/import/csv_points.h"
#include "features/air/import/geojson_points.h"
#include "features/air/import/json_feeds.h"
#include "features/air/import/line_splitter.h"
#include "features/air/import/series_builder.h"

namespace ccap::airquality {

namespace {

// Stations are told apart by source and id (series_builder.h): files of one format name the same
// station alike, so two OpenAQ files of one location are one station.
const char* source_of(FileKind kind) {
  switch (kind) {
    case FileKind::OpenaqArchiveCsv: return "OpenAQ";
    case FileKind::MoenvJson: return "MOENV";
    case FileKind::Air4thaiJson: return "air4thai";
    case FileKind::AirnowCsv: return "AirNow";
    case FileKind::DatagovsgCsv: return "data.gov.sg";
    default: return "your data";
  }
}

bool read_whole(FileKind kind) {
  return kind == FileKind::MoenvJson || kind == FileKind::Air4thaiJson || kind == FileKind::GeoJson ||
         kind == FileKind::AirSeries;
}

// The importers' sink for one file: its own series, and the report's counts as readings come.
class FileSink final : public ReadingSink {
 public:
  explicit FileSink(ImportedFile& file) : file_(&file) {}
  SeriesBuilder builder;
  Added add(const ReadingView& r) override {
    const Added added = builder.add(r);
    if (added == Added::Yes) {
      ++file_->readings[static_cast<std::size_t>(r.pollutant)];
      if (file_->first > file_->last) file_->first = file_->last = r.time;
      file_->first = std::min(file_->first, r.time), file_->last = std::max(file_->last, r.time);
      if (stations_.emplace(r.station).second) file_->stations = stations_.size();
    }
    return added;
  }

 private:
  ImportedFile* file_;
  std::set<std::string, std::less<>> stations_;
};

// A .ccapaq file's hours as readings at each hour's start: one path for every file. `stations`: its
// stations, whose details (operator, licence, page, city) the readings do not carry.
ImportReport import_air_series(std::span<const std::uint8_t> bytes, const std::string& file, FileSink& sink,
                               std::vector<AirStation>& stations) {
  ImportReport out;
  AirQualityDecodeResult decoded = decode_air_quality(bytes);
  if (!decoded.data) {
    out.fatal = file + ": " + decoded.error;
    return out;
  }
  const AirQualityData& d = *decoded.data;
  if (d.any_synthetic()) {
    out.fatal = file + ": synthetic demo readings, not measurements: they are shown only as the demo (?demo=1)";
    return out;
  }
  for (const AirSeries& series : d.series) {
    const AirStation& s = d.stations[series.station];
    sink.builder.begin_source(s.source.empty() ? "your data" : s.source);
    for (std::size_t h = 0; h < series.values.size(); ++h) {
      if (std::isnan(series.values[h])) continue;
      const ReadingView r{s.id,
                          s.name,
                          s.where,
                          series.pollutant,
                          d.first_hour + static_cast<std::int64_t>(h) * 3600,
                          series.values[h]};
      out.add(sink, r, [&] { return file + ": " + s.id + ", " + pollutant_name(series.pollutant); });
    }
  }
  stations = std::move(decoded.data->stations);
  return out;
}

}  // namespace

struct DataImport::Reading {
  explicit Reading(ImportedFile& f) : sink(f), lines(kMaxCsvLine) {}
  FileSink sink;
  std::vector<std::uint8_t> head;  // the first bytes, until the file is told
  bool told = false;
  std::optional<CsvFormat> format;  // a CSV: read a line at a time
  std::unique_ptr<CsvImport> csv;
  std::unique_ptr<CsvPoints> points_csv;  // a CSV of stations without readings
  LineSplitter lines;
  bool going = true;                // the CSV wants more lines
  std::vector<std::uint8_t> whole;  // a JSON document or a .ccapaq file
  std::vector<AirStation> points;   // station points (GeoJSON)
  std::vector<AirStation> details;  // a .ccapaq file's stations as it describes them
  bool stopped = false;             // no more bytes needed

  // Each line of a CSV, as the splitter completes it, to its reader, until the reader wants no more.
  const LineSplitter::OnLine on_line = [this](const LineSplitter::Line& l) {
    if (going) going = csv ? csv->line(l.text, l.length, l.number) : points_csv->line(l.text, l.length, l.number);
  };
};

DataImport::DataImport() = default;
DataImport::~DataImport() = default;

void DataImport::know_places(const std::vector<AirDataset>& datasets) {
  for (const AirDataset& d : datasets) {
    KnownPlaces* known = d.files_format == "airnow-embassy"       ? &airnow_
                         : d.files_format == "datagovsg-regional" ? &datagovsg_
                                                                  : nullptr;
    // One zone for a format's files: a set in another zone than the first is left out (its files
    // then read as UnknownStation rows, never at a wrong hour).
    if (!known || (known->any && known->utc_offset_minutes != d.files_utc_offset_minutes)) continue;
    known->any = true;
    known->utc_offset_minutes = d.files_utc_offset_minutes;
    for (const AirDataset::FilePlace& p : d.file_places) known->places.emplace(p.key, CsvPlace{p.id, p.name, p.where});
  }
}

void DataImport::begin_file(const std::string& name, std::uint64_t size, const CsvFormat* columns) {
  if (file_) finish_file("another file was opened before this one was read to its end");
  ImportedFile& f = files_.emplace_back();
  f.name = name;
  f.size = size;
  file_ = std::make_unique<Reading>(f);
  if (columns) file_->format = *columns;
}

bool DataImport::feed(std::span<const std::uint8_t> bytes) {
  if (!file_ || file_->stopped) return false;
  Reading& r = *file_;
  files_.back().bytes += bytes.size();
  if (r.told) {
    take(bytes);
  } else {
    r.head.insert(r.head.end(), bytes.begin(), bytes.end());
    if (r.head.size() >= kSniffBytes) tell();
  }
  return !r.stopped;
}

void DataImport::tell() {
  Reading& r = *file_;
  ImportedFile& f = files_.back();
  r.told = true;
  const FileSniff sniff = sniff_file(r.head);
  f.kind = r.format ? FileKind::Csv : sniff.kind;
  f.header = sniff.header, f.separator = sniff.separator, f.decimal_comma = sniff.decimal_comma;
  r.sink.builder.begin_source(source_of(f.kind));
  const auto refuse = [&](std::string why) {
    f.report.fatal = f.name + ": " + std::move(why);
    r.stopped = true;
  };
  switch (f.kind) {
    case FileKind::OpenaqArchiveCsv: r.format = openaq_archive_format(); break;
    // The embassy files and Singapore's regions name places the file does not locate: the built-in
    // sets' descriptions say where (know_places); a place they do not know is an UnknownStation.
    case FileKind::AirnowCsv: r.format = airnow_embassy_format(airnow_.places, airnow_.utc_offset_minutes); break;
    case FileKind::DatagovsgCsv: r.format = datagovsg_regional_format(datagovsg_.places); break;
    case FileKind::Csv:
    case FileKind::PointsCsv:
      if (!r.format) {
        CsvGuess g = guess_csv_format(sniff, f.name);
        const bool located =
            !g.found.latitude_column.empty() && !g.found.longitude_column.empty() && !g.found.station_column.empty();
        if (!g.format && located && g.found.time_column.empty()) {  // where stations are, no readings
          r.format = std::move(g.found);
          r.points_csv = std::make_unique<CsvPoints>(f.name, *r.format, source_of(f.kind));
          break;
        }
        if (!g.format) {
          f.missing_columns = std::move(g.missing);
          std::string missing;
          for (const std::string& m : f.missing_columns) missing += (missing.empty() ? "" : ", ") + m;
          return refuse("its header does not say which columns hold " + missing + ": choose them");
        }
        r.format = std::move(g.format);
      }
      break;
    case FileKind::Gzip: return refuse("gzip-compressed data inside a gzip file (compressed twice?)");
    case FileKind::Unknown: return refuse(sniff.why.empty() ? "not a file the atlas can read" : sniff.why);
    default: break;
  }
  if (r.format) {
    if (f.kind != FileKind::Csv || !r.format->name.empty()) r.format->separator = sniff.separator;
    r.format->decimal_comma = r.format->decimal_comma || sniff.decimal_comma;
    if (r.format->name.empty()) r.format->name = f.name;
    if (!r.points_csv) r.csv = std::make_unique<CsvImport>(f.name, *r.format, r.sink);
  }
  const std::vector<std::uint8_t> head = std::move(r.head);
  r.head = {};
  take(head);
}

void DataImport::take(std::span<const std::uint8_t> bytes) {
  Reading& r = *file_;
  ImportedFile& f = files_.back();
  if (r.csv || r.points_csv) {
    r.lines.feed({reinterpret_cast<const char*>(bytes.data()), bytes.size()}, r.on_line);
    f.lines = r.lines.lines();
    f.report = r.csv ? r.csv->report() : r.points_csv->report();
    if (!r.going) r.stopped = true;
  } else if (read_whole(f.kind)) {
    if (r.whole.size() + bytes.size() > kMaxWholeFileBytes) {
      f.report.fatal = f.name + ": more than " + std::to_string(kMaxWholeFileBytes >> 20) + " MB, the most a " +
                       file_kind_name(f.kind) + " is read to (a CSV is read at any size)";
      r.stopped = true;
      r.whole = {};
      return;
    }
    r.whole.insert(r.whole.end(), bytes.begin(), bytes.end());
  }
}

void DataImport::end_file(const std::string& read_error) {
  if (file_) finish_file(read_error);
}

void DataImport::finish_file(const std::string& read_error) {
  Reading& r = *file_;
  ImportedFile& f = files_.back();
  if (!r.told && f.report.fatal.empty() && !read_error.empty()) f.report.fatal = f.name + ": " + read_error;
  if (!r.told && f.report.fatal.empty()) tell();
  if (f.report.fatal.empty()) {
    const std::string_view text(reinterpret_cast<const char*>(r.whole.data()), r.whole.size());
    if (r.csv || r.points_csv) {
      r.lines.finish(r.on_line);
      f.lines = r.lines.lines();
      if (r.csv) {
        f.report = r.csv->finish(read_error);
      } else {
        StationPointsRead points = r.points_csv->finish(read_error);
        f.report = std::move(points.report);
        f.stations = points.stations.size();
        r.points = std::move(points.stations);
      }
    } else if (!read_error.empty()) {
      f.report.fatal = f.name + ": " + read_error;
    } else if (f.kind == FileKind::MoenvJson) {
      f.report = import_moenv_json(text, f.name, r.sink);
    } else if (f.kind == FileKind::Air4thaiJson) {
      f.report = import_air4thai_json(text, f.name, r.sink);
    } else if (f.kind == FileKind::AirSeries) {
      f.report = import_air_series(r.whole, f.name, r.sink, r.details);
    } else if (f.kind == FileKind::GeoJson) {
      StationPointsRead points = read_geojson_points(text, f.name, source_of(f.kind));
      f.report = std::move(points.report);
      f.stations = points.stations.size();
      r.points = std::move(points.stations);
    }
  }
  f.done = read_error.empty();
  if (f.report.fatal.empty()) {
    SeriesBuild build = r.sink.builder.finish();
    if (!build.error.empty()) {
      f.report.fatal = f.name + ": " + build.error;
    } else {
      for (AirStation& s : build.data.stations)
        for (const AirStation& d : r.details)
          if (d.id == s.id && (d.source.empty() ? "your data" : d.source) == s.source) {
            s.name = d.name, s.operator_name = d.operator_name, s.licence = d.licence, s.url = d.url, s.city = d.city;
            break;
          }
      for (AirStation& s : r.points) build.data.stations.push_back(std::move(s));
      if (!build.data.stations.empty()) {
        parts_.push_back(std::move(build.data));
        part_names_.push_back(f.name);
      } else if (f.report.rejected_total() == 0) {
        f.report.fatal = f.name + ": holds no readings and no stations";
      }
    }
  }
  file_.reset();
}

std::uint64_t DataImport::bytes() const {
  std::uint64_t n = 0;
  for (const ImportedFile& f : files_) n += f.bytes;
  return n;
}
std::size_t DataImport::accepted() const {
  std::size_t n = 0;
  for (const ImportedFile& f : files_) n += f.report.accepted;
  return n;
}
std::size_t DataImport::rejected() const {
  std::size_t n = 0;
  for (const ImportedFile& f : files_) n += f.report.rejected_total();
  return n;
}

ImportOutcome DataImport::finish(std::span<const PartnerPlace> cities) {
  if (file_) finish_file("the import ended before the file was read to its end");
  ImportOutcome out;
  std::vector<NamedAirData> sets;
  for (std::size_t i = 0; i < parts_.size(); ++i) sets.push_back({&parts_[i], part_names_[i]});
  if (sets.empty()) {
    out.error = files_.size() == 1
                    ? files_[0].report.fatal.empty() ? files_[0].name + ": nothing to show" : files_[0].report.fatal
                    : "none of the " + std::to_string(files_.size()) + " files could be read";
  } else {
    AirDataMerge merged = merge_air_data(sets);
    out.overlaps = std::move(merged.overlaps);
    if (!merged.build.error.empty()) {
      out.error = merged.build.error;
    } else {
      out.matches = match_partner_cities(merged.build.data, cities);
      out.data = std::move(merged.build.data);
    }
  }
  parts_.clear();
  part_names_.clear();
  out.files = std::move(files_);
  files_.clear();
  return out;
}

std::optional<CsvFormat> chosen_format(const ImportedFile& file, const ChosenColumns& c) {
  const auto has = [&](const std::string& column) {
    return std::find(file.header.begin(), file.header.end(), column) != file.header.end();
  };
  if (!has(c.time) || !has(c.station) || !has(c.latitude) || !has(c.longitude) || !has(c.value)) return std::nullopt;
  CsvFormat format;
  format.name = file.name;
  format.separator = file.separator;
  format.decimal_comma = file.decimal_comma;
  format.time_column = c.time;
  format.station_column = c.station;
  format.latitude_column = c.latitude;
  format.longitude_column = c.longitude;
  format.value_columns = {{c.value, c.pollutant}};
  return format;
}

std::vector<CityMatch> match_partner_cities(AirQualityData& data, std::span<const PartnerPlace> cities) {
  std::vector<CityMatch> out;
  for (AirStation& s : data.stations) {
    const PartnerPlace* nearest = nullptr;
    double best = kPartnerCityMeters;
    for (const PartnerPlace& c : cities) {
      const double d = distance_meters(s.where, c.where);
      if (d <= best || (!s.city.empty() && c.key == s.city)) best = d, nearest = &c;
      if (!s.city.empty() && c.key == s.city) break;
    }
    if (!nearest) continue;
    if (s.city.empty()) s.city = nearest->key;
    out.push_back({s.name.empty() ? s.id : s.name, nearest->name, best});
  }
  return out;
}

AirDataset describe_own_data(const std::vector<ImportedFile>& files, const AirQualityData& data,
                             const AirDataset* joined) {
  AirDataset d;
  d.id = kOwnDataId;
  std::string names;
  for (const ImportedFile& f : files)
    if (f.report.fatal.empty()) names += (names.empty() ? "" : ", ") + f.name;
  d.title = "your data: " + names + (joined ? " + " + joined->title : "");
  d.attribution = "Air: your data (" + names + ")" + (joined ? " and " + joined->attribution : "");
  d.publisher = "as named in your files";
  d.licence = "your files' own";
  d.status = data.series.empty() ? "station places only, no readings" : "as in your files, not checked by the atlas";
  d.credit =
      "Your files, read on this device; nothing was uploaded." + (joined ? " Joined with: " + joined->credit : "");
  d.first_hour = data.first_hour;
  d.hours = data.hours;
  d.stations = static_cast<std::uint32_t>(data.stations.size());
  bool any = false;
  for (const AirStation& s : data.stations) {
    if (!any) d.west = d.east = s.where.lng, d.south = d.north = s.where.lat, any = true;
    d.west = std::min(d.west, s.where.lng), d.east = std::max(d.east, s.where.lng);
    d.south = std::min(d.south, s.where.lat), d.north = std::max(d.north, s.where.lat);
  }
  for (const AirSeries& s : data.series)
    if (std::find(d.pollutants.begin(), d.pollutants.end(), s.pollutant) == d.pollutants.end())
      d.pollutants.push_back(s.pollutant);
  return d;
}

}  // namespace ccap::airquality
